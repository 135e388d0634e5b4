#include "gen/corpus_model.h"

#include <algorithm>

#include "util/error.h"

namespace foilog::bench {
namespace {

// The provisions real responses cite most often (ICO and disclosure-log surveys put personal
// data, commercial interests, law enforcement and future publication at the top); every other
// provision of the Act follows in table order.
const std::vector<std::string>& popular(const std::string& act) {
  static const std::vector<std::string> foia = {
      "s40(2)",    "s43(2)",    "s31(1)(a)", "s21(1)",    "s22(1)",    "s38(1)(a)", "s41(1)",
      "s42(1)",    "s36(2)(c)", "s24(1)",    "s30(1)(a)", "s44(1)(a)", "s31(1)(b)", "s35(1)(a)",
      "s38(1)(b)", "s43(1)",    "s36(2)(b)", "s26(1)(b)", "s27(1)(a)", "s33(1)(b)"};
  static const std::vector<std::string> foisa = {"s38(1)(b)", "s33(1)(b)", "s35(1)(a)",
                                                 "s25(1)",    "s27(1)",    "s30(c)",
                                                 "s36(2)",    "s39(1)",    "s31(1)"};
  static const std::vector<std::string> eir = {"reg13(1)",    "reg12(5)(e)", "reg12(5)(b)",
                                               "reg12(5)(a)", "reg12(4)(e)", "reg12(5)(f)"};
  static const std::vector<std::string> none;
  return act == "FOIA" ? foia : act == "FOISA" ? foisa : act == "EIR" ? eir : none;
}

// Whether a provision can stand as the reason information is withheld (not s12/s14, which are
// the cost-limit and vexatious outcomes, nor EIR's not-held and manifestly-unreasonable
// exceptions, nor a bare parent of listed subsections).
bool withholding(const ExemptionInfo& e, const ExemptionTable& table) {
  // A title that names other provisions ("Certificates under ss. 23 and 24", "see regulation
  // 13") would cite them too when printed.
  if (e.title.find_first_of("0123456789") != std::string::npos) {
    return false;
  }
  if (e.ncnd || e.parent == "s12" || e.parent == "s14" || e.parent == "s18" ||
      e.provision == "reg12(4)(a)" || e.provision == "reg12(4)(b)") {
    return false;
  }
  for (const auto& other : table.all()) {
    if (other.act == e.act && other.provision != e.provision &&
        other.provision.rfind(e.provision + "(", 0) == 0) {
      return false;  // has subsections: letters cite those
    }
  }
  return true;
}

ActProvisions provisions_for(const std::string& act, const ExemptionTable& table) {
  ActProvisions out;
  for (const auto& p : popular(act)) {
    const ExemptionInfo* e = table.find(act, p);
    if (e != nullptr && e->provision == p && withholding(*e, table)) {
      out.withholding.push_back(e);
    }
  }
  for (const auto& e : table.all()) {
    if (e.act != act) {
      continue;
    }
    if (e.ncnd && e.provision != "s18") {
      out.ncnd.push_back(&e);
    } else if (withholding(e, table) && std::find(out.withholding.begin(), out.withholding.end(),
                                                  &e) == out.withholding.end()) {
      out.withholding.push_back(&e);
    }
  }
  return out;
}

std::vector<TopicPhrases> topic_phrases(const TopicTable& table) {
  std::vector<TopicPhrases> out;
  for (const auto& t : table.all()) {
    TopicPhrases tp{t.id, t.label, {}};
    for (const auto& k : t.keywords) {
      const bool plain = !k.prefix && k.weight > 0 && k.phrase.size() >= 4 &&
                         k.phrase.find_first_of("0123456789") == std::string::npos;
      if (plain) {
        tp.phrases.push_back(k.phrase);
      }
    }
    if (tp.phrases.size() >= 2) {
      out.push_back(std::move(tp));
    }
  }
  return out;
}

}  // namespace

CorpusModel::CorpusModel(const std::filesystem::path& data_dir, std::size_t authorities)
    : taxonomies_(Taxonomies::load(data_dir)),
      authority_rank_(
          std::max<std::size_t>(1, std::min(authorities, taxonomies_.authorities.all().size())),
          0.9),
      topic_rank_(1, 1.0),
      vocabulary_() {
  const auto& all = taxonomies_.authorities.all();
  if (all.empty()) {
    throw DataError((data_dir / "authorities.tsv").string() + ": no authorities");
  }
  // A fixed, evenly spread subset of the table (every k-th row), shuffled once with a fixed
  // seed so that popularity does not follow the alphabet.
  const std::size_t want = authority_rank_.size();
  for (std::size_t i = 0; i < want; ++i) {
    authorities_.push_back(&all[i * all.size() / want]);
  }
  Rng shuffle(0x61757468ULL);
  for (std::size_t i = authorities_.size(); i > 1; --i) {
    std::swap(authorities_[i - 1], authorities_[shuffle.below(i)]);
  }
  topics_ = topic_phrases(taxonomies_.topics);
  if (topics_.empty()) {
    throw DataError((data_dir / "topics.tsv").string() + ": no topic has two plain phrases");
  }
  topic_rank_ = Zipf(topics_.size(), 0.8);
  foia_ = provisions_for("FOIA", taxonomies_.exemptions);
  foisa_ = provisions_for("FOISA", taxonomies_.exemptions);
  eir_ = provisions_for("EIR", taxonomies_.exemptions);
  if (foia_.withholding.empty() || foia_.ncnd.empty()) {
    throw DataError((data_dir / "exemptions.tsv").string() + ": no FOIA provisions");
  }
}

const AuthorityInfo& CorpusModel::authority(Rng& rng) const {
  return *authorities_[authority_rank_.sample(rng)];
}

const TopicPhrases& CorpusModel::topic(Rng& rng) const {
  return topics_[topic_rank_.sample(rng)];
}

const ActProvisions& CorpusModel::provisions(const std::string& act) const {
  if (act == "FOISA" && !foisa_.withholding.empty()) {
    return foisa_;
  }
  if (act == "EIR" && !eir_.withholding.empty()) {
    return eir_;
  }
  return foia_;
}

}  // namespace foilog::bench
