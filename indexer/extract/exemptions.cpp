#include "extract/exemptions.h"

#include <algorithm>
#include <optional>
#include <set>

#include "extract/exemptions_citations.h"
#include "extract/exemptions_regions.h"
#include "util/text.h"

namespace foilog {
namespace {

using exemptions_detail::Citation;
using exemptions_detail::CitedAct;

bool has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The Act a citation belongs to; nullopt for other laws and for regulation numbers of the FOI
// Acts' fee regulations (handled by the Fees Regulations rule).
std::optional<std::string> act_of(const Citation& c, const std::vector<std::string>& regimes) {
  const bool scottish = has(regimes, "FOISA") && !has(regimes, "FOIA");
  if (c.regulation) {
    switch (c.act) {
      case CitedAct::eir:
        return "EIR";
      case CitedAct::eirs:
        return "EIRS";
      case CitedAct::unnamed:
        return (has(regimes, "EIRS") && !has(regimes, "EIR")) || scottish ? "EIRS" : "EIR";
      default:
        return std::nullopt;
    }
  }
  switch (c.act) {
    case CitedAct::foi:
      return "FOIA";
    case CitedAct::foisa:
      return "FOISA";
    case CitedAct::unnamed:
      return scottish ? "FOISA" : "FOIA";
    default:
      return std::nullopt;
  }
}

int leading_number(const std::string& n) {
  return std::stoi(n);
}

enum class Kind { exemption, procedural, neither };

// Sections about the right of access, time limits, notices, advice, reviews and appeals: the
// ones responses cite around a decision. Other section numbers count as procedural only when the
// Act is named after them, since "section 3" alone is as likely to be a part of a web page.
bool common_procedural(const std::string& act, int n) {
  static const std::set<int> kFoia = {1, 2, 8, 9, 10, 11, 13, 16, 17, 19, 20, 45, 46, 50, 77, 84};
  static const std::set<int> kFoisa = {1, 2, 8, 9, 10, 11, 13, 15, 16, 17, 19, 20, 21, 47, 60};
  static const std::set<int> kRegs = {5, 6, 7, 8, 9, 11, 14};  // EIR; Scottish EIRs similar
  if (act == "FOIA") {
    return kFoia.contains(n);
  }
  if (act == "FOISA") {
    return kFoisa.contains(n);
  }
  return kRegs.contains(n);
}

// Which provisions of each Act are grounds for withholding (Part II of FOIA plus ss.12 and 14;
// Part 2 of FOISA plus ss.12, 14 and 18; EIR regs 12-13; Scottish EIR regs 10-11).
Kind kind_of(const Citation& c, const std::string& act) {
  const int n = leading_number(c.number);
  const bool suffixed = c.number.size() > std::to_string(n).size();  // "22A"
  const std::string first = c.groups.empty() ? "" : c.groups.front();
  const bool act_named = c.act != CitedAct::unnamed;
  const auto procedural_or_neither = [&](int highest) {
    const bool plausible = n <= highest && !suffixed;
    return plausible && (act_named || common_procedural(act, n)) ? Kind::procedural : Kind::neither;
  };
  if (act == "FOIA") {
    if (n == 12 || n == 14 || (n >= 21 && n <= 44)) {
      return Kind::exemption;
    }
    return procedural_or_neither(88);
  }
  if (act == "FOISA") {
    if (n == 12 || n == 14 || n == 18 || (n >= 25 && n <= 41)) {
      return Kind::exemption;
    }
    return procedural_or_neither(76);
  }
  const int reg_exception = act == "EIR" ? 12 : 10;
  const int reg_personal = act == "EIR" ? 13 : 11;
  // Paragraphs (1) and (2) state the public interest test and the presumption, not exceptions.
  if ((n == reg_exception && first != "1" && first != "2") || n == reg_personal) {
    return Kind::exemption;
  }
  return procedural_or_neither(21);
}

bool inside(const std::vector<Span>& spans, const Span& s) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const Span& r) { return s.begin >= r.begin && s.end <= r.end; });
}

// Drops a provision when a more specific one under it is also cited: "s38" with "s38(1)(b)".
template <typename T, typename KeyFn>
void drop_enclosing(std::vector<T>& items, KeyFn key) {
  std::vector<T> kept;
  for (const auto& item : items) {
    const auto k = key(item);
    const bool enclosing = std::any_of(items.begin(), items.end(), [&](const T& other) {
      const auto o = key(other);
      return o.size() > k.size() && o.compare(0, k.size(), k) == 0 && o[k.size()] == '(';
    });
    if (!enclosing) {
      kept.push_back(item);
    }
  }
  items = std::move(kept);
}

// The cost-limit regulations name s12 without citing it: "exceeds the 'appropriate level' as
// stated in the Freedom of Information (Fees and Appropriate Limit) Regulations 2004".
std::optional<Span> fees_regulations(std::string_view text, const std::vector<Span>& requester) {
  for (const std::string_view name :
       {"(appropriate limit and fees) regulations", "(fees and appropriate limit) regulations",
        "(fees for required disclosure) (scotland) regulations", "fees regulations"}) {
    for (auto at = ifind(text, name); at != std::string_view::npos;
         at = ifind(text, name, at + 1)) {
      const Span s{at, at + name.size()};
      if (!inside(requester, s)) {
        return s;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

ExemptionsResult extract_exemptions(std::string_view text, const std::vector<std::string>& regimes,
                                    const ExemptionTable& table) {
  const auto requester = exemptions_detail::requester_spans(text);
  ExemptionsResult result;
  std::set<std::string> seen_exemptions;  // "ACT provision"
  std::set<std::string> seen_procedural;
  const auto add_exemption = [&](const std::string& act, const std::string& provision,
                                 const Span& span) {
    if (!seen_exemptions.insert(act + " " + provision).second) {
      return;
    }
    ExemptionCitation e;
    e.provision = provision;
    e.act = act;
    e.span = span;
    e.parent = table.parent_of(act, provision);
    if (const auto* info = table.find(act, provision)) {
      e.title = info->title;
      // Absolute/NCND are properties of the exact provision; a parent's flags apply only when
      // the provision cited is the parent or an unlisted subsection of it.
      e.absolute = info->absolute;
      e.ncnd = info->ncnd;
    }
    result.exemptions.push_back(std::move(e));
  };

  for (const auto& c : exemptions_detail::find_citations(text)) {
    const auto act = act_of(c, regimes);
    if (!act) {
      continue;
    }
    const auto provision = c.canonical();
    switch (kind_of(c, *act)) {
      case Kind::exemption:
        if (!inside(requester, c.span)) {
          add_exemption(*act, provision, c.span);
        }
        break;
      case Kind::procedural:
        if (seen_procedural.insert(provision).second) {
          result.procedural.push_back(provision);
        }
        break;
      case Kind::neither:
        break;
    }
  }

  const bool cites_s12 = std::any_of(result.exemptions.begin(), result.exemptions.end(),
                                     [](const ExemptionCitation& e) { return e.parent == "s12"; });
  if (!cites_s12) {
    if (const auto span = fees_regulations(text, requester)) {
      const bool scottish = has(regimes, "FOISA") && !has(regimes, "FOIA");
      add_exemption(scottish ? "FOISA" : "FOIA", "s12", *span);
    }
  }

  drop_enclosing(result.exemptions,
                 [](const ExemptionCitation& e) { return e.act + " " + e.provision; });
  drop_enclosing(result.procedural, [](const std::string& p) { return p; });
  return result;
}

}  // namespace foilog
