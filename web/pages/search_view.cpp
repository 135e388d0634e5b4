#include "pages/search_view.h"

#include <algorithm>
#include <map>

#include "render/html.h"
#include "render/url.h"
#include "schema/schema.h"
#include "util/date.h"

namespace foilog::web {
namespace {

constexpr std::size_t kSnippetBytes = 280;

std::string str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The start of text, cut at a character boundary, escaped.
std::string leading_text(const std::string& text) {
  std::size_t end = std::min(text.size(), kSnippetBytes);
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    ++end;
  }
  std::string out = html_escape(text.substr(0, end));
  if (end < text.size()) {
    out += "…";
  }
  return out;
}

}  // namespace

std::string snippet_html(const Xapian::MSet& mset, const std::string& text, bool has_query) {
  if (!has_query) {
    return leading_text(text);
  }
  // No background model: it was most of a results page's time (bench profile), and the
  // exhaustive search still centres the snippet on the matched words.
  return mset.snippet(text, kSnippetBytes, Xapian::Stem("en"), Xapian::MSet::SNIPPET_EXHAUSTIVE,
                      "<mark>", "</mark>", "…");
}

namespace {

SearchRequest toggled(const SearchRequest& req, std::size_t f, const std::string& value) {
  SearchRequest next = req;
  auto& values = next.filters[f];
  const auto it = std::find(values.begin(), values.end(), value);
  if (it != values.end()) {
    values.erase(it);
  } else {
    values.push_back(value);
  }
  next.page = 1;
  return next;
}

nlohmann::json facet_value(const Catalog& catalog, const SearchRequest& req, std::size_t f,
                           const FacetCount& fc) {
  return {{"value", fc.value},
          {"label", catalog.label(kFacets[f].param, fc.value)},
          {"count", fc.count},
          {"selected", fc.selected},
          {"href", search_href(toggled(req, f, fc.value))},
          {"children", nlohmann::json::array()}};
}

}  // namespace

std::string display_date(const std::string& iso) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  const auto d = parse_iso_date(iso);
  if (!d) {
    return {};
  }
  return std::to_string(d->day) + " " + kMonths[d->month - 1] + " " + std::to_string(d->year);
}

std::string working_days_text(const Record& r) {
  if (!r.working_days) {
    return "Not known (a date is missing)";
  }
  std::string out = std::to_string(*r.working_days) + " working days";
  if (r.within_limit) {
    out += *r.within_limit ? " (within the 20-day limit)" : " (late: over the 20-day limit)";
  }
  return out;
}

std::string search_href(const SearchRequest& req, const std::string& path) {
  return with_query(path, to_params(req));
}

std::string hit_text(Site::Context& ctx, const SearchHit& hit, SearchMode mode) {
  if (mode == SearchMode::kQuestions) {
    return str(hit.data, "question") + "\n" + str(hit.data, "answer");
  }
  const auto id = hit.data.find("id");
  if (id == hit.data.end() || !id->is_number_integer()) {
    return {};
  }
  const auto doc_id = id->get<std::int64_t>();
  auto st = ctx.store_of(doc_id).prepare(
      "SELECT json_extract(record, '$.text') FROM documents WHERE id = ?1 AND status = "
      "'published'");
  st.bind(1, doc_id);
  return st.step() && !st.is_null(0) ? st.text(0) : std::string();
}

nlohmann::json hit_view(Site::Context& ctx, const Catalog& catalog, const SearchResults& results,
                        const SearchHit& hit, const SearchRequest& req) {
  const nlohmann::json& d = hit.data;
  const std::int64_t id = d.value("id", std::int64_t{0});
  nlohmann::json v;
  v["id"] = id;
  v["url"] = "/doc/" + std::to_string(id);
  v["reference"] = str(d, "reference");
  v["authority"] = str(d, "authority");
  v["authority_id"] = str(d, "authority_id");
  v["authority_url"] = v["authority_id"].get<std::string>().empty()
                           ? ""
                           : "/authority/" + url_encode(str(d, "authority_id"));
  v["date_responded"] = d.contains("date_responded") ? d["date_responded"] : nullptr;
  v["date_received"] = d.contains("date_received") ? d["date_received"] : nullptr;
  v["date_responded_display"] = display_date(str(d, "date_responded"));
  v["outcome"] = str(d, "outcome");
  v["outcome_label"] = Catalog::outcome_label(str(d, "outcome"));
  v["title"] = str(d, "title");
  v["kind"] = str(d, "kind");
  nlohmann::json exemptions = nlohmann::json::array();
  for (const auto& p : d.value("exemptions", nlohmann::json::array())) {
    if (p.is_string()) {
      const std::string prov = p.get<std::string>();
      exemptions.push_back({{"provision", prov},
                            {"label", catalog.label("exemption", prov)},
                            {"url", "/exemption/" + url_encode(prov)}});
    }
  }
  v["exemptions"] = exemptions;
  v["has_exemptions"] = !exemptions.empty();
  nlohmann::json topics = nlohmann::json::array();
  for (const auto& t : d.value("topics", nlohmann::json::array())) {
    if (t.is_string()) {
      const std::string tid = t.get<std::string>();
      topics.push_back({{"id", tid},
                        {"label", catalog.label("topic", tid)},
                        {"url", with_query("/search", {{"topic", tid}})}});
    }
  }
  v["topics"] = topics;
  if (req.mode == SearchMode::kQuestions) {
    v["n"] = d.value("n", 0);
    v["question"] = str(d, "question");
    v["answer"] = str(d, "answer");
    v["url"] = "/doc/" + std::to_string(id) + "#q" + std::to_string(d.value("n", 0));
  }
  const std::string text = hit_text(ctx, hit, req.mode);
  v["snippet_html"] = snippet_html(results.mset, text, !req.q.empty());
  return v;
}

