// The record foilog extracts from one published FOI response. This is the contract between the
// extractors (which fill it), the store (which persists it) and the web front end (which shows
// it). Every extracted value carries the character span it came from, so a page can show the
// evidence and an authority can correct it.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace foilog {

// Byte offsets [begin, end) into Record::text (valid UTF-8). An empty span means "not found in
// the text" (e.g. a value that came from a hint such as --authority or the source address).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  [[nodiscard]] bool empty() const { return end <= begin; }
  bool operator==(const Span&) const = default;
};

// What a reader made of a file: normalised text plus what the format itself told us.
struct DocumentText {
  std::string text;    // valid UTF-8, '\n' line ends, repeated page headers/footers removed
  std::string format;  // "text", "markdown", "html", "pdf", "email", "docx"
  std::string title;   // HTML <title>/<h1>, e-mail Subject, PDF Title; may be empty
  bool ocr = false;    // true when the text came from Tesseract (PDF without a text layer)
  // Facts from the container, e.g. "email.from", "email.date" (ISO), "email.subject",
  // "pdf.author", "pdf.creator", "source_url". Extractors may use them as hints.
  std::map<std::string, std::string> metadata;
  std::vector<std::string> notes;  // what the reader did that a user may want to know
};

struct DateFact {
  std::string iso;  // YYYY-MM-DD, empty when unknown
  Span span;
  [[nodiscard]] bool known() const { return !iso.empty(); }
};

struct ExemptionCitation {
  std::string provision;  // canonical: "s31(1)(a)", "s40(2)", "reg12(5)(b)", FOISA "s35(1)(a)"
  std::string act;        // "FOIA", "EIR", "FOISA", "EIRS", "DPA"
  std::string title;      // from data/exemptions.tsv, e.g. "Law enforcement"
  std::string parent;     // the section it rolls up to: "s31" for "s31(1)(a)"; itself if top
  bool absolute = false;  // absolute exemption (no public interest test)
  bool ncnd = false;      // a neither-confirm-nor-deny provision (s31(3), s40(5), ...)
  Span span;              // first place it is cited
};

struct Question {
  int n = 0;            // the requester's number (1-based); 0 for an unitemised request
  std::string text;     // the question as asked
  std::string answer;   // the answer aligned to it (may be empty)
  std::string outcome;  // granted, partial, refused, not_held, ncnd, cost_limit, vexatious, other
  std::vector<std::string> exemptions;  // canonical provisions applied to this question
  Span text_span;
  Span answer_span;
};

// A personal-data or publishing warning ("email", "phone", "private_name", "ni_number", ...).
struct Warning {
  std::string kind;
  std::string detail;
  Span span;
};

struct Record {
  std::string file;  // path as given to the indexer
  std::string text;  // the normalised document text the spans point into
  std::string format;
  bool ocr = false;
  std::string title;

  std::string authority;     // canonical name, or as printed when unknown
  std::string authority_id;  // slug from data/authorities.tsv; empty when unknown
  bool authority_known = false;
  std::string authority_type;     // police, council, nhs, central_government, fire, education,
                                  // regulator, other
  std::string authority_country;  // england, wales, scotland, northern_ireland, uk
  Span authority_span;

  std::string reference;  // the response's own reference, as printed
  Span reference_span;
  std::vector<std::string> references;        // every reference-like string (primary first)
  std::vector<std::string> decision_notices;  // ICO/SIC decision notices cited (FS50662638, ...)

  DateFact date_received;
  DateFact date_clarified;
  DateFact date_responded;
  DateFact date_internal_review;
  std::optional<int> working_days;   // received (or clarified) -> responded, E&W bank holidays
  std::optional<bool> within_limit;  // working_days <= 20

  std::vector<std::string> regimes;  // FOIA, EIR, FOISA, EIRS, DPA
  std::vector<ExemptionCitation> exemptions;
  std::vector<std::string> procedural;  // s1, s10, s16, s17, ... (not exemptions)

  std::string outcome;  // granted, partial, refused, not_held, ncnd, cost_limit, vexatious, other
  Span outcome_span;    // the sentence that decided it, when there is one

  // Itemised questions have n >= 1. An unitemised request is one Question with n == 0, so
  // question_count() (what the labels count) is 0 for it.
  std::vector<Question> questions;
  std::vector<std::string> topics;  // topic ids from data/topics.tsv
  std::string kind;                 // response, internal_review, standing_refusal, other
  std::vector<Warning> warnings;

  [[nodiscard]] int question_count() const {
    int c = 0;
    for (const auto& q : questions) {
      if (q.n > 0) {
        ++c;
      }
    }
    return c;
  }
};

}  // namespace foilog
