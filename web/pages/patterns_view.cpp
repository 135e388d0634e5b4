#include "pages/patterns_view.h"

#include <cmath>

#include "pages/search_view.h"
#include "render/svg_charts.h"

namespace foilog::web {
namespace {

// The request with one facet set to exactly these values (the search behind a figure).
SearchRequest narrowed(const SearchRequest& req, std::string_view facet,
                       const std::vector<std::string>& values) {
  SearchRequest r = req;
  r.page = 1;
  r.per_page = 20;
  auto& f = r.filters[*facet_index(facet)];
  if (f.empty()) {
    f = values;
  } else {
    // Already filtered on this facet: keep only the values asked for that the filter allows.
    std::vector<std::string> kept;
    for (const auto& v : values) {
      if (std::find(f.begin(), f.end(), v) != f.end()) {
        kept.push_back(v);
      }
    }
    f = kept.empty() ? values : kept;
  }
  return r;
}

std::string href(const SearchRequest& req, std::string_view facet, const std::string& value) {
  return search_href(narrowed(req, facet, {value}));
}

std::string days_text(const TimingStats& t) {
  if (!t.median_days) {
    return "";
  }
  const double d = *t.median_days;
  return std::floor(d) == d ? std::to_string(static_cast<long>(d))
                            : std::to_string(static_cast<long>(d)) + ".5";
}

std::string within_text(const TimingStats& t) {
  return t.timed == 0 ? "" : percent(static_cast<double>(t.within) / static_cast<double>(t.timed));
}

const std::vector<std::string>& refusal_outcomes() {
  static const std::vector<std::string> kRefusals = {"refused", "ncnd", "cost_limit", "vexatious"};
  return kRefusals;
}

nlohmann::json group_view(const GroupRow& g, const Catalog& catalog, const SearchRequest& req,
                          std::string_view facet) {
  const SearchRequest base = facet.empty() ? req : narrowed(req, facet, {g.key});
  nlohmann::json cells = nlohmann::json::array();
  for (const char* o : {"granted", "partial", "refused", "ncnd", "not_held", "cost_limit"}) {
    cells.push_back({{"count", g.outcomes.of(o)}, {"href", href(base, "outcome", o)}});
  }
  return {{"key", g.key},
          {"label", facet.empty() ? g.key : catalog.label(facet, g.key)},
          {"href", search_href(base)},
          {"responses", g.outcomes.responses},
          {"outcomes", cells},
          {"refusals", g.outcomes.refusals},
          {"refusals_href", search_href(narrowed(base, "outcome", refusal_outcomes()))},
          {"rate", percent(g.refusal_rate.rate)},
          {"interval", interval_text(g.refusal_rate)},
          {"median_days", days_text(g.timing)},
          {"within", within_text(g.timing)},
          {"top_exemption", g.top_exemption},
          {"top_exemption_label",
           g.top_exemption.empty() ? "" : catalog.label("exemption", g.top_exemption)},
          {"top_exemption_href",
           g.top_exemption.empty() ? "" : href(base, "exemption", g.top_exemption)},
          {"top_exemption_count", g.top_exemption_count}};
}

std::vector<std::string> group_cells(const GroupRow& g, const std::string& label) {
  std::vector<std::string> row = {g.key, label, std::to_string(g.outcomes.responses)};
  for (const char* o : kOutcomes) {
    row.push_back(std::to_string(g.outcomes.of(o)));
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", g.refusal_rate.rate);
  row.emplace_back(buf);
  std::snprintf(buf, sizeof buf, "%.4f", g.refusal_rate.low);
  row.emplace_back(buf);
  std::snprintf(buf, sizeof buf, "%.4f", g.refusal_rate.high);
  row.emplace_back(buf);
  row.push_back(days_text(g.timing));
  row.push_back(std::to_string(g.timing.timed));
  row.push_back(std::to_string(g.timing.within));
  row.push_back(g.top_exemption);
  return row;
}

std::vector<std::string> group_columns(const std::string& key, const std::string& label) {
  std::vector<std::string> cols = {key, label, "responses"};
  for (const char* o : kOutcomes) {
    cols.emplace_back(o);
  }
  for (const char* c :
       {"refusal_rate", "refusal_rate_low", "refusal_rate_high", "median_working_days",
        "timed_responses", "within_20_days", "most_cited_exemption"}) {
    cols.emplace_back(c);
  }
  return cols;
}

}  // namespace

std::string percent(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

std::string interval_text(const Interval& i) {
  return std::to_string(static_cast<int>(std::lround(i.low * 100))) + "–" +
         std::to_string(static_cast<int>(std::lround(i.high * 100))) + "%";
}

std::vector<Table> pattern_tables(const Patterns& p, const Catalog& catalog) {
  std::vector<Table> out;
  Table outcomes{"outcomes", {"outcome", "label", "responses", "share"}, {}};
  for (const char* o : kOutcomes) {
    const std::size_t n = p.outcomes.of(o);
    char share[32];
    std::snprintf(
        share, sizeof share, "%.4f",
        p.responses == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(p.responses));
    outcomes.rows.push_back({o, Catalog::outcome_label(o), std::to_string(n), share});
  }
  out.push_back(std::move(outcomes));

  Table exemptions{
      "exemptions",
      {"provision", "title", "section", "responses_citing", "share_of_refusals", "top_authorities"},
      {}};
  for (const auto& e : p.exemptions) {
    std::string top;
    for (const auto& [a, n] : e.top_authorities) {
      top += (top.empty() ? "" : "; ") + a + " (" + std::to_string(n) + ")";
    }
    char share[32];
    std::snprintf(share, sizeof share, "%.4f", e.share_of_refusals);
    const auto info = catalog.exemption(e.provision);
    exemptions.rows.push_back({e.provision, info.empty() ? "" : info.front()->title,
                               e.section ? "yes" : "no", std::to_string(e.cited), share, top});
  }
  out.push_back(std::move(exemptions));

  Table authorities{"authorities", group_columns("authority_id", "authority"), {}};
  for (const auto& g : p.authorities) {
    authorities.rows.push_back(group_cells(g, catalog.label("authority", g.key)));
  }
  out.push_back(std::move(authorities));

  Table types{"authority_types", group_columns("authority_type", "label"), {}};
  for (const auto& g : p.authority_types) {
    types.rows.push_back(group_cells(g, Catalog::authority_type_label(g.key)));
  }
  out.push_back(std::move(types));

  Table periods{"periods", group_columns("period", "label"), {}};
  for (const auto& e : p.series_exemptions) {
    periods.columns.push_back("citing_" + e);
  }
  for (const auto& pr : p.periods) {
    auto row = group_cells(pr.group, pr.group.key);
    for (const auto& e : p.series_exemptions) {
      const auto it = pr.exemptions.find(e);
      row.push_back(std::to_string(it == pr.exemptions.end() ? 0 : it->second));
    }
    periods.rows.push_back(std::move(row));
  }
  out.push_back(std::move(periods));

  Table matrix{"matrix", {"authority_id", "authority", "responses"}, {}};
  for (const auto& e : p.matrix.exemptions) {
    matrix.columns.push_back(e);
    matrix.columns.push_back(e + "_per_100");
  }
  for (std::size_t r = 0; r < p.matrix.authorities.size(); ++r) {
    std::vector<std::string> row = {p.matrix.authorities[r],
                                    catalog.label("authority", p.matrix.authorities[r]),
                                    std::to_string(p.matrix.responses[r])};
    for (std::size_t c = 0; c < p.matrix.exemptions.size(); ++c) {
      const std::size_t n = p.matrix.counts[r][c];
      char per100[32];
      std::snprintf(per100, sizeof per100, "%.1f",
                    100.0 * static_cast<double>(n) / static_cast<double>(p.matrix.responses[r]));
      row.push_back(std::to_string(n));
      row.emplace_back(per100);
    }
    matrix.rows.push_back(std::move(row));
  }
  out.push_back(std::move(matrix));
  return out;
}

nlohmann::json patterns_view(const Patterns& p, const Catalog& catalog, const SearchRequest& req) {
  nlohmann::json v;
  v["responses"] = p.responses;
  v["responses_href"] = search_href(req);
  v["refusals"] = p.outcomes.refusals;
  v["refusals_href"] = search_href(narrowed(req, "outcome", refusal_outcomes()));
  v["rate"] = percent(p.refusal_rate.rate);
  v["interval"] = interval_text(p.refusal_rate);
  v["median_days"] = days_text(p.timing);
  v["within"] = within_text(p.timing);
  v["timed"] = p.timing.timed;

  nlohmann::json outcomes = nlohmann::json::array();
  std::vector<Bar> outcome_bars;
  for (const char* o : kOutcomes) {
    const std::size_t n = p.outcomes.of(o);
    if (n == 0) {
      continue;
    }
    const double share =
        static_cast<double>(n) / static_cast<double>(std::max<std::size_t>(p.responses, 1));
    const Interval ci = wilson(n, p.responses);
    outcomes.push_back({{"label", Catalog::outcome_label(o)},
                        {"count", n},
                        {"share", percent(share)},
                        {"interval", interval_text(ci)},
                        {"href", href(req, "outcome", o)}});
    outcome_bars.push_back({Catalog::outcome_label(o), static_cast<double>(n),
                            std::to_string(n) + " (" + percent(share) + ")"});
  }
  v["outcomes"] = outcomes;
  v["outcome_chart"] = {{"chart_svg", bar_chart("chart-outcomes", "Outcomes of the responses",
                                                "Number of responses with each outcome; the table "
                                                "beside it has the same figures.",
                                                outcome_bars)}};

  nlohmann::json exemptions = nlohmann::json::array();
  std::vector<Bar> exemption_bars;
  for (const auto& e : p.exemptions) {
    nlohmann::json top = nlohmann::json::array();
    for (const auto& [a, n] : e.top_authorities) {
      top.push_back({{"label", catalog.label("authority", a)},
                     {"count", n},
                     {"href", search_href(narrowed(narrowed(req, "exemption", {e.provision}),
                                                   "authority", {a}))}});
    }
    exemptions.push_back({{"provision", e.provision},
                          {"label", catalog.label("exemption", e.provision)},
                          {"section", e.section},
                          {"cited", e.cited},
                          {"href", href(req, "exemption", e.provision)},
                          {"share_of_refusals", percent(e.share_of_refusals)},
                          {"top", top}});
    if (e.section && exemption_bars.size() < 10) {
      exemption_bars.push_back({catalog.label("exemption", e.provision),
                                static_cast<double>(e.cited), std::to_string(e.cited)});
    }
  }
  v["exemptions"] = exemptions;
  v["has_exemptions"] = !exemptions.empty();
  v["exemption_chart"] = {{"chart_svg", bar_chart("chart-exemptions", "Most cited exemptions",
                                                  "Number of responses citing each section (with "
                                                  "its subsections).",
                                                  exemption_bars)}};

  nlohmann::json authorities = nlohmann::json::array();
  for (const auto& g : p.authorities) {
    authorities.push_back(group_view(g, catalog, req, "authority"));
  }
  v["authorities"] = authorities;
  v["has_authorities"] = !authorities.empty();
  v["below_threshold"] = p.authorities_below_threshold;
  v["has_below_threshold"] = p.authorities_below_threshold > 0;
  nlohmann::json types = nlohmann::json::array();
  for (const auto& g : p.authority_types) {
    types.push_back(group_view(g, catalog, req, "authority_type"));
  }
  v["types"] = types;
  // The rows the _group_table partial shows: authorities at the top level, types in their own
  // object (a Mustache partial reads names from the enclosing context).
  v["group_rows"] = authorities;
  v["caption"] = "Responses, outcomes, refusal rate and timing by authority";
  v["group_heading"] = "Authority";
  v["types_table"] = {
      {"group_rows", types},
      {"caption", "Responses, outcomes, refusal rate and timing by type of authority"},
      {"group_heading", "Type of authority"}};

  nlohmann::json periods = nlohmann::json::array();
  Series rate{"Refusal rate", {}};
  std::vector<Series> cited;
  for (const auto& e : p.series_exemptions) {
    cited.push_back({e + " (share of responses citing it)", {}});
  }
  for (const auto& pr : p.periods) {
    auto g = group_view(pr.group, catalog, req, "");
    // A period's search: the year facet for years; months use the date range.
    SearchRequest r = req;
    r.page = 1;
    if (pr.group.key.size() == 4) {
      r = narrowed(req, "year", {pr.group.key});
    } else {
      r.from = pr.group.key + "-01";
      r.to = pr.group.key + "-31";
    }
    g["href"] = search_href(r);
    nlohmann::json per = nlohmann::json::array();
    for (std::size_t i = 0; i < p.series_exemptions.size(); ++i) {
      const auto it = pr.exemptions.find(p.series_exemptions[i]);
      const std::size_t n = it == pr.exemptions.end() ? 0 : it->second;
      per.push_back({{"count", n}});
      cited[i].points.push_back(
          {pr.group.key, static_cast<double>(n) / static_cast<double>(pr.group.outcomes.responses),
           true});
    }
    g["exemptions"] = per;
    rate.points.push_back({pr.group.key, pr.group.refusal_rate.rate, true});
    periods.push_back(std::move(g));
  }
  v["periods"] = periods;
  v["has_periods"] = !periods.empty();
  v["undated"] = p.undated;
  v["has_undated"] = p.undated > 0;
  nlohmann::json series_heads = nlohmann::json::array();
  for (const auto& e : p.series_exemptions) {
    series_heads.push_back({{"provision", e}});
  }
  v["series_exemptions"] = series_heads;
  std::vector<Series> lines = {rate};
  lines.insert(lines.end(), cited.begin(), cited.end());
  v["period_chart"] = {
      {"chart_svg", line_chart("chart-periods", "Refusal rate and exemption use over time",
                               "Share of responses refused in full, and share "
                               "citing each of the most used sections, per period.",
                               lines)}};

  // Matrix: counts and rate per 100 responses of that authority.
  nlohmann::json mrows = nlohmann::json::array();
  std::vector<std::vector<Cell>> cells;
  std::vector<std::string> row_labels;
  for (std::size_t r = 0; r < p.matrix.authorities.size(); ++r) {
    const std::string& a = p.matrix.authorities[r];
    nlohmann::json mcells = nlohmann::json::array();
    std::vector<Cell> crow;
    for (std::size_t c = 0; c < p.matrix.exemptions.size(); ++c) {
      const std::size_t n = p.matrix.counts[r][c];
      const double per100 =
          100.0 * static_cast<double>(n) / static_cast<double>(p.matrix.responses[r]);
      const std::string h = search_href(
          narrowed(narrowed(req, "authority", {a}), "exemption", {p.matrix.exemptions[c]}));
      char rate_text[32];
      std::snprintf(rate_text, sizeof rate_text, "%.0f", per100);
      mcells.push_back({{"count", n}, {"per100", rate_text}, {"href", h}});
      crow.push_back({per100, rate_text});
    }
    mrows.push_back({{"label", catalog.label("authority", a)},
                     {"responses", p.matrix.responses[r]},
                     {"cells", mcells}});
    cells.push_back(std::move(crow));
    row_labels.push_back(catalog.label("authority", a));
  }
  nlohmann::json mcols = nlohmann::json::array();
  for (const auto& e : p.matrix.exemptions) {
    mcols.push_back({{"provision", e}, {"label", catalog.label("exemption", e)}});
  }
  v["matrix_rows"] = mrows;
  v["matrix_columns"] = mcols;
  v["has_matrix"] = !mrows.empty() && !mcols.empty();
  v["matrix_chart"] = {
      {"chart_svg", heat_map("chart-matrix", "Exemptions cited per 100 responses, by authority",
                             "Each cell: responses citing the section per 100 "
                             "responses from that authority.",
                             row_labels, p.matrix.exemptions, cells)}};
  return v;
}

}  // namespace foilog::web
