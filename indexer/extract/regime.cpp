#include "extract/regime.h"

#include <cctype>
#include <functional>

#include "util/text.h"

namespace foilog {
namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Calls `on_hit(at)` for each whole-word occurrence of `word` (case-sensitive: acronyms).
void for_each_word(std::string_view text, std::string_view word,
                   const std::function<bool(std::size_t)>& on_hit) {
  for (auto at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool left = at == 0 || !is_word_char(text[at - 1]);
    const auto end = at + word.size();
    const bool right = end >= text.size() || !is_word_char(text[end]);
    if (left && right && on_hit(at)) {
      return;
    }
  }
}

bool has_word(std::string_view text, std::string_view word) {
  bool found = false;
  for_each_word(text, word, [&](std::size_t) { return found = true; });
  return found;
}

// The last word before `at` and the text right after the acronym, lower-cased.
std::string word_before(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && !is_word_char(text[end - 1]) && text[end - 1] != '\n') {
    --end;
  }
  std::size_t begin = end;
  while (begin > 0 && is_word_char(text[begin - 1])) {
    --begin;
  }
  return ascii_lower(text.substr(begin, end - begin));
}

// "EIR"/"EIRs" names the Regulations when used as a law ("under the EIR", "EIR 2004",
// "regulation 12(4)(b) of the EIRs"), not as part of a page name ("FOI and EIR Disclosure Log").
bool names_eir(std::string_view text, std::string_view acronym) {
  bool found = false;
  for_each_word(text, acronym, [&](std::size_t at) {
    const auto before = word_before(text, at);
    const auto after = ascii_lower(trim(text.substr(at + acronym.size(), 12)));
    found = before == "the" || before == "under" || before == "of" || before == "per" ||
            after.rfind("2004", 0) == 0 || after.rfind("reg", 0) == 0 ||
            after.rfind("exception", 0) == 0;
    return found;
  });
  return found;
}

// EIR exceptions cited by number ("Regulation 12(4)(b)", "reg. 13") imply the EIR.
bool cites_eir_regulation(std::string_view text) {
  for (const std::string_view kw : {"regulation 12(", "regulation 13", "reg 12(", "reg. 12(",
                                    "reg.12(", "reg12(", "reg 13", "reg. 13"}) {
    if (ifind(text, kw) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// "Freedom of Information Act", also with a bracketed abbreviation before "Act" ("Freedom of
// Information (FOI) Act"), but not "Freedom of Information (Scotland) Act" or "... request".
bool names_foi_act(std::string_view text) {
  constexpr std::string_view kName = "freedom of information";
  for (auto at = ifind(text, kName); at != std::string_view::npos;
       at = ifind(text, kName, at + 1)) {
    auto rest = ascii_lower(text.substr(at + kName.size(), 40));
    std::string_view r = trim(rest);
    if (!r.empty() && r.front() == '(') {
      const auto close = r.find(')');
      if (close == std::string_view::npos ||
          r.substr(0, close).find("scotland") != std::string_view::npos) {
        continue;
      }
      r = trim(r.substr(close + 1));
    }
    if (r.rfind("act", 0) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> extract_regimes(std::string_view text) {
  const bool foisa = icontains(text, "freedom of information (scotland) act") ||
                     has_word(text, "FOISA") || icontains(text, "FOI(S)A") ||
                     icontains(text, "FOI (Scotland) Act");
  const bool eirs_named = icontains(text, "environmental information (scotland) regulations") ||
                          has_word(text, "EIRS") || icontains(text, "EIR(S)");
  const bool scottish = foisa || eirs_named;
  const bool foia = names_foi_act(text) || has_word(text, "FOIA") || icontains(text, "FOI Act") ||
                    icontains(text, "freedom of information (fees and appropriate limit)") ||
                    icontains(text, "freedom of information and data protection (appropriate");
  // In a Scottish response "the EIRs" are the Scottish Regulations.
  const bool eir_acronym = names_eir(text, "EIR") || names_eir(text, "EIRs");
  const bool eirs_acronym = scottish && eir_acronym;
  const bool eir = icontains(text, "environmental information regulations") ||
                   (!scottish && (eir_acronym || cites_eir_regulation(text)));
  const bool dpa = icontains(text, "data protection act") || has_word(text, "DPA") ||
                   has_word(text, "GDPR") ||
                   icontains(text, "general data protection regulation") ||
                   icontains(text, "subject access request");
  std::vector<std::string> out;
  if (foia) {
    out.emplace_back("FOIA");
  }
  if (eir) {
    out.emplace_back("EIR");
  }
  if (foisa) {
    out.emplace_back("FOISA");
  }
  if (eirs_named || eirs_acronym) {
    out.emplace_back("EIRS");
  }
  if (dpa) {
    out.emplace_back("DPA");
  }
  return out;
}

std::vector<std::string> with_implied_regime(std::vector<std::string> found, std::string_view text,
                                             std::string_view authority_country) {
  for (const auto& r : found) {
    if (r == "FOIA" || r == "EIR" || r == "FOISA" || r == "EIRS") {
      return found;
    }
  }
  bool says_foi = false;
  for (const std::string_view phrase :
       {"freedom of information request", "freedom of information response",
        "freedom of information enquiry", "foi request", "foi response", "foi enquiry"}) {
    says_foi = says_foi || icontains(text, phrase);
  }
  if (!says_foi) {
    return found;
  }
  // Access regimes come first in extract_regimes' order, DPA last.
  found.insert(found.begin(), authority_country == "scotland" ? "FOISA" : "FOIA");
  return found;
}

}  // namespace foilog
