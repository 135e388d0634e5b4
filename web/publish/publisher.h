// Every publishing write: the one place that opens the store read-write (briefly, per request,
// under its write lock), checks who may do what, and logs it in the audit log. Shared by the web
// pages and the JSON API. Writes from this server are serialised by a mutex; when another
// process (`foilog index`) holds the store's write lock the request fails with 503 and
// Retry-After instead of waiting.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "publish/auth.h"
#include "publish/correction_input.h"
#include "publish/publish_options.h"
#include "publish/rate_limiter.h"
#include "server/site.h"
#include "store/store.h"
#include "taxonomy/taxonomies.h"

namespace foilog::web {

struct UploadOutcome {
  std::int64_t id = 0;
  std::string status;  // "review" for a new upload; a duplicate keeps whatever it has
  Record record;
  bool duplicate = false;  // the same bytes were already uploaded to this log
};

class Publisher {
 public:
  Publisher(Site& site, PublishOptions options);

  [[nodiscard]] Site& site() { return site_; }
  [[nodiscard]] const PublishOptions& options() const { return options_; }
  [[nodiscard]] RateLimiter& limiter() { return limiter_; }
  [[nodiscard]] const Taxonomies& taxonomies() const { return taxonomies_; }

  // metadata: null, or an object of corrections to apply at once (reference, dates, title...,
  // and for an administrator "authority", which also decides whose log it joins). UsageError
  // (400) for a file or value foilog cannot take.
  UploadOutcome upload(const Principal& who, const std::string& name, const std::string& bytes,
                       const nlohmann::json& metadata);
  // Review -> published, indexed before this returns. 409 unless in review, or when it has
  // warnings and confirm_warnings is false.
  void release(const Principal& who, std::int64_t id, bool confirm_warnings);
  // fields: a JSON object (correction_input.h). 409 for a withdrawn response; 403 when an
  // authority tries to move a response to another authority.
  void correct(const Principal& who, std::int64_t id, const nlohmann::json& fields);
  // -> withdrawn: gone from search, facets, feeds and pages when this returns. reason required.
  void withdraw(const Principal& who, std::int64_t id, const std::string& reason);
  // Its text out of the data files (Store::purge). 409 unless withdrawn.
  void purge(const Principal& who, std::int64_t id);

  [[nodiscard]] NewSession sign_in(const Principal& who);
  void sign_out(const Principal& who, const std::string& session_secret);

 private:
  // Runs fn(Store&) with the store open read-write, then commits. 503 while another process
  // writes.
  template <typename Fn>
  void with_store(Fn&& fn);
  // The document as this principal may change it: 404, 403.
  DocumentState owned_state(Store& store, const Principal& who, std::int64_t id);

  Site& site_;
  PublishOptions options_;
  Taxonomies taxonomies_;
  RateLimiter limiter_;
  std::mutex write_mutex_;
};

}  // namespace foilog::web
