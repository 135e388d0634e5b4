// The exemptions and exceptions foilog knows (data/exemptions.tsv): which act a provision belongs
// to, its statutory heading, whether it is absolute or NCND, and the section it rolls up to.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace foilog {

struct ExemptionInfo {
  std::string act;        // "FOIA", "EIR", "FOISA", "EIRS"
  std::string provision;  // canonical: "s31(1)(a)", "reg12(5)(b)"
  std::string title;      // the statute's heading, e.g. "Law enforcement"
  bool absolute = false;  // no public interest test
  bool ncnd = false;      // removes the duty to confirm or deny
  std::string parent;     // top-level section: "s31" for "s31(1)(a)"
};

class ExemptionTable {
 public:
  // Rows: act, provision, title, absolute|qualified, yes|no, parent; a header row first; blank
  // lines and '#' comments allowed. Throws DataError "SOURCE:LINE: ..." for a malformed row.
  static ExemptionTable parse(std::string_view tsv, const std::string& source_name);
  static ExemptionTable load(const std::filesystem::path& tsv_file);

  // Exact match, else the nearest listed ancestor ("s31(1)(z)" -> "s31(1)"); nullptr if none.
  [[nodiscard]] const ExemptionInfo* find(std::string_view act, std::string_view provision) const;
  // The top-level section: the table's parent when listed, else the provision without its
  // subsection groups ("s31(1)(a)" -> "s31", "reg12(5)(b)" -> "reg12").
  [[nodiscard]] std::string parent_of(std::string_view act, std::string_view provision) const;
  [[nodiscard]] const std::vector<ExemptionInfo>& all() const { return rows_; }

 private:
  std::vector<ExemptionInfo> rows_;
  std::map<std::string, std::size_t, std::less<>> index_;  // "ACT\tprovision" -> row
};

// "s31(1)(a)" -> "s31(1)"; "s31" -> "" (no enclosing provision).
[[nodiscard]] std::string enclosing_provision(std::string_view provision);

}  // namespace foilog
