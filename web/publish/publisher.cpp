#include "publish/publisher.h"

#include <fstream>

#include "extract/record_json.h"
#include "pages/reply.h"
#include "publish/publish_queries.h"
#include "publish/upload.h"
#include "schema/schema.h"
#include "store/write_lock.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog::web {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kMaxReason = 2000;

std::string field_list(const Overrides& overrides) {
  std::string out;
  for (const auto& [field, value] : overrides) {
    out += (out.empty() ? "" : ", ") + field;
  }
  return out;
}

// Writes the original beside the store, whole or not at all (a rename after the write).
void keep_original(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  const fs::path part = path.string() + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      throw DataError(part.string() + ": cannot write the uploaded file");
    }
  }
  fs::permissions(part, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  fs::rename(part, path);
}

// Where a new upload goes: its usual path, or the next free one when that path belongs to a
// withdrawn response (withdrawal is final for that document; the file may be published anew).
fs::path free_path(Store& store, const fs::path& path) {
  fs::path candidate = path;
  for (int n = 2; n < 1000; ++n) {
    const auto id = store.find_document(candidate.string());
    if (!id || store.document_state(*id)->status != DocumentStatus::kWithdrawn) {
      return candidate;
    }
    candidate = path.parent_path() /
                (path.stem().string() + "-" + std::to_string(n) + path.extension().string());
  }
  throw DataError(path.string() + ": uploaded and withdrawn too many times");
}

}  // namespace

Publisher::Publisher(Site& site, PublishOptions options)
    : site_(site),
      options_(options),
      taxonomies_(Taxonomies::load(site.config().data_dir)),
      limiter_(options.max_failed_sign_ins, options.failure_window) {}

template <typename Fn>
void Publisher::with_store(Fn&& fn) {
  const std::lock_guard lock(write_mutex_);
  std::unique_ptr<Store> store;
  try {
    store = Store::open(site_.config().db_dir, Store::Mode::kReadWrite);
  } catch (const WriteLockHeld&) {
    throw HttpError(503,
                    "Another program (usually `foilog index`) is writing to this log right now. "
                    "Nothing was changed: try again in a minute.",
                    {{"Retry-After", "30"}});
  }
  store->set_bank_holidays(taxonomies_.bank_holidays);
  fn(*store);
  store->commit();
}

DocumentState Publisher::owned_state(Store& store, const Principal& who, std::int64_t id) {
  const auto state = store.document_state(id);
  if (!state) {
    throw HttpError(404, "There is no response with that number.");
  }
  if (!who.may_act_for(state->authority_id)) {
    throw HttpError(403, "This response belongs to another authority's log.");
  }
  return *state;
}

UploadOutcome Publisher::upload(const Principal& who, const std::string& name,
                                const std::string& bytes, const nlohmann::json& metadata) {
  if (!metadata.is_null() && !metadata.is_object()) {
    throw UsageError("metadata",
                     "must be a JSON object of the facts to set, e.g. {\"reference\": \"FOI/1\"}");
  }
  auto& ctx = site_.context();
  const auto accounts = account_names(*ctx.sqlite);
  std::string authority_id = who.authority_id;
  std::string authority_name = who.authority_name;
  nlohmann::json requested = metadata.is_object() ? metadata : nlohmann::json::object();
  if (requested.contains("authority")) {
    const auto a =
        normalise_correction("authority", requested["authority"], taxonomies_, Record{}, accounts);
    if (!who.admin() && a["id"].get<std::string>() != who.authority_id) {
      throw HttpError(403, "An authority can upload only to its own log.");
    }
    authority_id = a["id"].get<std::string>();
    authority_name = a["name"].get<std::string>();
    requested.erase("authority");
  }
  PreparedUpload up = prepare_upload(name, bytes, taxonomies_, authority_id, authority_name,
                                     site_.config().db_dir / schema::file::kUploads);
  const Overrides overrides =
      requested.empty() ? Overrides{}
                        : normalise_corrections(requested, taxonomies_, up.record, accounts);

  UploadOutcome out;
  with_store([&](Store& store) {
    if (const auto existing = store.find_document(up.path.string());
        existing && store.document_state(*existing)->status != DocumentStatus::kWithdrawn) {
      const auto state = owned_state(store, who, *existing);
      out.id = *existing;
      out.status = std::string(status_name(state.status));
      out.record = record_from_json((*store.get_document(*existing))["record"]);
      out.duplicate = true;
      return;
    }
    up.path = free_path(store, up.path);
    up.record.file = up.path.string();
    keep_original(up.path, bytes);
    try {
      store.put(up.record, SourceInfo{up.path.string(), up.sha256, bytes.size(), up.record.format},
                DocumentStatus::kReview);
      out.id = *store.find_document(up.path.string());
      for (const auto& [field, value] : overrides) {
        store.correct(out.id, field, value, who.actor);
      }
      append_audit(store.database(), who.actor, up.record.authority_id, "upload", out.id,
                   up.name + " (" + std::to_string(up.record.warnings.size()) + " warnings)" +
                       (overrides.empty() ? "" : "; set " + field_list(overrides)));
      store.commit();
    } catch (...) {
      if (!store.find_document(up.path.string())) {
        std::error_code ec;
        fs::remove(up.path, ec);  // no row refers to it: nothing may keep its bytes
      }
      throw;
    }
    out.status = "review";
    out.record = record_from_json((*store.get_document(out.id))["record"]);
  });
  return out;
}

