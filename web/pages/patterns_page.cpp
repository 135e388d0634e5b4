// /patterns (any search turned into its refusal figures), /compare (two to six authorities side
// by side) and their CSV/JSON exports. The figures come from analytics/patterns.h only.
#include <charconv>

#include "analytics/csv.h"
#include "analytics/patterns.h"
#include "pages/page_common.h"
#include "pages/pages.h"
#include "pages/patterns_view.h"
#include "pages/search_view.h"
#include "render/url.h"
#include "util/error.h"

namespace foilog::web {
namespace {

struct PatternRequest {
  SearchRequest search;
  PatternOptions options;
  std::string format = "html";  // html | csv | json
  std::string table = "authorities";
  std::string order = "responses";  // authority table order
};

PatternRequest parse_pattern_request(const Params& params) {
  PatternRequest pr;
  pr.search = parse_search_request(params);
  pr.search.mode = SearchMode::kDocuments;  // figures count responses
  if (const auto* v = single_param(params, "period")) {
    if (*v == "month") {
      pr.options.period = Period::kMonth;
    } else if (*v != "year" && !v->empty()) {
      throw UsageError("period", "must be year or month");
    }
  }
  if (const auto* v = single_param(params, "min_responses"); v != nullptr && !v->empty()) {
    std::size_t n = 0;
    const auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || ptr != v->data() + v->size() || n < 1 || n > 1000000) {
      throw UsageError("min_responses", "must be a whole number from 1 to 1000000");
    }
    pr.options.min_responses = n;
  }
  if (const auto* v = single_param(params, "format"); v != nullptr && !v->empty()) {
    if (*v != "html" && *v != "csv" && *v != "json") {
      throw UsageError("format", "must be html, csv or json");
    }
    pr.format = *v;
  }
  if (const auto* v = single_param(params, "table"); v != nullptr && !v->empty()) {
    static const std::vector<std::string> kTables = {"outcomes",        "exemptions", "authorities",
                                                     "authority_types", "periods",    "matrix"};
    if (std::find(kTables.begin(), kTables.end(), *v) == kTables.end()) {
      throw UsageError("table",
                       "must be one of outcomes, exemptions, authorities, "
                       "authority_types, periods, matrix");
    }
    pr.table = *v;
  }
  if (const auto* v = single_param(params, "order"); v != nullptr && !v->empty()) {
    static const std::vector<std::string> kOrders = {"responses", "name", "refusal_rate",
                                                     "median_days", "within"};
    if (std::find(kOrders.begin(), kOrders.end(), *v) == kOrders.end()) {
      throw UsageError("order", "must be responses, name, refusal_rate, median_days or within");
    }
    pr.order = *v;
  }
  return pr;
}

// The pattern parameters that are not part of the search (kept on every link of the page).
std::vector<std::pair<std::string, std::string>> pattern_params(const PatternRequest& pr) {
  std::vector<std::pair<std::string, std::string>> p = to_params(pr.search);
  p.erase(
      std::remove_if(p.begin(), p.end(),
                     [](const auto& kv) { return kv.first == "page" || kv.first == "per_page"; }),
      p.end());
  if (pr.options.period == Period::kMonth) {
    p.emplace_back("period", "month");
  }
  if (pr.options.min_responses != 1) {
    p.emplace_back("min_responses", std::to_string(pr.options.min_responses));
  }
  if (pr.order != "responses") {
    p.emplace_back("order", pr.order);
  }
  return p;
}

void order_authorities(std::vector<GroupRow>& rows, const std::string& order,
                       const Catalog& catalog) {
  auto key = [&](const GroupRow& g) { return catalog.label("authority", g.key); };
  std::stable_sort(rows.begin(), rows.end(), [&](const GroupRow& a, const GroupRow& b) {
    if (order == "name") {
      return key(a) < key(b);
    }
    if (order == "refusal_rate") {
      return a.refusal_rate.rate > b.refusal_rate.rate;
    }
    if (order == "median_days") {
      return a.timing.median_days.value_or(-1) > b.timing.median_days.value_or(-1);
    }
    if (order == "within") {
      auto share = [](const GroupRow& g) {
        return g.timing.timed == 0
                   ? -1.0
                   : static_cast<double>(g.timing.within) / static_cast<double>(g.timing.timed);
      };
      return share(a) > share(b);
    }
    return a.outcomes.responses > b.outcomes.responses;
  });
}

struct Computed {
  Patterns patterns;
  IndexSnapshot snapshot;
  std::size_t total = 0;
};

Computed compute(Site& site, const PatternRequest& pr) {
  auto& ctx = site.context();
  SearchRequest req = pr.search;
  req.per_page = 1;
  req.page = 1;
  const SearchRun run = run_site_search(site, ctx, req, true);
  Computed c;
  c.snapshot = run.snapshot;
  c.total = run.results.total;
  c.patterns = compute_patterns(run.results.matching, *run.snapshot.columns, *run.snapshot.numbers,
                                pr.options);
  order_authorities(c.patterns.authorities, pr.order, *c.snapshot.catalog);
  return c;
}

Reply tables_reply(const Computed& c, const PatternRequest& pr, const std::string& what) {
  const auto tables = pattern_tables(c.patterns, *c.snapshot.catalog);
  const auto params = pattern_params(pr);
  Reply r;
  if (pr.format == "json") {
    nlohmann::json body = {{"responses", c.patterns.responses},
                           {"parameters", nlohmann::json::object()},
                           {"tables", nlohmann::json::object()}};
    for (const auto& [k, v] : params) {
      body["parameters"][k] = v;
    }
    for (const auto& t : tables) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& row : t.rows) {
        nlohmann::json o = nlohmann::json::object();
        for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
          o[t.columns[i]] = row[i];
        }
        rows.push_back(std::move(o));
      }
      body["tables"][t.name] = {{"columns", t.columns}, {"rows", rows}};
    }
    r.content_type = "application/json";
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    r.headers.emplace_back("Content-Disposition",
                           "inline; filename=\"" + export_file_name(what, params, "json") + "\"");
    return r;
  }
  for (const auto& t : tables) {
    if (t.name != pr.table) {
      continue;
    }
    r.body = csv_row(t.columns);
    for (const auto& row : t.rows) {
      r.body += csv_row(row);
    }
  }
  r.content_type = "text/csv; charset=utf-8";
  r.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"" + export_file_name(what + "-" + pr.table, params, "csv") + "\"");
  return r;
}

