#include "extract/authority.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "extract/authority_mentions.h"
#include "extract/authority_roles.h"
#include "taxonomy/authority_table_words.h"
#include "util/regex.h"
#include "util/text.h"

namespace foilog {
namespace {

using authority_detail::Mention;

// Evidence weights. A publishing site is strong evidence (an authority's disclosure log only
// holds its own answers) but a body that speaks as itself in the text outweighs it.
constexpr double kSourceSiteWeight = 5;
constexpr double kEmailFromWeight = 4;
constexpr double kAddressInTextWeight = 1;  // an e-mail or web address in the text, per domain
constexpr double kAddressInTextCap = 2;
// A known body needs this much evidence before a name the table lacks is preferred over it.
constexpr double kKnownMinimum = 2.5;

// Sites that republish other bodies' responses: their domain says nothing about the author.
bool is_aggregator(std::string_view host) {
  static const std::array<std::string_view, 5> kAggregators = {
      "whatdotheyknow.com", "mysociety.org", "muckrock.com", "archive.org", "foi.directory"};
  for (auto a : kAggregators) {
    if (host == a ||
        (host.size() > a.size() && host.ends_with(a) && host[host.size() - a.size() - 1] == '.')) {
      return true;
    }
  }
  return false;
}

// The Information Commissioner, the ombudsmen and the like are named in nearly every letter's
// rights-of-appeal paragraph; they only wrote a document when they speak as themselves.
bool is_oversight_body(const AuthorityInfo& a) {
  return a.type == "regulator" &&
         (icontains(a.name, "Commissioner") || icontains(a.name, "Ombudsman"));
}

struct Candidate {
  std::vector<double> mention_scores;
  double hint_score = 0;
  double address_score = 0;
  Span best_span;
  double best_mention = 0;
  bool strong = false;  // spoke as itself at least once

  [[nodiscard]] double total(bool oversight) const {
    auto scores = mention_scores;
    std::sort(scores.rbegin(), scores.rend());
    double sum = 0;
    // Repetition counts, with diminishing returns, so a body named often in passing does not
    // outweigh one that signs the letter.
    for (std::size_t i = 0; i < scores.size(); ++i) {
      sum += i < 3 ? scores[i] : 0.25 * scores[i];
    }
    sum += std::min(address_score, kAddressInTextCap);
    if (oversight && !strong) {
      sum *= 0.25;
    }
    return sum + hint_score;
  }
};

AuthorityResult known_result(const AuthorityInfo& a, Span span) {
  return {a.name, a.id, true, a.type, a.country, span};
}

// E-mail and web addresses printed in the text ("enquiries@shropshirefire.gov.uk",
// "www.coventry.gov.uk/contractsregister").
std::vector<std::string> hosts_in_text(std::string_view text) {
  static const Regex address(
      R"(([A-Za-z0-9._%+-]+@|https?://|www\.)([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+))");
  std::vector<std::string> hosts;
  const std::string s(text);
  for (const RegexMatch& found : address.find_all(s)) {
    const std::string prefix = found.str(1);
    hosts.push_back(ascii_lower((prefix == "www." ? prefix : std::string()) + found.str(2)));
  }
  return hosts;
}

}  // namespace

AuthorityResult extract_authority(std::string_view text, const AuthorityTable& table,
                                  const AuthorityHints& hints) {
  const auto words = split_name_words(text);
  const auto mentions = authority_detail::find_table_mentions(text, words, table);

  if (!trim(hints.default_authority).empty()) {
    const AuthorityInfo* a = table.resolve(hints.default_authority);
    if (a == nullptr) {
      return {std::string(trim(hints.default_authority)), "", false, "", "", {}};
    }
    const auto index = static_cast<std::size_t>(a - table.all().data());
    for (const auto& m : mentions) {
      if (m.authority == index) {
        return known_result(*a, m.span);  // show where the text names it, if it does
      }
    }
    return known_result(*a, {});
  }

  const std::size_t response_begin = authority_detail::response_start(text);
  std::map<std::size_t, Candidate> candidates;
  for (const auto& m : mentions) {
    const double score = authority_detail::role_score(text, m.span, response_begin);
    auto& c = candidates[m.authority];
    c.mention_scores.push_back(score);
    c.strong = c.strong || score >= 1 + authority_detail::kStrongRole;
    if (score > c.best_mention) {
      c.best_mention = score;
      c.best_span = m.span;
    }
  }
  auto index_of = [&](const AuthorityInfo* a) {
    return static_cast<std::size_t>(a - table.all().data());
  };
  if (const auto host = url_host(hints.source_url); !host.empty() && !is_aggregator(host)) {
    if (const AuthorityInfo* a = table.by_domain(host)) {
      candidates[index_of(a)].hint_score += kSourceSiteWeight;
    }
  }
  if (const auto host = url_host(hints.email_from.find('@') == std::string::npos
                                     ? hints.email_from
                                     : "mailto://" + hints.email_from);
      !host.empty() && !is_aggregator(host)) {
    if (const AuthorityInfo* a = table.by_domain(host)) {
      candidates[index_of(a)].hint_score += kEmailFromWeight;
    }
  }
  for (const auto& host : hosts_in_text(text)) {
    if (const AuthorityInfo* a = table.by_domain(host); a != nullptr && !is_aggregator(host)) {
      candidates[index_of(a)].address_score += kAddressInTextWeight;
    }
  }

  const AuthorityInfo* best = nullptr;
  double best_score = 0;
  Span best_span;
  for (const auto& [index, c] : candidates) {
    const auto& a = table.all()[index];
    const double score = c.total(is_oversight_body(a));
    // Ties go to the body named first, which is the letterhead more often than not.
    if (score > best_score ||
        (score == best_score && best != nullptr && c.best_span.begin < best_span.begin)) {
      best = &a;
      best_score = score;
      best_span = c.best_span;
    }
  }
  if (best != nullptr && best_score >= kKnownMinimum) {
    return known_result(*best, best_span);
  }

  // A body the table does not know, as printed: "Borsetshire County Council".
  std::optional<Mention> unnamed;
  double unnamed_score = 0;
  for (auto& m : authority_detail::find_unnamed_bodies(text, words)) {
    const bool overlaps_known = std::any_of(mentions.begin(), mentions.end(), [&](const auto& k) {
      return k.span.begin < m.span.end && m.span.begin < k.span.end;
    });
    if (overlaps_known || table.resolve(m.printed) != nullptr) {
      continue;  // the table knows it; already weighed above
    }
    const double score = authority_detail::role_score(text, m.span, response_begin);
    if (score > unnamed_score) {
      unnamed = std::move(m);
      unnamed_score = score;
    }
  }
  if (unnamed && unnamed_score >= best_score) {
    return {unnamed->printed, "", false, "", "", unnamed->span};
  }
  if (best != nullptr) {
    return known_result(*best, best_span);
  }
  return {};
}

}  // namespace foilog
