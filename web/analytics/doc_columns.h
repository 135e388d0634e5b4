// The per-document numbers the figures need beside the facet columns: working days taken, the
// response month and the sort date, read once per index revision from Xapian's value slots
// (valuestream iterators, so building costs one pass over two slots), and whether a docid is a
// response or a question.
//
// Over remote shards (xapian-tcpsrv) a value stream is read one document per round trip, so
// there each slot is read instead as one match of every document with a value in it, sorted by
// that value: the sort keys come back with the match, a whole slot in one answer per shard.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace foilog::web {

class DocColumns {
 public:
  // bulk: read each slot through one match (for remote shards) rather than its value stream.
  [[nodiscard]] static std::shared_ptr<const DocColumns> build(const Xapian::Database& db,
                                                               bool bulk = false);

  // -1 when unknown.
  [[nodiscard]] int working_days(Xapian::docid d) const {
    return d < working_days_.size() ? working_days_[d] : -1;
  }
  // YYYYMM of the response date (else the received date); 0 when unknown.
  [[nodiscard]] int month(Xapian::docid d) const { return d < month_.size() ? month_[d] : 0; }
  // The sort date (kSortDate, YYYYMMDD as a number, so numeric order is the value's order);
  // 0 when the document has none.
  [[nodiscard]] std::uint32_t sort_key(Xapian::docid d) const {
    return d < sort_key_.size() ? sort_key_[d] : 0;
  }
  // False when some sort date was not 8 digits: then sort_key() would not order as Xapian does.
  [[nodiscard]] bool sort_keys_exact() const { return sort_keys_exact_; }
  [[nodiscard]] std::size_t memory_bytes() const;
  // The SQLite document id of a response or question document; 0 when unknown.
  [[nodiscard]] std::int64_t sqlite_id(Xapian::docid d) const {
    return d < sqlite_id_.size() ? sqlite_id_[d] : 0;
  }

 private:
  std::vector<std::int16_t> working_days_;
  std::vector<std::int32_t> month_;
  std::vector<std::int64_t> sqlite_id_;
  std::vector<std::uint32_t> sort_key_;
  bool sort_keys_exact_ = true;
};

// "YYYYMMDD" as a number; nullopt for anything else.
[[nodiscard]] std::optional<std::uint32_t> sort_key_of(std::string_view yyyymmdd);

}  // namespace foilog::web
