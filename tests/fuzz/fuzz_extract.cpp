// Every extractor, through extract_record() as the indexer runs it (references, dates and
// working days, authority, regimes, exemptions, questions, outcome, topics, kind, personal
// data), over text as the readers hand it over (valid UTF-8 in normal form), then the record's
// JSON as the store keeps it; plus the extractors' standalone entry points (date phrases,
// request splitting for /check, reference keys). The first byte picks the hints (e-mail sender,
// source address) and where the title comes from.
// Expected: nothing; extractors take any text. Contract: every span lies inside the text on
// character boundaries, dates are ISO, the outcome and kind are from their fixed sets, the
// JSON dumps (it fails on invalid UTF-8) and reads back to the same record.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "extract/dates.h"
#include "extract/extract_record.h"
#include "extract/questions.h"
#include "extract/record_json.h"
#include "extract/reference.h"
#include "fuzz_support.h"
#include "readers/normalise.h"
#include "taxonomy/taxonomies.h"
#include "util/text.h"

namespace {

using foilog::fuzz::require;

bool is_char_boundary(std::string_view text, std::size_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

void require_span(std::string_view text, const foilog::Span& span, const char* contract) {
  if (span.empty()) {
    return;  // "not found in the text": any empty span is allowed
  }
  const bool ok = span.end <= text.size() && is_char_boundary(text, span.begin) &&
                  is_char_boundary(text, span.end);
  if (!ok) {
    std::fprintf(stderr, "fuzz: span [%zu, %zu) in a text of %zu bytes\n", span.begin, span.end,
                 text.size());
  }
  require(ok, contract);
}

void require_iso(const foilog::DateFact& d, const char* contract) {
  require(d.iso.empty() || (d.iso.size() == 10 && d.iso[4] == '-' && d.iso[7] == '-'), contract);
}

template <std::size_t N>
bool one_of(const std::string& value, const std::array<std::string_view, N>& allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

constexpr std::array<std::string_view, 8> kOutcomes = {
    "granted", "partial", "refused", "not_held", "ncnd", "cost_limit", "vexatious", "other"};

void check_record(const foilog::Record& r) {
  const std::string_view text = r.text;
  require_span(text, r.authority_span, "authority span inside the text");
  require_span(text, r.reference_span, "reference span inside the text");
  require_span(text, r.outcome_span, "outcome span inside the text");
  for (const auto* d :
       {&r.date_received, &r.date_clarified, &r.date_responded, &r.date_internal_review}) {
    require_span(text, d->span, "date span inside the text");
    require_iso(*d, "dates are ISO YYYY-MM-DD");
  }
  for (const auto& e : r.exemptions) {
    require_span(text, e.span, "exemption span inside the text");
    require(!e.provision.empty(), "an exemption has a provision");
  }
  for (const auto& q : r.questions) {
    require_span(text, q.text_span, "question span inside the text");
    require_span(text, q.answer_span, "answer span inside the text");
    require(one_of(q.outcome, kOutcomes), "a question's outcome is one of the fixed set");
  }
  for (const auto& w : r.warnings) {
    require_span(text, w.span, "warning span inside the text");
  }
  require(one_of(r.outcome, kOutcomes), "the outcome is one of the fixed set");
  require(one_of(r.kind, std::array<std::string_view, 4>{"response", "internal_review",
                                                         "standing_refusal", "other"}),
          "the kind is one of the fixed set");
}

void check_json_round_trip(const foilog::Record& r) {
  // dump() is what the store writes; it throws on a string that is not valid UTF-8.
  const auto parsed = nlohmann::json::parse(foilog::record_to_json(r, true).dump());
  const foilog::Record back = foilog::record_from_json(parsed);
  require(back.text == r.text && back.reference == r.reference && back.authority == r.authority &&
              back.outcome == r.outcome && back.questions.size() == r.questions.size() &&
              back.exemptions.size() == r.exemptions.size() && back.topics == r.topics,
          "record JSON reads back to the same record");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foilog;
  static const Taxonomies taxonomies = Taxonomies::load(default_data_dir());
  // Not a structured binding: clang 14 cannot capture one in a lambda.
  const fuzz::Steered input = fuzz::steer(data, size);
  const std::uint8_t selector = input.selector;
  const std::string_view payload = input.payload;

  DocumentText doc;
  doc.text = normalise_text(repair_utf8(payload));
  doc.format = "text";
  if ((selector & 1) != 0) {
    doc.title = collapse_whitespace(doc.text.substr(0, doc.text.find('\n')));
  }
  if ((selector & 2) != 0) {
    doc.metadata["email.from"] = "foi@west-midlands.police.uk";
    doc.metadata["email.date"] = "2021-03-04";
  }
  ExtractHints hints;
  if ((selector & 4) != 0) {
    hints.source_url = "https://www.whatdotheyknow.com/request/fuzz";
  }
  const Record record = extract_record(doc, taxonomies, hints, "fuzz.txt");
  check_record(record);
  check_json_round_trip(record);

  // Entry points the record does not reach: the /check page's splitter, one date phrase (a
  // correction form's date), a reference key (search by ref:).
  for (const auto& q : split_request(doc.text, 7)) {
    require(q.span.empty() || (q.span.begin >= 7 && q.span.end <= doc.text.size() + 7),
            "split_request spans are offset into the request");
  }
  (void)parse_date_phrase(doc.text.substr(0, 200));
  const std::string key = normalise_reference(doc.text.substr(0, 200));
  require(key == normalise_reference(key), "normalise_reference is idempotent");
  return 0;
}
