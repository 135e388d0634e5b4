#include "analytics/doc_columns.h"

#include <charconv>

#include "schema/schema.h"

namespace foilog::web {
namespace {

int yyyymm(const std::string& yyyymmdd) {
  int v = 0;
  if (yyyymmdd.size() < 6) {
    return 0;
  }
  std::from_chars(yyyymmdd.data(), yyyymmdd.data() + 6, v);
  return v;
}

}  // namespace

std::shared_ptr<const DocColumns> DocColumns::build(const Xapian::Database& db) {
  auto out = std::make_shared<DocColumns>();
  const std::size_t size = static_cast<std::size_t>(db.get_lastdocid()) + 1;
  out->working_days_.assign(size, -1);
  out->month_.assign(size, 0);
  out->sqlite_id_.assign(size, 0);
  for (auto it = db.valuestream_begin(schema::slot::kDocId);
       it != db.valuestream_end(schema::slot::kDocId); ++it) {
    const std::string& v = *it;
    std::int64_t id = 0;
    std::from_chars(v.data(), v.data() + v.size(), id);
    out->sqlite_id_[it.get_docid()] = id;
  }
  for (auto it = db.valuestream_begin(schema::slot::kWorkingDays);
       it != db.valuestream_end(schema::slot::kWorkingDays); ++it) {
    const double days = Xapian::sortable_unserialise(*it);
    out->working_days_[it.get_docid()] =
        static_cast<std::int16_t>(days < 0 ? -1 : (days > 30000 ? 30000 : days));
  }
  // The received date first, so a response date overwrites it (the year facet's rule).
  for (const auto slot : {schema::slot::kDateReceived, schema::slot::kDateResponded}) {
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      out->month_[it.get_docid()] = yyyymm(*it);
    }
  }
  return out;
}

}  // namespace foilog::web
