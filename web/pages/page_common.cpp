#include "pages/page_common.h"

#include <charconv>

#include "extract/record_json.h"
#include "pages/reply.h"
#include "pages/search_view.h"
#include "schema/schema.h"

namespace foilog::web {

nlohmann::json base_view(const std::string& title, const std::string& nav) {
  return {{"page_title", title},
          {"nav_search", nav == "search"},
          {"nav_authorities", nav == "authorities"},
          {"nav_exemptions", nav == "exemptions"},
          {"nav_patterns", nav == "patterns"},
          {"nav_check", nav == "check"}};
}

StoredDocument load_document(Site::Context& ctx, const std::string& id_text) {
  std::int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (id_text.empty() || ec != std::errc() || ptr != id_text.data() + id_text.size() || id <= 0) {
    throw HttpError(404, "There is no response with that number.");
  }
  auto st = ctx.store_of(id).prepare(
      "SELECT record, path, sha256, size, format, ingested_at, status, withdrawn_at FROM "
      "documents WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) {
    throw HttpError(404, "There is no response with that number.");
  }
  // Withdrawn: gone, and no cache may keep a copy. In review: not public yet, so not there.
  if (st.text(6) == schema::document_status::kWithdrawn) {
    throw HttpError(410,
                    "The authority that published this response withdrew it on " +
                        display_date(st.text(7).substr(0, 10)) + ". It is no longer available.",
                    {{"Cache-Control", "no-store"}});
  }
  if (st.text(6) != schema::document_status::kPublished) {
    throw HttpError(404, "There is no response with that number.");
  }
  StoredDocument doc;
  doc.id = id;
  doc.record = record_from_json(nlohmann::json::parse(st.text(0)));
  doc.source = {{"path", st.text(1)},
                {"sha256", st.text(2)},
                {"size", st.int64(3)},
                {"format", st.text(4)},
                {"ingested_at", st.text(5)}};
  return doc;
}

SearchRun run_site_search(Site& site, Site::Context& ctx, const SearchRequest& req,
                          bool collect_matches) {
  SearchRun run;
  run.snapshot = site.snapshot(ctx);
  SearchOptions options;
  options.collect_matches = collect_matches;
  options.remote = site.remote();
  options.numbers = run.snapshot.numbers.get();
  run.results = run_search(ctx.xapian, *run.snapshot.columns, *ctx.builder, req, options);
  return run;
}

void require_authority(const IndexSnapshot& snap, const std::string& slug) {
  if (snap.catalog->authority(slug) == nullptr &&
      snap.columns->column(*facet_index("authority")).code_of(slug) < 0) {
    throw HttpError(404, "There is no authority with that name in this log.");
  }
}

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

}  // namespace foilog::web
