#include "gen/letter.h"

#include <set>

#include "gen/letter_plan.h"
#include "gen/letter_text.h"

namespace foilog::bench {
namespace {

// Mirrors the extractor's documented rule (extract/exemptions.h): a bare section is not listed
// when a subsection of it is also cited.
std::vector<std::string> without_enclosing(const std::set<std::string>& provisions) {
  std::vector<std::string> out;
  for (const auto& p : provisions) {
    bool enclosing = false;
    for (const auto& q : provisions) {
      enclosing = enclosing || (q != p && q.rfind(p + "(", 0) == 0);
    }
    if (!enclosing) {
      out.push_back(p);
    }
  }
  return out;
}

nlohmann::json date_or_null(const std::optional<Date>& d) {
  return d ? nlohmann::json(to_iso(*d)) : nlohmann::json(nullptr);
}

const char* layout_name(Layout l) {
  switch (l) {
    case Layout::kLetter:
      return "letter";
    case Layout::kDisclosureLog:
      return "disclosure-log page";
    case Layout::kNotice:
      return "notice";
  }
  return "letter";
}

}  // namespace

GeneratedDocument generate_document(const CorpusModel& model, std::uint64_t seed,
                                    std::uint64_t index) {
  Rng rng(Rng::derive(seed, index));
  const LetterPlan plan = plan_letter(model, rng);
  LetterText text = render_letter(plan, model, rng);

  nlohmann::json label = nlohmann::json::object();
  label["source"] =
      "foilog-bench gen --seed " + std::to_string(seed) + " document " + std::to_string(index);
  label["authority"] = plan.authority->name;
  label["reference"] =
      plan.reference.empty() ? nlohmann::json(nullptr) : nlohmann::json(plan.reference);
  label["date_received"] = date_or_null(plan.received);
  label["date_responded"] = date_or_null(plan.responded);
  label["regimes"] = text.names_act ? nlohmann::json::array({plan.act}) : nlohmann::json::array();
  label["exemptions"] = without_enclosing(text.exemptions);
  label["procedural"] = without_enclosing(text.procedural);
  label["outcome"] = plan.outcome;
  label["questions"] = plan.itemised ? static_cast<int>(plan.questions.size()) : 0;
  label["topics"] = nlohmann::json::array({plan.topic->id});
  label["notes"] = std::string("synthetic ") + layout_name(plan.layout) + ", " + plan.act + ", " +
                   plan.outcome + ", " + std::to_string(text.text.size()) + " bytes";
  return {std::move(text.text), std::move(label)};
}

}  // namespace foilog::bench