void Publisher::release(const Principal& who, std::int64_t id, bool confirm_warnings) {
  with_store([&](Store& store) {
    const DocumentState state = owned_state(store, who, id);
    if (state.status == DocumentStatus::kPublished) {
      throw HttpError(409, "This response is already published.");
    }
    if (state.status == DocumentStatus::kWithdrawn) {
      throw HttpError(409,
                      "This response was withdrawn, which is final. To publish it again, upload "
                      "the file again.");
    }
    const auto warnings = (*store.get_document(id))["record"]["warnings"].size();
    if (warnings > 0 && !confirm_warnings) {
      throw HttpError(409, "This response has " + std::to_string(warnings) +
                               " warnings. Check each one, then confirm that it can be "
                               "published as it is.");
    }
    store.release(id);
    append_audit(store.database(), who.actor, state.authority_id, "release", id,
                 warnings > 0 ? std::to_string(warnings) + " warnings confirmed" : "");
    store.commit();  // indexed in Xapian before the reply goes out
  });
}

void Publisher::correct(const Principal& who, std::int64_t id, const nlohmann::json& fields) {
  auto& ctx = site_.context();
  const OwnedDocument doc = load_owned(*ctx.sqlite, who, id);
  if (doc.status == schema::document_status::kWithdrawn) {
    throw HttpError(409, "This response was withdrawn; there is nothing left to correct.");
  }
  const Overrides overrides =
      normalise_corrections(fields, taxonomies_, doc.record, account_names(*ctx.sqlite));
  for (const auto& [field, value] : overrides) {
    if (field == "authority" && !who.admin() &&
        value["id"].get<std::string>() != who.authority_id) {
      throw HttpError(403, "Only an administrator can move a response to another authority's log.");
    }
  }
  with_store([&](Store& store) {
    const DocumentState state = owned_state(store, who, id);
    if (state.status == DocumentStatus::kWithdrawn) {
      throw HttpError(409, "This response was withdrawn; there is nothing left to correct.");
    }
    for (const auto& [field, value] : overrides) {
      store.correct(id, field, value, who.actor);
    }
    append_audit(store.database(), who.actor, state.authority_id, "correct", id,
                 field_list(overrides));
    store.commit();
  });
}

void Publisher::withdraw(const Principal& who, std::int64_t id, const std::string& reason_in) {
  const std::string reason(trim(repair_utf8(reason_in)));
  if (reason.empty()) {
    throw UsageError("reason", "say why the response is being withdrawn (for the audit log)");
  }
  if (reason.size() > kMaxReason) {
    throw UsageError("reason", "is longer than " + std::to_string(kMaxReason) + " characters");
  }
  with_store([&](Store& store) {
    const DocumentState state = owned_state(store, who, id);
    if (state.status == DocumentStatus::kWithdrawn) {
      throw HttpError(409, "This response is already withdrawn.");
    }
    store.withdraw(id, reason);
    append_audit(store.database(), who.actor, state.authority_id, "withdraw", id, reason);
    // Deleted from Xapian and committed before the reply: every page and feed drops it at once.
    store.commit();
  });
}

void Publisher::purge(const Principal& who, std::int64_t id) {
  with_store([&](Store& store) {
    const DocumentState state = owned_state(store, who, id);
    if (state.status != DocumentStatus::kWithdrawn) {
      throw HttpError(409, "Only a withdrawn response can be purged. Withdraw it first.");
    }
    store.purge({id});
    append_audit(store.database(), who.actor, state.authority_id, "purge", id, "");
  });
}

NewSession Publisher::sign_in(const Principal& who) {
  NewSession session;
  with_store([&](Store& store) {
    delete_expired_sessions(store.database());
    session = create_session(store.database(), who.token.id, options_.session_lifetime);
    append_audit(store.database(), who.actor, who.authority_id, "sign_in", std::nullopt,
                 "web session");
  });
  return session;
}

void Publisher::sign_out(const Principal& who, const std::string& session_secret) {
  with_store([&](Store& store) {
    delete_session(store.database(), session_secret);
    append_audit(store.database(), who.actor, who.authority_id, "sign_out", std::nullopt, "");
  });
}

}  // namespace foilog::web