nlohmann::json facets_view(const Catalog& catalog, const SearchRequest& req,
                           const SearchResults& results) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    nlohmann::json values = nlohmann::json::array();
    if (kFacets[f].param == "exemption") {
      // Sections first, each with its subsections (s31 > s31(1)(a)).
      std::map<std::string, std::size_t> parent_at;
      std::vector<const FacetCount*> children;
      for (const auto& fc : results.facets[f]) {
        if (schema::provision_parent(fc.value) == fc.value) {
          parent_at[fc.value] = values.size();
          values.push_back(facet_value(catalog, req, f, fc));
        } else {
          children.push_back(&fc);
        }
      }
      for (const auto* fc : children) {
        const auto it = parent_at.find(schema::provision_parent(fc->value));
        if (it != parent_at.end()) {
          values[it->second]["children"].push_back(facet_value(catalog, req, f, *fc));
        } else {
          values.push_back(facet_value(catalog, req, f, *fc));
        }
      }
    } else {
      for (const auto& fc : results.facets[f]) {
        values.push_back(facet_value(catalog, req, f, fc));
      }
    }
    for (auto& v : values) {
      v["has_children"] = !v["children"].empty();
    }
    out.push_back({{"name", kFacets[f].param},
                   {"label", kFacets[f].label},
                   {"values", values},
                   {"has_values", !values.empty()},
                   {"open", !req.filters[f].empty() || values.size() <= 12}});
  }
  return out;
}

nlohmann::json tags_view(const Catalog& catalog, const SearchRequest& req,
                         const std::string& path) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t f = 0; f < kFacetCount; ++f) {
    for (const auto& v : req.filters[f]) {
      out.push_back({{"facet", kFacets[f].param},
                     {"facet_label", kFacets[f].label},
                     {"value", v},
                     {"label", catalog.label(kFacets[f].param, v)},
                     {"href", search_href(toggled(req, f, v), path)}});
    }
  }
  if (!req.from.empty()) {
    SearchRequest next = req;
    next.from.clear();
    next.page = 1;
    out.push_back({{"facet", "from"},
                   {"facet_label", "From"},
                   {"value", req.from},
                   {"label", display_date(req.from)},
                   {"href", search_href(next, path)}});
  }
  if (!req.to.empty()) {
    SearchRequest next = req;
    next.to.clear();
    next.page = 1;
    out.push_back({{"facet", "to"},
                   {"facet_label", "To"},
                   {"value", req.to},
                   {"label", display_date(req.to)},
                   {"href", search_href(next, path)}});
  }
  return out;
}

nlohmann::json pagination_view(const SearchRequest& req, std::size_t total,
                               const std::string& path) {
  const std::size_t per = static_cast<std::size_t>(req.per_page);
  const std::size_t last = std::max<std::size_t>(1, (total + per - 1) / per);
  const auto page = static_cast<std::size_t>(req.page);
  auto href = [&](std::size_t p) {
    SearchRequest r = req;
    r.page = static_cast<int>(p);
    return search_href(r, path);
  };
  nlohmann::json pages = nlohmann::json::array();
  std::size_t prev_shown = 0;
  for (std::size_t p = 1; p <= last; ++p) {
    const bool show = p == 1 || p == last || (p + 1 >= page && p <= page + 1);
    if (!show) {
      continue;
    }
    if (prev_shown != 0 && p > prev_shown + 1) {
      pages.push_back({{"ellipsis", true}});
    }
    pages.push_back(
        {{"number", p}, {"href", href(p)}, {"current", p == page}, {"ellipsis", false}});
    prev_shown = p;
    // Jump over the runs of pages not shown, so a million pages cost nothing.
    if (p == 1 && page > 3 && last > 3) {
      p = std::min(page - 2, last - 1);
    } else if (p >= page + 1 && p + 1 < last) {
      p = last - 1;
    }
  }
  nlohmann::json out = {
      {"pages", pages}, {"page", page}, {"last_page", last}, {"show", last > 1 || page > 1}};
  out["prev_href"] = page > 1 ? href(std::min(page - 1, last)) : "";
  out["next_href"] = page < last ? href(page + 1) : "";
  return out;
}

}  // namespace foilog::web
