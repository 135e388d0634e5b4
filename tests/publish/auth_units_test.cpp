// The pieces sign-in rests on: the constant-time comparator, the secrets, the failed-sign-in
// rate limiter (with an injected clock, so time moves when the test says), cookies, and the
// checks of correction input and CSV manifests.
#include <gtest/gtest.h>

#include <set>

#include "extract/extract_record.h"
#include "model/record.h"
#include "publish/auth.h"
#include "publish/correction_input.h"
#include "publish/manifest.h"
#include "publish/rate_limiter.h"
#include "store/corrections.h"
#include "store/secrets.h"
#include "taxonomy/taxonomies.h"
#include "util/error.h"

namespace foilog {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

TEST(ConstantTimeEqual, ComparesWholeStrings) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("foilog_abc", "foilog_abc"));
  EXPECT_FALSE(constant_time_equal("foilog_abc", "foilog_abd"));  // last byte
  EXPECT_FALSE(constant_time_equal("Xoilog_abc", "foilog_abc"));  // first byte
  EXPECT_FALSE(constant_time_equal("foilog_ab", "foilog_abc"));   // a prefix is not equal
  EXPECT_FALSE(constant_time_equal("foilog_abc", ""));
  const std::string a(64, 'a');
  std::string b = a;
  b[31] = 'b';
  EXPECT_FALSE(constant_time_equal(a, b));
  // Embedded NUL bytes count (no C-string comparison stopping early).
  EXPECT_FALSE(constant_time_equal(std::string("ab\0c", 4), std::string("ab\0d", 4)));
  EXPECT_TRUE(constant_time_equal(std::string("ab\0c", 4), std::string("ab\0c", 4)));
}