nlohmann::json export_links(const PatternRequest& pr, const std::string& path) {
  nlohmann::json links = nlohmann::json::array();
  auto params = pattern_params(pr);
  for (const char* t :
       {"outcomes", "exemptions", "authorities", "authority_types", "periods", "matrix"}) {
    auto p = params;
    p.emplace_back("format", "csv");
    p.emplace_back("table", t);
    links.push_back({{"label", t}, {"href", with_query(path, p)}});
  }
  auto j = params;
  j.emplace_back("format", "json");
  return {{"csv", links}, {"json", with_query(path, j)}};
}

}  // namespace

Reply patterns_page(Site& site, const Params& params) {
  const PatternRequest pr = parse_pattern_request(params);
  const Computed c = compute(site, pr);
  if (pr.format != "html") {
    return tables_reply(c, pr, "patterns");
  }
  const Catalog& catalog = *c.snapshot.catalog;
  nlohmann::json v = base_view("Refusal patterns", "patterns");
  v.update(patterns_view(c.patterns, catalog, pr.search));
  v["q"] = pr.search.q;
  v["tags"] = tags_view(catalog, pr.search, "/patterns");
  v["has_tags"] = !v["tags"].empty();
  v["search_href"] = search_href(pr.search);
  v["min_responses"] = pr.options.min_responses;
  v["month"] = pr.options.period == Period::kMonth;
  nlohmann::json hidden = nlohmann::json::array();
  for (const auto& [k, val] : pattern_params(pr)) {
    if (k != "min_responses" && k != "period" && k != "q") {
      hidden.push_back({{"name", k}, {"value", val}});
    }
  }
  v["hidden"] = hidden;
  nlohmann::json orders = nlohmann::json::array();
  for (const auto& [key, label] :
       std::vector<std::pair<std::string, std::string>>{{"responses", "responses"},
                                                        {"name", "name"},
                                                        {"refusal_rate", "refusal rate"},
                                                        {"median_days", "median working days"},
                                                        {"within", "share within 20 days"}}) {
    PatternRequest o = pr;
    o.order = key;
    orders.push_back({{"label", label},
                      {"href", with_query("/patterns", pattern_params(o))},
                      {"current", pr.order == key}});
  }
  v["orders"] = orders;
  PatternRequest other = pr;
  other.options.period = pr.options.period == Period::kMonth ? Period::kYear : Period::kMonth;
  v["period_switch_href"] = with_query("/patterns", pattern_params(other));
  v["period_switch_label"] = pr.options.period == Period::kMonth ? "by year" : "by month";
  v["period_label"] = pr.options.period == Period::kMonth ? "month" : "year";
  v["exports"] = export_links(pr, "/patterns");
  SearchRequest compare = pr.search;
  v["compare_href"] = search_href(compare, "/compare");
  return {200, "text/html; charset=utf-8", site.templates().render_page("patterns", v), {}};
}

Reply compare_page(Site& site, const Params& params) {
  PatternRequest pr = parse_pattern_request(params);
  const auto f = *facet_index("authority");
  const auto& chosen = pr.search.filters[f];
  if (chosen.size() < 2 || chosen.size() > 6) {
    throw UsageError("authority", "needs two to six authorities to compare (got " +
                                      std::to_string(chosen.size()) + "): add or remove some");
  }
  pr.options.min_responses = 1;
  pr.options.matrix_authorities = 6;
  const Computed c = compute(site, pr);
  if (pr.format != "html") {
    return tables_reply(c, pr, "compare");
  }
  const Catalog& catalog = *c.snapshot.catalog;
  nlohmann::json v = base_view("Compare authorities", "patterns");
  v.update(patterns_view(c.patterns, catalog, pr.search));
  // Every chosen authority gets a column, even one with no matching responses.
  nlohmann::json missing = nlohmann::json::array();
  for (const auto& a : chosen) {
    bool found = false;
    for (const auto& g : c.patterns.authorities) {
      found = found || g.key == a;
    }
    if (!found) {
      missing.push_back({{"label", catalog.label("authority", a)}});
    }
  }
  v["missing"] = missing;
  v["has_missing"] = !missing.empty();
  v["q"] = pr.search.q;
  v["tags"] = tags_view(catalog, pr.search, "/compare");
  v["has_tags"] = !v["tags"].empty();
  nlohmann::json hidden = nlohmann::json::array();
  for (const auto& [k, val] : pattern_params(pr)) {
    if (k != "q") {
      hidden.push_back({{"name", k}, {"value", val}});
    }
  }
  v["hidden"] = hidden;
  v["exports"] = export_links(pr, "/compare");
  v["patterns_href"] = search_href(pr.search, "/patterns");
  return {200, "text/html; charset=utf-8", site.templates().render_page("compare", v), {}};
}

}  // namespace foilog::web
