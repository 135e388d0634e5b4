#include "taxonomy/authority_table.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <sstream>

#include "taxonomy/authority_table_words.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog {
namespace {

constexpr std::array<std::string_view, 8> kTypes = {
    "police", "council", "nhs", "central_government", "fire", "education", "regulator", "other"};
constexpr std::array<std::string_view, 5> kCountries = {"england", "wales", "scotland",
                                                        "northern_ireland", "uk"};

template <std::size_t N>
bool one_of(std::string_view v, const std::array<std::string_view, N>& allowed) {
  return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

template <std::size_t N>
std::string list_of(const std::array<std::string_view, N>& allowed) {
  std::string out;
  for (auto v : allowed) {
    out += out.empty() ? "" : ", ";
    out += v;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view field) {
  std::vector<std::string> out;
  for (const auto& part : split(field, '|')) {
    auto t = trim(part);
    if (!t.empty()) {
      out.emplace_back(t);
    }
  }
  return out;
}

bool is_acronym(std::string_view printed) {
  if (printed.size() < 2 || printed.size() > 6) {
    return false;
  }
  int upper = 0;
  for (char c : printed) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) == 0) {
      return false;
    }
    upper += std::isupper(u) != 0 ? 1 : 0;
  }
  return upper >= 2;
}

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> words;
  for (auto& w : split_name_words(name)) {
    if (words.empty() && w.word == "the") {
      continue;
    }
    words.push_back(std::move(w.word));
  }
  return words;
}

}  // namespace

std::string url_host(std::string_view url) {
  auto s = trim(url);
  if (const auto scheme = s.find("://"); scheme != std::string_view::npos) {
    s.remove_prefix(scheme + 3);
  } else if (s.find(' ') != std::string_view::npos || s.find('.') == std::string_view::npos) {
    return {};  // not an address ("seed 000_x.txt", "n/a")
  }
  s = s.substr(0, s.find_first_of("/?#"));
  if (const auto at = s.rfind('@'); at != std::string_view::npos) {
    s.remove_prefix(at + 1);  // user@host, or an e-mail address
  }
  s = s.substr(0, s.find(':'));
  std::string host = ascii_lower(s);
  while (!host.empty() && host.back() == '.') {
    host.pop_back();
  }
  return host;
}

void AuthorityTable::add(AuthorityInfo info, const std::string& where) {
  const std::size_t index = entries_.size();
  if (index_by_id_.count(info.id) != 0) {
    throw DataError(where + ": id '" + info.id + "' is used by an earlier row");
  }
  std::vector<std::string> printed{info.name};
  printed.insert(printed.end(), info.aliases.begin(), info.aliases.end());
  for (const auto& p : printed) {
    const std::string key = normalise_name(p);
    if (key.empty()) {
      throw DataError(where + ": name or alias '" + p + "' has no letters or digits");
    }
    const auto [it, inserted] = index_by_name_.emplace(key, index);
    if (!inserted && it->second != index) {
      throw DataError(where + ": '" + p + "' also names '" + entries_[it->second].name +
                      "'; names and aliases must be unique (ignoring case and punctuation)");
    }
    if (inserted) {
      names_.push_back({name_words(p), p, index, is_acronym(p)});
    }
  }
  for (auto& d : info.domains) {
    d = ascii_lower(d);
    const auto [it, inserted] = index_by_domain_.emplace(d, index);
    if (!inserted && it->second != index) {
      throw DataError(where + ": domain '" + d + "' already belongs to '" +
                      entries_[it->second].name + "'");
    }
  }
  index_by_id_.emplace(info.id, index);
  entries_.push_back(std::move(info));
}

AuthorityTable AuthorityTable::parse(std::string_view tsv, const std::string& source_name) {
  AuthorityTable table;
  int line_no = 0;
  for (auto line : split_lines(tsv)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (trim(line).empty() || line.front() == '#' || line.starts_with("id\t")) {
      continue;
    }
    const std::string where = source_name + ":" + std::to_string(line_no);
    const auto cols = split(line, '\t');
    if (cols.size() != 6) {
      throw DataError(where + ": expected 6 tab-separated columns (id, name, aliases, type, " +
                      "country, domains), found " + std::to_string(cols.size()));
    }
    AuthorityInfo info;
    info.id = std::string(trim(cols[0]));
    info.name = std::string(trim(cols[1]));
    info.aliases = split_list(cols[2]);
    info.type = std::string(trim(cols[3]));
    info.country = std::string(trim(cols[4]));
    info.domains = split_list(cols[5]);
    if (info.id.empty() || info.name.empty()) {
      throw DataError(where + ": the id and name columns must not be empty");
    }
    if (info.id != slugify(info.id)) {
      throw DataError(where + ": id '" + info.id + "' must be a slug such as '" + slugify(info.id) +
                      "'");
    }
    if (!one_of(info.type, kTypes)) {
      throw DataError(where + ": unknown type '" + info.type + "' (use one of " + list_of(kTypes) +
                      ")");
    }
    if (!one_of(info.country, kCountries)) {
      throw DataError(where + ": unknown country '" + info.country + "' (use one of " +
                      list_of(kCountries) + ")");
    }
    table.add(std::move(info), where);
  }
  return table;
}

AuthorityTable AuthorityTable::load(const std::filesystem::path& tsv_file) {
  std::ifstream in(tsv_file, std::ios::binary);
  if (!in) {
    throw DataError(tsv_file.string() + ": cannot open the authorities table");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), tsv_file.string());
}

const AuthorityInfo* AuthorityTable::by_id(std::string_view id) const {
  const auto it = index_by_id_.find(std::string(id));
  return it == index_by_id_.end() ? nullptr : &entries_[it->second];
}

const AuthorityInfo* AuthorityTable::resolve(std::string_view name) const {
  const auto it = index_by_name_.find(normalise_name(name));
  return it == index_by_name_.end() ? nullptr : &entries_[it->second];
}

const AuthorityInfo* AuthorityTable::by_domain(std::string_view host) const {
  std::string h = url_host(host);
  // Try the host, then each parent domain: "foi.west-midlands.police.uk",
  // "west-midlands.police.uk", "police.uk", "uk". The first hit is the longest suffix.
  std::string_view rest = h;
  while (!rest.empty()) {
    if (const auto it = index_by_domain_.find(std::string(rest)); it != index_by_domain_.end()) {
      return &entries_[it->second];
    }
    const auto dot = rest.find('.');
    if (dot == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(dot + 1);
  }
  return nullptr;
}

}  // namespace foilog
