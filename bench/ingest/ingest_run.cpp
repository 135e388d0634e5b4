#include "ingest/ingest_run.h"

#include <xapian.h>

#include <atomic>
#include <fstream>
#include <future>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "common/process_stats.h"
#include "common/timer.h"
#include "extract/extract_record.h"
#include "ingest/ingester.h"
#include "ingest/taxonomy_rows.h"
#include "readers/sandbox.h"
#include "schema/schema.h"
#include "store/sha256.h"
#include "store/store.h"
#include "taxonomy/taxonomies.h"

namespace foilog::bench {
namespace {

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw std::runtime_error(file.string() + ": cannot open for reading");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Extracted {
  std::optional<Record> record;
  SourceInfo source;
  std::string error;
  double read = 0, extract = 0;
};

// The reading and extraction half of ingester.cpp's loop for one file.
Extracted read_and_extract(const std::filesystem::path& file, const Taxonomies& taxonomies) {
  Extracted out;
  try {
    DocumentText text;
    {
      const Accumulator::Scope t(out.read);
      const std::string bytes = read_bytes(file);
      out.source = SourceInfo{file.string(), sha256_hex(bytes), bytes.size(), ""};
      text = read_document_sandboxed(file);
    }
    const Accumulator::Scope t(out.extract);
    const ExtractHints hints{"", source_url_beside(file)};
    out.record = extract_record(text, taxonomies, hints, file.string());
    out.source.format = out.record->format;
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

// Reads and extracts files[begin, end) on `threads` threads (the calling one included).
std::vector<Extracted> extract_batch(const std::vector<std::filesystem::path>& files,
                                     std::size_t begin, std::size_t end,
                                     const Taxonomies& taxonomies, unsigned threads) {
  std::vector<Extracted> out(end - begin);
  std::atomic<std::size_t> next{begin};
  const auto work = [&] {
    for (std::size_t i = next++; i < end; i = next++) {
      out[i - begin] = read_and_extract(files[i], taxonomies);
    }
  };
  std::vector<std::jthread> workers;
  for (unsigned t = 1; t < threads; ++t) {
    workers.emplace_back(work);
  }
  work();
  return out;
}

void run_timed_loop(const IngestRunOptions& options, IngestRunResult& r);

void run_foilog_ingest(const IngestRunOptions& options, IngestRunResult& r) {
  IngestOptions io;
  io.db_dir = options.db_dir;
  io.data_dir = options.data_dir;
  io.batch_size = options.batch_size;
  io.threads = *options.index_threads;
  const IngestSummary s = ingest({options.source}, io);
  r.docs = s.added + s.replaced;
  r.failed = s.failed.size();
  if (!s.failed.empty()) {
    r.first_failure = s.failed.front().file + ": " + s.failed.front().reason;
  }
}

// The corpus size, listed again after the timed run (ingest() keeps no byte count).
std::uint64_t source_bytes(const std::filesystem::path& source) {
  std::uint64_t bytes = 0;
  for (const auto& file : collect_documents({source})) {
    bytes += std::filesystem::file_size(file);
  }
  return bytes;
}

}  // namespace

IngestRunResult run_ingest(const IngestRunOptions& options) {
  IngestRunResult r;
  if (options.index_threads) {
    const auto start = Clock::now();
    const double cpu_start = process_cpu_seconds();
    run_foilog_ingest(options, r);
    r.wall = seconds_since(start);
    r.cpu = process_cpu_seconds() - cpu_start;
    r.source_bytes = source_bytes(options.source);
  } else {
    run_timed_loop(options, r);
  }
  r.peak_rss = peak_rss_bytes();
  r.sqlite_bytes =
      disk_usage_bytes(options.db_dir / schema::file::kSqlite) +
      disk_usage_bytes(options.db_dir / (std::string(schema::file::kSqlite) + "-wal")) +
      disk_usage_bytes(options.db_dir / (std::string(schema::file::kSqlite) + "-shm"));
  r.xapian_bytes = disk_usage_bytes(options.db_dir / schema::file::kXapian);
  r.xapian_documents =
      Xapian::Database((options.db_dir / schema::file::kXapian).string()).get_doccount();
  return r;
}

namespace {

void run_timed_loop(const IngestRunOptions& options, IngestRunResult& r) {
  const auto files = collect_documents({options.source});
  const Taxonomies taxonomies = Taxonomies::load(options.data_dir);
  const auto start = Clock::now();
  const double cpu_start = process_cpu_seconds();
  {
    // Term generation at commit on one thread too, so that the split adds up to the wall time
    // (serial) or shows only the extraction overlapping (pipelined).
    StoreOptions store_options;
    store_options.index_threads = 1;
    auto store = Store::open(options.db_dir, Store::Mode::kReadWrite, store_options);
    store->sync_taxonomy(authority_rows(taxonomies), exemption_rows(taxonomies));
    const auto store_batch = [&](std::vector<Extracted>& batch) {
      for (Extracted& e : batch) {
        r.read += e.read;
        r.extract += e.extract;
        if (!e.record) {
          ++r.failed;
          if (r.first_failure.empty()) {
            r.first_failure = e.error;
          }
          store->record_error(e.source.path, e.error);
          continue;
        }
        r.source_bytes += e.source.size;
        const Accumulator::Scope t(r.sqlite_put);
        (void)store->find_document(e.source.path);  // ingester.cpp's already-stored check
        (void)store->put(*e.record, e.source);
        store->clear_error(e.source.path);
        ++r.docs;
      }
      const Accumulator::Scope t(r.commit);
      store->commit();
    };
    const std::size_t n = files.size();
    const std::size_t batch = std::max<std::size_t>(1, options.batch_size);
    if (options.extract_threads == 0) {
      for (std::size_t b = 0; b < n; b += batch) {
        auto extracted = extract_batch(files, b, std::min(n, b + batch), taxonomies, 1);
        store_batch(extracted);
      }
    } else {
      // Double-buffered: batch k+1 is extracted while batch k is written.
      std::future<std::vector<Extracted>> next;
      const auto launch = [&](std::size_t b) {
        return std::async(std::launch::async, extract_batch, std::cref(files), b,
                          std::min(n, b + batch), std::cref(taxonomies), options.extract_threads);
      };
      if (n > 0) {
        next = launch(0);
      }
      for (std::size_t b = 0; b < n; b += batch) {
        auto extracted = next.get();
        if (b + batch < n) {
          next = launch(b + batch);
        }
        store_batch(extracted);
      }
    }
  }  // the store closes here: its destructor's work is part of the run
  r.wall = seconds_since(start);
  r.cpu = process_cpu_seconds() - cpu_start;
}

}  // namespace

}  // namespace foilog::bench
