// An ExpandDecider for relevance feedback that keeps plain words and their stems: no boolean
// facet or id terms (they would make "similar" mean "same authority" or "same reference"), no
// field-prefixed terms, no numbers, nothing shorter than three letters.
#pragma once

#include <xapian.h>

#include <cctype>
#include <string>

namespace foilog::web {

class PlainWords : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.empty()) {
      return false;
    }
    const std::size_t start = term[0] == 'Z' ? 1 : 0;
    if (start >= term.size() || std::isupper(static_cast<unsigned char>(term[start])) != 0) {
      return false;
    }
    return std::isdigit(static_cast<unsigned char>(term[start])) == 0 && term.size() - start > 2;
  }
};

}  // namespace foilog::web
