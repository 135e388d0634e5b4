#include "taxonomy/exemption_table.h"

#include <array>
#include <fstream>
#include <sstream>

#include "taxonomy/exemption_table_tsv.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

using taxonomy_tsv::tsv_lines;
using taxonomy_tsv::TsvLine;

constexpr std::array<std::string_view, 5> kActs = {"FOIA", "EIR", "FOISA", "EIRS", "DPA"};

std::string key(std::string_view act, std::string_view provision) {
  std::string k(act);
  k += '\t';
  k += provision;
  return k;
}

bool known_act(std::string_view act) {
  for (const auto a : kActs) {
    if (a == act) {
      return true;
    }
  }
  return false;
}

ExemptionInfo parse_row(const TsvLine& line, const std::string& source) {
  const auto fail = [&](const std::string& why) {
    return DataError(source + ":" + std::to_string(line.number) + ": " + why);
  };
  const auto& f = line.fields;
  if (f.size() != 6) {
    throw fail(
        "expected 6 tab-separated fields (act, provision, title, absolute|qualified, "
        "ncnd yes|no, parent), found " +
        std::to_string(f.size()));
  }
  ExemptionInfo info;
  info.act = f[0];
  info.provision = f[1];
  info.title = f[2];
  info.parent = f[5];
  if (!known_act(info.act)) {
    throw fail("unknown act '" + info.act + "' (use FOIA, EIR, FOISA, EIRS or DPA)");
  }
  if (info.provision.empty() || info.title.empty() || info.parent.empty()) {
    throw fail("provision, title and parent must not be empty");
  }
  if (f[3] == "absolute") {
    info.absolute = true;
  } else if (f[3] != "qualified") {
    throw fail("column 4 must be 'absolute' or 'qualified', found '" + f[3] + "'");
  }
  if (f[4] == "yes") {
    info.ncnd = true;
  } else if (f[4] != "no") {
    throw fail("column 5 (ncnd) must be 'yes' or 'no', found '" + f[4] + "'");
  }
  if (info.provision.rfind(info.parent, 0) != 0) {
    throw fail("parent '" + info.parent + "' is not a prefix of provision '" + info.provision +
               "'");
  }
  return info;
}

}  // namespace

std::string enclosing_provision(std::string_view provision) {
  if (provision.empty() || provision.back() != ')') {
    return {};
  }
  const auto open = provision.rfind('(');
  if (open == std::string_view::npos || open == 0) {
    return {};
  }
  return std::string(provision.substr(0, open));
}

ExemptionTable ExemptionTable::parse(std::string_view tsv, const std::string& source_name) {
  ExemptionTable table;
  bool header_seen = false;
  for (const auto& line : tsv_lines(tsv)) {
    if (!header_seen) {
      if (line.fields.empty() || ascii_lower(line.fields[0]) != "act") {
        throw DataError(source_name + ":" + std::to_string(line.number) +
                        ": expected the header row 'act<TAB>provision<TAB>title<TAB>absolute"
                        "<TAB>ncnd<TAB>parent'");
      }
      header_seen = true;
      continue;
    }
    auto info = parse_row(line, source_name);
    auto k = key(info.act, info.provision);
    if (table.index_.contains(k)) {
      throw DataError(source_name + ":" + std::to_string(line.number) + ": duplicate provision " +
                      info.act + " " + info.provision);
    }
    table.index_.emplace(std::move(k), table.rows_.size());
    table.rows_.push_back(std::move(info));
  }
  if (!header_seen) {
    throw DataError(source_name + ": empty exemption table (expected a header row and rows)");
  }
  return table;
}

ExemptionTable ExemptionTable::load(const std::filesystem::path& tsv_file) {
  std::ifstream in(tsv_file, std::ios::binary);
  if (!in) {
    throw DataError(tsv_file.string() + ": cannot open the exemption table (data/exemptions.tsv)");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), tsv_file.string());
}

const ExemptionInfo* ExemptionTable::find(std::string_view act, std::string_view provision) const {
  std::string p(provision);
  while (!p.empty()) {
    if (const auto it = index_.find(key(act, p)); it != index_.end()) {
      return &rows_[it->second];
    }
    p = enclosing_provision(p);
  }
  return nullptr;
}

std::string ExemptionTable::parent_of(std::string_view act, std::string_view provision) const {
  if (const auto* info = find(act, provision)) {
    return info->parent;
  }
  std::string p(provision);
  for (auto up = enclosing_provision(p); !up.empty(); up = enclosing_provision(p)) {
    p = up;
  }
  return p;
}

}  // namespace foilog
