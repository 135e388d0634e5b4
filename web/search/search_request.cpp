#include "search/search_request.h"

#include <algorithm>
#include <charconv>
#include <iterator>

#include "search/query_builder.h"
#include "util/date.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog::web {
namespace {

// Every text parameter: valid UTF-8, no control characters other than tab/newline (a NUL in a
// query is never meant and breaks C APIs downstream).
void check_text(const std::string& param, const std::string& value, std::size_t max_bytes) {
  if (value.size() > max_bytes) {
    throw UsageError(param, "is " + std::to_string(value.size()) + " bytes long; the limit is " +
                                std::to_string(max_bytes) + " bytes: shorten it");
  }
  if (!is_valid_utf8(value)) {
    throw UsageError(param, "is not valid UTF-8 text: retype it");
  }
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      throw UsageError(param, "contains a control character: remove it");
    }
  }
}

int parse_int(const std::string& param, const std::string& value, int lo, int hi) {
  int out = 0;
  const char* first = value.data();
  const char* last = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(first, last, out);
  if (value.empty() || ec != std::errc() || ptr != last || out < lo || out > hi) {
    throw UsageError(param, "must be a whole number from " + std::to_string(lo) + " to " +
                                std::to_string(hi) + " (got \"" + value.substr(0, 40) + "\")");
  }
  return out;
}

std::string parse_date(const std::string& param, const std::string& value) {
  if (value.empty()) {
    return {};
  }
  const auto d = parse_iso_date(value);
  if (!d || value.size() != 10) {
    throw UsageError(param, "must be a date written YYYY-MM-DD, e.g. 2021-03-31 (got \"" +
                                value.substr(0, 40) + "\")");
  }
  return to_iso(*d);
}

}  // namespace

const std::string* single_param(const Params& params, const std::string& name) {
  const auto [lo, hi] = params.equal_range(name);
  if (lo == hi) {
    return nullptr;
  }
  if (std::next(lo) != hi) {
    throw UsageError(name, "was given more than once; give it once");
  }
  return &lo->second;
}

bool SearchRequest::has_filters() const {
  for (const auto& f : filters) {
    if (!f.empty()) {
      return true;
    }
  }
  return !from.empty() || !to.empty();
}

SearchRequest parse_search_request(const Params& params) {
  SearchRequest req;
  if (const auto* q = single_param(params, "q")) {
    check_text("q", *q, kMaxQueryBytes);
    req.q = std::string(trim(*q));
  }
  for (std::size_t i = 0; i < kFacetCount; ++i) {
    const std::string name(kFacets[i].param);
    const auto [lo, hi] = params.equal_range(name);
    for (auto it = lo; it != hi; ++it) {
      const std::string value(trim(it->second));
      if (value.empty()) {
        continue;  // an empty <select> choice means "any"
      }
      check_text(name, value, kMaxFilterValueBytes);
      const std::string canonical =
          kFacets[i].param == "exemption" ? canonical_provision(value) : value;
      auto& values = req.filters[i];
      if (std::find(values.begin(), values.end(), canonical) == values.end()) {
        values.push_back(canonical);
      }
      if (values.size() > kMaxFilterValues) {
        throw UsageError(
            name, "has more than " + std::to_string(kMaxFilterValues) + " values: choose fewer");
      }
    }
  }
  if (const auto* v = single_param(params, "from")) {
    req.from = parse_date("from", std::string(trim(*v)));
  }
  if (const auto* v = single_param(params, "to")) {
    req.to = parse_date("to", std::string(trim(*v)));
  }
  if (!req.from.empty() && !req.to.empty() && req.from > req.to) {
    throw UsageError(
        "from", "is after to (" + req.from + " > " + req.to + "): swap them or widen the range");
  }
  if (const auto* v = single_param(params, "sort")) {
    if (*v == "relevance" || v->empty()) {
      req.sort = SortOrder::kRelevance;
    } else if (*v == "newest") {
      req.sort = SortOrder::kNewest;
    } else if (*v == "oldest") {
      req.sort = SortOrder::kOldest;
    } else {
      throw UsageError("sort",
                       "must be relevance, newest or oldest (got \"" + v->substr(0, 40) + "\")");
    }
  }
  if (const auto* v = single_param(params, "mode")) {
    if (*v == "documents" || v->empty()) {
      req.mode = SearchMode::kDocuments;
    } else if (*v == "questions") {
      req.mode = SearchMode::kQuestions;
    } else {
      throw UsageError("mode", "must be documents or questions (got \"" + v->substr(0, 40) + "\")");
    }
  }
  if (const auto* v = single_param(params, "page")) {
    req.page = parse_int("page", *v, 1, kMaxPage);
  }
  if (const auto* v = single_param(params, "per_page")) {
    req.per_page = parse_int("per_page", *v, 1, kMaxPerPage);
  }
  return req;
}

std::vector<std::pair<std::string, std::string>> to_params(const SearchRequest& req) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!req.q.empty()) {
    out.emplace_back("q", req.q);
  }
  for (std::size_t i = 0; i < kFacetCount; ++i) {
    for (const auto& v : req.filters[i]) {
      out.emplace_back(std::string(kFacets[i].param), v);
    }
  }
  if (!req.from.empty()) {
    out.emplace_back("from", req.from);
  }
  if (!req.to.empty()) {
    out.emplace_back("to", req.to);
  }
  if (req.sort != SortOrder::kRelevance) {
    out.emplace_back("sort", std::string(sort_name(req.sort)));
  }
  if (req.mode != SearchMode::kDocuments) {
    out.emplace_back("mode", std::string(mode_name(req.mode)));
  }
  if (req.per_page != 20) {
    out.emplace_back("per_page", std::to_string(req.per_page));
  }
  if (req.page != 1) {
    out.emplace_back("page", std::to_string(req.page));
  }
  return out;
}

std::string_view sort_name(SortOrder s) {
  switch (s) {
    case SortOrder::kNewest:
      return "newest";
    case SortOrder::kOldest:
      return "oldest";
    case SortOrder::kRelevance:
      break;
  }
  return "relevance";
}

std::string_view mode_name(SearchMode m) {
  return m == SearchMode::kQuestions ? "questions" : "documents";
}

}  // namespace foilog::web
