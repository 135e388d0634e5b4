#include "ingest/ingester.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "ingest/extract_file.h"
#include "ingest/fault_injection.h"
#include "ingest/taxonomy_rows.h"
#include "readers/reader.h"
#include "store/sha256.h"
#include "store/store.h"
#include "taxonomy/taxonomies.h"
#include "util/error.h"
#include "util/parallel.h"

namespace foilog {
namespace {

bool is_hidden(const std::filesystem::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name.front() == '.';
}

std::string read_bytes(const std::filesystem::path& file, std::uintmax_t limit) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    throw IngestError(file.string(), "cannot read: " + ec.message());
  }
  if (size > limit) {
    throw IngestError(file.string(), "file too large: " + std::to_string(size) + " bytes (limit " +
                                         std::to_string(limit) + ")");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw IngestError(file.string(), "cannot open for reading");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What a worker thread makes of one file: read, hashed and, unless the store already holds
// exactly these bytes, extracted. Only reading and extracting can fail here; such a failure
// belongs to the file and the run goes on.
struct PreparedFile {
  SourceInfo src;
  std::optional<Record> record;  // unset: unchanged, or failed
  bool unchanged = false;
  std::optional<std::string> error;
};

PreparedFile prepare_file(const std::filesystem::path& file,
                          const std::optional<std::string>& stored_sha256,
                          const Taxonomies& taxonomies, const IngestOptions& options) {
  PreparedFile p;
  p.src = SourceInfo{file.string(), "", 0, ""};
  try {
    const std::string bytes = read_bytes(file, options.limits.max_file_bytes);
    p.src.sha256 = sha256_hex(bytes);
    p.src.size = bytes.size();
    if (stored_sha256 == p.src.sha256) {
      p.unchanged = true;  // not parsed or extracted again
    } else {
      p.record = extract_file(file, taxonomies, options.default_authority, options.limits);
      p.src.format = p.record->format;
    }
  } catch (const IngestError& e) {
    p.error = e.reason();
  } catch (const std::exception& e) {
    p.error = e.what();
  }
  return p;
}

}  // namespace

std::vector<std::filesystem::path> collect_documents(
    const std::vector<std::filesystem::path>& roots) {
  std::vector<std::filesystem::path> files;
  for (const auto& root : roots) {
    std::error_code ec;
    const auto status = std::filesystem::status(root, ec);
    if (ec || !std::filesystem::exists(status)) {
      throw UsageError(root.string(), "no such file or directory");
    }
    if (std::filesystem::is_regular_file(status)) {
      files.push_back(root);  // named explicitly: taken even without a known extension
      continue;
    }
    auto it = std::filesystem::recursive_directory_iterator(
        root, std::filesystem::directory_options::skip_permission_denied);
    for (auto end = std::filesystem::recursive_directory_iterator(); it != end; ++it) {
      if (is_hidden(it->path())) {
        if (it->is_directory()) {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (it->is_regular_file() && is_document_path(it->path())) {
        files.push_back(it->path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

std::string source_url_beside(const std::filesystem::path& document) {
  auto label = document;
  label.replace_extension(".json");
  if (label == document || !std::filesystem::is_regular_file(label)) {
    return {};
  }
  std::ifstream in(label);
  const auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_object() && j.contains("source") && j["source"].is_string()) {
    const std::string s = j["source"].get<std::string>();
    if (s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0) {
      return s;
    }
  }
  return {};
}

IngestSummary ingest(const std::vector<std::filesystem::path>& roots, const IngestOptions& options,
                     const std::function<void(const IngestProgress&)>& on_progress) {
  const auto started = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  const auto files = collect_documents(roots);
  FaultInjector faults = FaultInjector::from_environment();
  // The store first: a second writer is refused at once, before the taxonomies are parsed.
  StoreOptions store_options;
  store_options.index_threads = options.threads;
  store_options.first_document_id = options.first_document_id;
  auto store = Store::open(options.db_dir, Store::Mode::kReadWrite, store_options);
  const Taxonomies taxonomies = Taxonomies::load(options.data_dir);
  IngestSummary summary;
  summary.reconciled_indexed = store->opening_reconcile().indexed;
  summary.reconciled_removed = store->opening_reconcile().removed;
  if (faults.watches_commits()) {
    store->set_commit_observer([&faults](CommitStage stage) { faults.at_commit_stage(stage); });
  }
  store->sync_taxonomy(authority_rows(taxonomies), exemption_rows(taxonomies));
  summary.files = files.size();
  // Files are read and extracted on worker threads a few files ahead of this one, which alone
  // writes the store, taking them in sorted order: what is stored (ids included) does not
  // depend on the number of threads. One thread: no workers, the same steps in turn.
  const unsigned threads = options.threads > 0 ? options.threads : default_thread_count();
  OrderedPool<PreparedFile> pool(threads > 1 ? threads : 0);
  // A whole batch ahead: while a commit writes Xapian, the workers extract the next batch.
  const std::size_t ahead = threads > 1 ? std::max<std::size_t>(options.batch_size, 8) : 1;
  std::size_t submitted = 0;
  const auto submit_next = [&] {
    const std::filesystem::path& file = files[submitted++];
    pool.submit([&file, stored = store->stored_sha256(file.string()), &taxonomies, &options] {
      return prepare_file(file, stored, taxonomies, options);
    });
  };
  std::size_t in_batch = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    while (submitted < files.size() && pool.in_flight() < ahead) {
      submit_next();
    }
    PreparedFile prepared = pool.next();
    const std::string& path = prepared.src.path;
    // A failing store write (disk full, I/O error) is not the file's fault and must stop the
    // run: it escapes, naming the store file.
    if (prepared.error) {
      summary.failed.push_back({path, *prepared.error});
      store->record_error(path, *prepared.error);
    } else if (prepared.unchanged) {
      ++summary.unchanged;
    }
    if (prepared.record) {
      switch (store->put(*prepared.record, prepared.src)) {
        case PutResult::kAdded:
          ++summary.added;
          break;
        case PutResult::kReplaced:
          ++summary.replaced;
          break;
        case PutResult::kUnchanged:
          ++summary.unchanged;
          break;
      }
      store->clear_error(path);
      ++in_batch;
      faults.after_put();
    }
    if (in_batch >= options.batch_size) {
      store->commit();
      in_batch = 0;
    }
    if (on_progress) {
      on_progress({i + 1, files.size(), summary.failed.size(), elapsed()});
    }
  }
  store->commit();
  summary.sqlite_rows_changed = store->sqlite_changes();
  summary.seconds = elapsed();
  return summary;
}

}  // namespace foilog