TEST(Secrets, AreLongRandomAndUrlSafe) {
  std::set<std::string> seen;
  for (int i = 0; i < 500; ++i) {
    const std::string t = new_api_token();
    ASSERT_TRUE(t.starts_with(kTokenPrefix));
    EXPECT_EQ(t.size(), kTokenPrefix.size() + 43U);  // 32 bytes, base64url without padding
    EXPECT_EQ(
        t.substr(kTokenPrefix.size())
            .find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 500U);
}

class FakeClock {
 public:
  web::RateLimiter::Clock clock() {
    return [this] { return now_; };
  }
  void advance(seconds s) { now_ += s; }

 private:
  std::chrono::steady_clock::time_point now_{std::chrono::hours(1000)};
};

TEST(RateLimiter, BlocksAnAddressAfterTooManyFailuresUntilTheWindowPasses) {
  FakeClock t;
  web::RateLimiter limiter(3, minutes(15), t.clock());
  EXPECT_FALSE(limiter.blocked("10.0.0.1"));
  limiter.record_failure("10.0.0.1");
  t.advance(seconds(60));
  limiter.record_failure("10.0.0.1");
  EXPECT_FALSE(limiter.blocked("10.0.0.1"));
  limiter.record_failure("10.0.0.1");
  const auto wait = limiter.blocked("10.0.0.1");
  ASSERT_TRUE(wait);
  // The first failure (60 s ago) leaves the window in 14 minutes.
  EXPECT_EQ(*wait, seconds(14 * 60));
  EXPECT_FALSE(limiter.blocked("10.0.0.2")) << "another address is not affected";
  t.advance(seconds(14 * 60 - 1));
  EXPECT_TRUE(limiter.blocked("10.0.0.1"));
  EXPECT_EQ(*limiter.blocked("10.0.0.1"), seconds(1));
  t.advance(seconds(1));
  EXPECT_FALSE(limiter.blocked("10.0.0.1")) << "one failure aged out: two left in the window";
  limiter.record_failure("10.0.0.1");
  EXPECT_TRUE(limiter.blocked("10.0.0.1"));
}

TEST(RateLimiter, ASuccessForgetsTheFailures) {
  FakeClock t;
  web::RateLimiter limiter(2, minutes(15), t.clock());
  limiter.record_failure("a");
  limiter.reset("a");
  limiter.record_failure("a");
  EXPECT_FALSE(limiter.blocked("a"));
}

TEST(RateLimiter, MemoryStaysBoundedUnderManyAddresses) {
  FakeClock t;
  web::RateLimiter limiter(1, minutes(15), t.clock(), 100);
  for (int i = 0; i < 1000; ++i) {
    limiter.record_failure("addr" + std::to_string(i));
  }
  // The newest are remembered; at most 100 keys are kept.
  EXPECT_TRUE(limiter.blocked("addr999"));
  int remembered = 0;
  for (int i = 0; i < 1000; ++i) {
    remembered += limiter.blocked("addr" + std::to_string(i)) ? 1 : 0;
  }
  EXPECT_LE(remembered, 100);
}

TEST(Cookies, AreHttpOnlyStrictAndSecureWhenAsked) {
  web::PublishOptions plain;
  const std::string c = web::set_cookie("foilog_session", "v", seconds(60), plain);
  EXPECT_NE(c.find("HttpOnly"), std::string::npos);
  EXPECT_NE(c.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(c.find("Path=/publish"), std::string::npos);
  EXPECT_EQ(c.find("Secure"), std::string::npos);
  web::PublishOptions secure;
  secure.secure_cookies = true;
  EXPECT_NE(web::set_cookie("foilog_session", "v", seconds(60), secure).find("; Secure"),
            std::string::npos);
  EXPECT_NE(web::clear_cookie("foilog_session", plain).find("Max-Age=0"), std::string::npos);
}

const Taxonomies& taxonomies() {
  static const Taxonomies loaded = Taxonomies::load(default_data_dir());
  return loaded;
}

nlohmann::json normalise(const std::string& field, const nlohmann::json& value) {
  Record current;
  current.regimes = {"FOIA"};
  return web::normalise_correction(field, value, taxonomies(), current,
                                   {{"canary-borough", "Canary Borough Council"}});
}

TEST(CorrectionInput, DatesAreCheckedAndWrittenIso) {
  EXPECT_EQ(normalise("date_received", "21/03/2021"), "2021-03-21");
  EXPECT_EQ(normalise("date_received", "2021-03-21"), "2021-03-21");
  EXPECT_TRUE(normalise("date_responded", "").is_null());
  EXPECT_TRUE(normalise("date_responded", nullptr).is_null());
  EXPECT_THROW(normalise("date_received", "31/02/2021"), UsageError);
  EXPECT_THROW(normalise("date_received", "next Tuesday"), UsageError);
  EXPECT_THROW(normalise("date_received", 20210321), UsageError);
}

TEST(CorrectionInput, ExemptionsAreCanonicalAndFromTheTable) {
  const auto e = normalise("exemptions", nlohmann::json::array({"Section 40(2)", "s31(1)(a)"}));
  ASSERT_EQ(e.size(), 2U);
  EXPECT_EQ(e[0]["provision"], "s40(2)");
  EXPECT_EQ(e[0]["act"], "FOIA");
  EXPECT_FALSE(e[0]["title"].get<std::string>().empty());
  EXPECT_EQ(e[1]["parent"], "s31");
  EXPECT_THROW(normalise("exemptions", nlohmann::json::array({"s999"})), UsageError);
  EXPECT_EQ(normalise("exemptions", "s40(2)\ns43").size(), 2U) << "one per line, as typed";
}

TEST(CorrectionInput, VocabulariesAreEnforced) {
  EXPECT_EQ(normalise("outcome", "refused"), "refused");
  EXPECT_THROW(normalise("outcome", "maybe"), UsageError);
  EXPECT_THROW(normalise("regimes", nlohmann::json::array({"GDPR"})), UsageError);
  EXPECT_THROW(normalise("topics", nlohmann::json::array({"no-such-topic"})), UsageError);
  EXPECT_THROW(normalise("text", "rewritten letter"), UsageError) << "the letter is not a fact";
  const auto a = normalise("authority", "West Midlands Police");
  EXPECT_EQ(a["id"], "west-midlands-police");
  EXPECT_EQ(normalise("authority", "canary-borough")["name"], "Canary Borough Council");
  EXPECT_THROW(normalise("authority", "Ministry of Silly Walks"), UsageError);
  EXPECT_THROW(normalise("questions", nlohmann::json::array({{{"n", 1}, {"text", ""}}})),
               UsageError);
}

TEST(CorrectionInput, AppliedCorrectionsClearTheirEvidenceAndRecountDays) {
  Record r;
  r.text = "Reference: ABC/1. Received 1 March 2021. Answered 29 March 2021.";
  r.reference = "ABC/1";
  r.reference_span = {11, 16};
  r.date_received = {"2021-03-01", {26, 38}};
  r.date_responded = {"2021-03-29", {49, 62}};
  compute_timeliness(r, taxonomies().bank_holidays);
  ASSERT_EQ(r.working_days, 20);
  apply_correction(r, "reference", normalise("reference", "ABC/2"), &taxonomies().bank_holidays);
  EXPECT_EQ(r.reference, "ABC/2");
  EXPECT_TRUE(r.reference_span.empty());
  EXPECT_EQ(r.references.front(), "ABC/2");
  apply_correction(r, "date_received", normalise("date_received", "08/03/2021"),
                   &taxonomies().bank_holidays);
  EXPECT_EQ(r.working_days, 15);
  EXPECT_TRUE(r.within_limit.value_or(false));
  EXPECT_TRUE(r.date_received.span.empty());
  EXPECT_FALSE(r.date_responded.span.empty()) << "the other date's evidence stands";
  const auto label = label_of(r);
  EXPECT_EQ(label["reference"], "ABC/2");
  EXPECT_EQ(label["date_received"], "2021-03-08");
}

TEST(Manifest, MapsFilesToTheirFacts) {
  const auto m = web::parse_manifest(
      "\xEF\xBB\xBF"
      "File,Reference,Title,Date_Received,Ignored\r\n"
      "\"My Letter (final).pdf\",FOI/1,\"Lighting, streets\",21/03/2021,x\r\n"
      "b.txt,FOI/2,,,\r\n");
  ASSERT_EQ(m.size(), 2U);
  const auto& a = m.at("My_Letter_final_.pdf");
  EXPECT_EQ(a["reference"], "FOI/1");
  EXPECT_EQ(a["title"], "Lighting, streets");
  EXPECT_EQ(a["date_received"], "21/03/2021");
  EXPECT_FALSE(a.contains("Ignored"));
  EXPECT_FALSE(m.at("b.txt").contains("title"));
  EXPECT_THROW(web::parse_manifest("reference,title\nx,y\n"), UsageError);
  EXPECT_THROW(web::parse_manifest("file\n\"never closed\n"), UsageError);
}

}  // namespace
}  // namespace foilog
