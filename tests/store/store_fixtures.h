// Fixtures for the store tests: Records built from the labelled corpus (real text, hand-checked
// labels) so the store is exercised on what extractors will really hand it, and a temporary
// store directory that cleans up after itself.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "model/record.h"
#include "support/corpus.h"
#include "util/text.h"

namespace foilog::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "foilog-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("mkdtemp failed for " + pattern);
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string label_string(const nlohmann::json& label, const char* key) {
  auto it = label.find(key);
  return it == label.end() || !it->is_string() ? std::string() : it->get<std::string>();
}

inline std::vector<std::string> label_strings(const nlohmann::json& label, const char* key) {
  auto it = label.find(key);
  return it == label.end() || !it->is_array() ? std::vector<std::string>()
                                              : it->get<std::vector<std::string>>();
}

inline Span find_span(const std::string& text, const std::string& needle) {
  if (needle.empty()) {
    return {};
  }
  const auto at = text.find(needle);
  return at == std::string::npos ? Span{} : Span{at, at + needle.size()};
}

// A rough authority type for the fixture (the real one comes from data/authorities.tsv).
inline std::string fixture_authority_type(const std::string& name) {
  if (icontains(name, "police") || icontains(name, "constabular")) {
    return "police";
  }
  if (icontains(name, "fire")) {
    return "fire";
  }
  if (icontains(name, "nhs") || icontains(name, "hospital")) {
    return "nhs";
  }
  if (icontains(name, "council")) {
    return "council";
  }
  return "other";
}

// Numbered lines ("1. What SEIM ...", "- 2. When ...") in order of first appearance, up to the
// labelled count; unitemised requests get one n == 0 question holding the first paragraph.
inline std::vector<Question> fixture_questions(const std::string& text, int count) {
  std::vector<Question> out;
  if (count == 0) {
    Question q;
    const auto end = text.find("\n\n", 1);
    q.text = std::string(trim(text.substr(0, std::min<std::size_t>(end, 400))));
    q.text_span = find_span(text, q.text);
    out.push_back(q);
    return out;
  }
  static const std::regex numbered(R"(^[\s\-*]*(\d{1,2})[.)]\s+(.+)$)");
  std::size_t pos = 0;
  int next = 1;
  while (next <= count && pos < text.size()) {
    const auto eol = text.find('\n', pos);
    const std::string line =
        text.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    std::smatch m;
    if (std::regex_match(line, m, numbered) && std::stoi(m[1].str()) == next) {
      Question q;
      q.n = next++;
      q.text = m[2].str();
      q.text_span = find_span(text, q.text);
      out.push_back(q);
    }
    if (eol == std::string::npos) {
      break;
    }
    pos = eol + 1;
  }
  for (; next <= count; ++next) {  // numbering the regex missed: keep the labelled count
    Question q;
    q.n = next;
    q.text = "question " + std::to_string(next);
    out.push_back(q);
  }
  return out;
}

inline DateFact fixture_date(const nlohmann::json& label, const char* key) {
  DateFact d;
  d.iso = label_string(label, key);
  return d;
}

// The Record an ideal extractor would produce for a labelled document.
inline Record record_from_label(const LabelledDoc& doc) {
  const auto& l = doc.label;
  Record r;
  r.file = doc.path.string();
  r.text = doc.text;
  r.format = "text";
  r.title = std::string(trim(doc.text.substr(0, doc.text.find('\n', 1))));
  r.authority = label_string(l, "authority");
  r.authority_id = slugify(r.authority);
  r.authority_known = !r.authority.empty();
  r.authority_type = fixture_authority_type(r.authority);
  r.authority_country = "england";
  r.authority_span = find_span(doc.text, r.authority);
  r.reference = label_string(l, "reference");
  r.reference_span = find_span(doc.text, r.reference);
  if (!r.reference.empty()) {
    r.references.push_back(r.reference);
  }
  r.date_received = fixture_date(l, "date_received");
  r.date_responded = fixture_date(l, "date_responded");
  r.regimes = label_strings(l, "regimes");
  for (const auto& p : label_strings(l, "exemptions")) {
    ExemptionCitation c;
    c.provision = p;
    c.act = p.rfind("reg", 0) == 0 ? "EIR" : "FOIA";
    c.parent = p.substr(0, p.find('('));
    c.span = find_span(doc.text, "Section " + c.parent.substr(1));
    r.exemptions.push_back(c);
  }
  r.procedural = label_strings(l, "procedural");
  r.outcome = label_string(l, "outcome");
  r.questions = fixture_questions(doc.text, l.value("questions", 0));
  r.topics = label_strings(l, "topics");
  r.kind = "response";
  return r;
}

inline LabelledDoc labelled(const std::string& name) {
  for (auto& d : load_labelled_corpus()) {
    if (d.name == name) {
      return d;
    }
  }
  throw std::runtime_error("no labelled document " + name + " in data/");
}

}  // namespace foilog::testing
