#include "analytics/doc_columns.h"

#include <algorithm>
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

// Calls fn(docid, value) for every document with a value in slot.
template <typename Fn>
void each_value(const Xapian::Database& db, Xapian::valueno slot, bool bulk, Fn&& fn) {
  if (!bulk) {
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      fn(it.get_docid(), *it);
    }
    return;
  }
  Xapian::Enquire enquire(db);
  // Every non-empty value is >= "\0" (an empty bound would match documents without one too).
  enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, std::string(1, '\0')));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(slot, false);  // the sort key of each match is its value
  const Xapian::doccount all = std::max<Xapian::doccount>(db.get_doccount(), 1);
  const Xapian::MSet mset = enquire.get_mset(0, all, all);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (const std::string value = it.get_sort_key(); !value.empty()) {
      fn(*it, value);
    }
  }
}

}  // namespace

std::optional<std::uint32_t> sort_key_of(std::string_view yyyymmdd) {
  if (yyyymmdd.size() != 8 ||
      !std::all_of(yyyymmdd.begin(), yyyymmdd.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::uint32_t v = 0;
  std::from_chars(yyyymmdd.data(), yyyymmdd.data() + yyyymmdd.size(), v);
  if (v == 0) {
    return std::nullopt;  // 0 stands for "no sort date"
  }
  return v;
}

std::size_t DocColumns::memory_bytes() const {
  return working_days_.capacity() * sizeof(std::int16_t) +
         month_.capacity() * sizeof(std::int32_t) + sqlite_id_.capacity() * sizeof(std::int64_t) +
         sort_key_.capacity() * sizeof(std::uint32_t);
}

std::shared_ptr<const DocColumns> DocColumns::build(const Xapian::Database& db, bool bulk) {
  auto out = std::make_shared<DocColumns>();
  const std::size_t size = static_cast<std::size_t>(db.get_lastdocid()) + 1;
  out->working_days_.assign(size, -1);
  out->month_.assign(size, 0);
  out->sqlite_id_.assign(size, 0);
  out->sort_key_.assign(size, 0);
  each_value(db, schema::slot::kDocId, bulk, [&](Xapian::docid d, const std::string& v) {
    std::int64_t id = 0;
    std::from_chars(v.data(), v.data() + v.size(), id);
    out->sqlite_id_[d] = id;
  });
  each_value(db, schema::slot::kWorkingDays, bulk, [&](Xapian::docid d, const std::string& v) {
    const double days = Xapian::sortable_unserialise(v);
    out->working_days_[d] =
        static_cast<std::int16_t>(days < 0 ? -1 : (days > 30000 ? 30000 : days));
  });
  each_value(db, schema::slot::kSortDate, bulk, [&](Xapian::docid d, const std::string& v) {
    if (const auto key = sort_key_of(v)) {
      out->sort_key_[d] = *key;
    } else {
      out->sort_keys_exact_ = false;
    }
  });
  // The received date first, so a response date overwrites it (the year facet's rule).
  for (const auto slot : {schema::slot::kDateReceived, schema::slot::kDateResponded}) {
    each_value(db, slot, bulk,
               [&](Xapian::docid d, const std::string& v) { out->month_[d] = yyyymm(v); });
  }
  return out;
}

}  // namespace foilog::web
