#include "readers/page_furniture.h"

#include <map>
#include <set>
#include <string_view>

#include "util/text.h"

namespace foilog {
namespace {

constexpr std::size_t kEdgeLines = 3;

// Case, spacing and digits ignored: "Page 2 of 5" and "PAGE 3 OF 5" are the same line.
std::string furniture_key(std::string_view line) {
  std::string key;
  bool in_digits = false;
  for (const char c : collapse_whitespace(line)) {
    if (c >= '0' && c <= '9') {
      if (!in_digits) {
        key += '#';
      }
      in_digits = true;
      continue;
    }
    in_digits = false;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

struct PageLines {
  std::vector<std::string_view> lines;
  std::vector<std::size_t> edge;  // indices of lines in the top and bottom edge regions
};

PageLines edge_lines(std::string_view page) {
  PageLines p;
  p.lines = split_lines(page);
  std::vector<std::size_t> non_empty;
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    if (!trim(p.lines[i]).empty()) {
      non_empty.push_back(i);
    }
  }
  std::set<std::size_t> edge;
  for (std::size_t k = 0; k < non_empty.size() && k < kEdgeLines; ++k) {
    edge.insert(non_empty[k]);
    edge.insert(non_empty[non_empty.size() - 1 - k]);
  }
  p.edge.assign(edge.begin(), edge.end());
  return p;
}

}  // namespace

JoinedPages join_pages_without_furniture(const std::vector<std::string>& pages) {
  std::vector<PageLines> parsed;
  parsed.reserve(pages.size());
  std::map<std::string, std::size_t> pages_with_key;
  for (const auto& page : pages) {
    parsed.push_back(edge_lines(page));
    std::set<std::string> keys;
    for (const std::size_t i : parsed.back().edge) {
      keys.insert(furniture_key(parsed.back().lines[i]));
    }
    for (const auto& k : keys) {
      ++pages_with_key[k];
    }
  }
  const std::size_t n = pages.size();
  std::set<std::string> furniture;
  for (const auto& [key, count] : pages_with_key) {
    if (!key.empty() && count >= 2 && count * 2 > n) {
      furniture.insert(key);
    }
  }

  JoinedPages joined;
  std::set<std::string> seen;  // furniture already kept on an earlier page
  for (std::size_t p = 0; p < parsed.size(); ++p) {
    std::set<std::size_t> drop;
    std::set<std::string> on_this_page;
    for (const std::size_t i : parsed[p].edge) {
      const std::string key = furniture_key(parsed[p].lines[i]);
      if (furniture.count(key) == 0) {
        continue;
      }
      if (seen.count(key) != 0) {
        drop.insert(i);
      } else {
        on_this_page.insert(key);
      }
    }
    seen.insert(on_this_page.begin(), on_this_page.end());
    if (p > 0 && !joined.text.empty() && joined.text.back() != '\n') {
      joined.text += '\n';
    }
    for (std::size_t i = 0; i < parsed[p].lines.size(); ++i) {
      if (drop.count(i) != 0) {
        ++joined.removed_lines;
        continue;
      }
      joined.text += parsed[p].lines[i];
      joined.text += '\n';
    }
  }
  return joined;
}

}  // namespace foilog
