#include "cli/evaluation.h"

#include <algorithm>
#include <set>

#include "extract/reference.h"
#include "util/text.h"

namespace foilog {
namespace {

std::string label_string(const nlohmann::json& label, const char* key) {
  if (!label.contains(key) || label[key].is_null()) {
    return {};
  }
  if (label[key].is_string()) {
    return label[key].get<std::string>();
  }
  return label[key].dump();
}

std::set<std::string> label_set(const nlohmann::json& label, const char* key) {
  std::set<std::string> out;
  if (label.contains(key) && label[key].is_array()) {
    for (const auto& v : label[key]) {
      if (v.is_string()) {
        out.insert(v.get<std::string>());
      }
    }
  }
  return out;
}

std::string show(const std::string& v) {
  return v.empty() ? "null" : v;
}

std::string show(const std::set<std::string>& s) {
  std::string out = "[";
  for (const auto& v : s) {
    out += (out.size() > 1 ? ", " : "") + v;
  }
  return out + "]";
}

class Accuracy {
 public:
  explicit Accuracy(std::string field) { score_.field = std::move(field); }
  void add(const std::string& doc, const std::string& expected, const std::string& got,
           bool equal) {
    ++score_.total;
    if (equal) {
      ++score_.correct;
    } else {
      score_.misses.push_back(doc + ": expected " + show(expected) + ", got " + show(got));
    }
  }
  FieldScore finish() {
    score_.score = score_.total == 0 ? 1.0 : static_cast<double>(score_.correct) / score_.total;
    return score_;
  }

 private:
  FieldScore score_;
};

class SetScore {
 public:
  explicit SetScore(std::string field) {
    score_.field = std::move(field);
    score_.is_set = true;
  }
  void add(const std::string& doc, const std::set<std::string>& expected,
           const std::set<std::string>& got) {
    ++score_.total;
    std::size_t hit = 0;
    for (const auto& g : got) {
      hit += expected.count(g);
    }
    tp_ += hit;
    fp_ += got.size() - hit;
    fn_ += expected.size() - hit;
    if (expected == got) {
      ++score_.correct;
    } else {
      score_.misses.push_back(doc + ": expected " + show(expected) + ", got " + show(got));
    }
  }
  FieldScore finish() {
    score_.precision = tp_ + fp_ == 0 ? 1.0 : static_cast<double>(tp_) / (tp_ + fp_);
    score_.recall = tp_ + fn_ == 0 ? 1.0 : static_cast<double>(tp_) / (tp_ + fn_);
    const double pr = score_.precision + score_.recall;
    score_.score = pr == 0 ? 0 : 2 * score_.precision * score_.recall / pr;
    return score_;
  }

 private:
  FieldScore score_;
  std::size_t tp_ = 0, fp_ = 0, fn_ = 0;
};

std::string authority_key(const std::string& name, const std::string& id,
                          const AuthorityTable& table) {
  if (!id.empty()) {
    return id;
  }
  if (const AuthorityInfo* a = table.resolve(name)) {
    return a->id;
  }
  return collapse_whitespace(ascii_lower(name));
}

}  // namespace

std::vector<FieldScore> evaluate(const std::vector<LabelledRecord>& docs,
                                 const AuthorityTable& authorities) {
  Accuracy reference("reference"), authority("authority"), received("date_received"),
      responded("date_responded"), outcome("outcome"), questions("questions");
  SetScore regimes("regimes"), exemptions("exemptions"), procedural("procedural");

  for (const auto& d : docs) {
    const auto& l = d.label;
    const auto& r = d.record;
    const std::string ref = label_string(l, "reference");
    reference.add(d.name, ref, r.reference,
                  normalise_reference(ref) == normalise_reference(r.reference));
    const std::string auth = label_string(l, "authority");
    authority.add(d.name, auth, r.authority,
                  !auth.empty() && authority_key(auth, "", authorities) ==
                                       authority_key(r.authority, r.authority_id, authorities));
    const std::string rec = label_string(l, "date_received");
    received.add(d.name, rec, r.date_received.iso, rec == r.date_received.iso);
    const std::string resp = label_string(l, "date_responded");
    responded.add(d.name, resp, r.date_responded.iso, resp == r.date_responded.iso);
    const std::string out = label_string(l, "outcome");
    outcome.add(d.name, out, r.outcome, out == r.outcome);
    const std::string q = label_string(l, "questions");
    const std::string got_q = std::to_string(r.question_count());
    questions.add(d.name, q, got_q, q == got_q);

    regimes.add(d.name, label_set(l, "regimes"),
                std::set<std::string>(r.regimes.begin(), r.regimes.end()));
    std::set<std::string> got_ex;
    for (const auto& e : r.exemptions) {
      got_ex.insert(e.provision);
    }
    exemptions.add(d.name, label_set(l, "exemptions"), got_ex);
    procedural.add(d.name, label_set(l, "procedural"),
                   std::set<std::string>(r.procedural.begin(), r.procedural.end()));
  }
  return {reference.finish(),  authority.finish(), received.finish(),
          responded.finish(),  regimes.finish(),   exemptions.finish(),
          procedural.finish(), outcome.finish(),   questions.finish()};
}

}  // namespace foilog
