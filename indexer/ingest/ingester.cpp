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

// Whether the store already holds exactly these bytes for this path, so the
// file need not be parsed or extracted again.
bool already_stored(const Store& store, const std::string& path, const std::string& sha256) {
  const auto id = store.find_document(path);
  if (!id) {
    return false;
  }
  const auto doc = store.get_document(*id);
  return doc && doc->contains("source") && (*doc)["source"].value("sha256", "") == sha256;
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
  auto store = Store::open(options.db_dir, Store::Mode::kReadWrite);
  const Taxonomies taxonomies = Taxonomies::load(options.data_dir);
  IngestSummary summary;
  summary.reconciled_indexed = store->opening_reconcile().indexed;
  summary.reconciled_removed = store->opening_reconcile().removed;
  if (faults.watches_commits()) {
    store->set_commit_observer([&faults](CommitStage stage) { faults.at_commit_stage(stage); });
  }
  store->sync_taxonomy(authority_rows(taxonomies), exemption_rows(taxonomies));
  summary.files = files.size();
  std::size_t in_batch = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& file = files[i];
    const std::string path = file.string();
    // Only reading and extracting are per-file failures. A failing store write (disk full, I/O
    // error) is not the file's fault and must stop the run: it escapes, naming the store file.
    std::optional<Record> record;
    SourceInfo src{path, "", 0, ""};
    try {
      const std::string bytes = read_bytes(file, options.limits.max_file_bytes);
      src.sha256 = sha256_hex(bytes);
      src.size = bytes.size();
      if (already_stored(*store, path, src.sha256)) {
        ++summary.unchanged;
      } else {
        record = extract_file(file, taxonomies, options.default_authority, options.limits);
        src.format = record->format;
      }
    } catch (const IngestError& e) {
      summary.failed.push_back({path, e.reason()});
      store->record_error(path, e.reason());
    } catch (const std::exception& e) {
      summary.failed.push_back({path, e.what()});
      store->record_error(path, e.what());
    }
    if (record) {
      switch (store->put(*record, src)) {
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
