// /api/publish: the publishing API (docs/API.md). Authorization: Bearer TOKEN on every call;
// no cookie is ever read here, so no other site can make a browser call it (no CSRF).
#include <httplib.h>

#include "extract/record_json.h"
#include "publish/form.h"
#include "publish/manifest.h"
#include "publish/publish_queries.h"
#include "publish/publish_route_kit.h"
#include "publish/publisher.h"
#include "publish/upload.h"
#include "server/route_helpers.h"
#include "store/corrections.h"
#include "util/error.h"

namespace foilog::web {
namespace {

using nlohmann::json;

Reply json_reply(int status, const json& body) {
  return {
      status, "application/json", body.dump(-1, ' ', false, json::error_handler_t::replace), {}};
}

json warnings_json(const Record& r) {
  json out = json::array();
  for (const auto& w : r.warnings) {
    json item = {{"kind", w.kind}, {"detail", w.detail}};
    if (!w.span.empty()) {
      item["span"] = {w.span.begin, w.span.end};
    }
    out.push_back(std::move(item));
  }
  return out;
}

json document_json(const OwnedDocument& d) {
  json corrections = json::array();
  for (const auto& c : d.corrections) {
    corrections.push_back({{"field", c.field}, {"by", c.actor}, {"at", c.at}});
  }
  json body = {{"id", d.id},
               {"status", d.status},
               {"authority_id", d.authority_id},
               {"review_url", "/publish/doc/" + std::to_string(d.id)},
               {"url", d.status == "published" ? json("/doc/" + std::to_string(d.id)) : json()},
               {"record", public_record_json(d.record, false)},
               {"warnings", warnings_json(d.record)},
               {"corrections", corrections},
               {"ingested_at", d.ingested_at}};
  if (!d.withdrawn_at.empty()) {
    body["withdrawn_at"] = d.withdrawn_at;
    body["withdrawn_reason"] = d.withdrawn_reason;
  }
  if (!d.purged_at.empty()) {
    body["purged_at"] = d.purged_at;
  }
  return body;
}

json upload_json(const UploadOutcome& u) {
  return {{"id", u.id},
          {"status", u.status},
          {"duplicate", u.duplicate},
          {"review_url", "/publish/doc/" + std::to_string(u.id)},
          {"record", public_record_json(u.record, false)},
          {"warnings", warnings_json(u.record)}};
}

std::size_t bounded(const httplib::Request& req, const char* name, std::size_t fallback,
                    std::size_t lo, std::size_t hi) {
  if (!req.has_param(name)) {
    return fallback;
  }
  const std::string v = req.get_param_value(name);
  std::size_t n = 0;
  try {
    std::size_t used = 0;
    n = std::stoul(v, &used);
    if (used != v.size()) {
      throw std::invalid_argument(v);
    }
  } catch (const std::exception&) {
    throw UsageError(
        name, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  if (n < lo || n > hi) {
    throw UsageError(name, "must be from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  return n;
}

Reply list(Publisher& pub, const httplib::Request& req, const Principal& who) {
  const std::string status = req.get_param_value("status");
  if (!status.empty() && !parse_status(status)) {
    throw UsageError("status", "must be published, review or withdrawn");
  }
  const std::size_t per_page = bounded(req, "per_page", 100, 1, 1000);
  const std::size_t page = bounded(req, "page", 1, 1, 1000000);
  auto& ctx = pub.site().context();
  const DocumentList found = list_owned(*ctx.sqlite, who, status, req.get_param_value("authority"),
                                        (page - 1) * per_page, per_page);
  json docs = json::array();
  for (const auto& d : found.documents) {
    docs.push_back({{"id", d.id},
                    {"status", d.status},
                    {"authority_id", d.authority_id},
                    {"reference", d.reference},
                    {"title", d.title},
                    {"date_responded", d.date_responded.empty() ? json() : json(d.date_responded)},
                    {"ingested_at", d.ingested_at},
                    {"warnings", d.warnings},
                    {"review_url", "/publish/doc/" + std::to_string(d.id)}});
    if (!d.withdrawn_at.empty()) {
      docs.back()["withdrawn_at"] = d.withdrawn_at;
    }
  }
  return json_reply(200, {{"authority_id", who.admin() ? json() : json(who.authority_id)},
                          {"total", found.total},
                          {"page", page},
                          {"per_page", per_page},
                          {"documents", docs}});
}

Reply upload(Publisher& pub, const httplib::Request& req, const Principal& who) {
  if (!req.is_multipart_form_data()) {
    throw UsageError("file", "send the file as multipart/form-data in a part named file");
  }
  const Form form = form_of(req);
  json metadata = nullptr;
  if (form.has("metadata")) {
    try {
      metadata = json::parse(form.get("metadata"));
    } catch (const json::exception&) {
      throw UsageError("metadata", "is not JSON; send an object such as {\"reference\": \"X\"}");
    }
  }
  std::map<std::string, json> manifest;
  std::vector<const UploadedFile*> files;
  for (const auto& f : form.files) {
    if (f.field == "manifest") {
      manifest = parse_manifest(f.bytes);
    } else if (f.field == "file") {
      files.push_back(&f);
    }
  }
  if (files.empty()) {
    throw UsageError("file", "send at least one file in a part named file");
  }
  json results = json::array();
  json errors = json::array();
  for (const UploadedFile* f : files) {
    json facts = metadata.is_object() ? metadata : json::object();
    if (const auto it = manifest.find(safe_file_name(f->name)); it != manifest.end()) {
      facts.update(it->second);
    }
    try {
      results.push_back(
          upload_json(pub.upload(who, f->name, f->bytes, facts.empty() ? json() : facts)));
    } catch (const UsageError& e) {
      if (files.size() == 1) {
        throw;
      }
      errors.push_back({{"file", f->name}, {"message", e.what()}});
    }
  }
  if (files.size() == 1) {
    return json_reply(results[0]["duplicate"].get<bool>() ? 200 : 201, results[0]);
  }
  return json_reply(results.empty() ? 400 : 201, {{"documents", results}, {"errors", errors}});
}

Reply document(Publisher& pub, const std::string& digits, const Principal& who) {
  auto& ctx = pub.site().context();
  return json_reply(200, document_json(load_owned(*ctx.sqlite, who, document_id(digits))));
}

Reply after_change(Publisher& pub, std::int64_t id, const Principal& who) {
  auto& ctx = pub.site().context();
  return json_reply(200, document_json(load_owned(*ctx.sqlite, who, id)));
}

Reply label(Publisher& pub, const std::string& digits, const Principal& who) {
  auto& ctx = pub.site().context();
  const OwnedDocument d = load_owned(*ctx.sqlite, who, document_id(digits));
  json body = label_of(d.record);
  std::string fields;
  for (const auto& c : d.corrections) {
    if (fields.find(c.field) == std::string::npos) {
      fields += (fields.empty() ? "" : ", ") + c.field;
    }
  }
  body["notes"] =
      fields.empty() ? "as extracted; not corrected" : "corrected by the authority: " + fields;
  return json_reply(200, body);
}

Reply audit(Publisher& pub, const httplib::Request& req, const Principal& who) {
  auto& ctx = pub.site().context();
  const std::string scope = who.admin() ? req.get_param_value("authority") : who.authority_id;
  json entries = json::array();
  for (const auto& e : audit_entries(*ctx.sqlite, scope, bounded(req, "limit", 200, 1, 5000))) {
    entries.push_back({{"id", e.id},
                       {"at", e.at},
                       {"actor", e.actor},
                       {"authority_id", e.authority_id},
                       {"action", e.action},
                       {"document_id", e.document_id ? json(*e.document_id) : json()},
                       {"detail", e.detail}});
  }
  return json_reply(200, {{"entries", entries}});
}

bool confirm_of(const json& body) {
  const auto it = body.find("confirm_warnings");
  if (it == body.end() || it->is_null()) {
    return false;
  }
  if (!it->is_boolean()) {
    throw UsageError("confirm_warnings", "must be true or false");
  }
  return it->get<bool>();
}

}  // namespace

void install_api_routes(httplib::Server& s, const std::shared_ptr<Publisher>& pub) {
  // Every handler: token first (401, 429), then the route; errors through guarded().
  auto api = [pub](auto fn) {
    return [pub, fn](const httplib::Request& req, httplib::Response& res) {
      guarded(pub->site(), req, res, [&] {
        auto& ctx = pub->site().context();
        const Principal who = authenticate_bearer(req, *ctx.sqlite, pub->limiter());
        return fn(req, who);
      });
      no_store(res);
    };
  };
  s.Get("/api/publish",
        api([pub](const httplib::Request& r, const Principal& who) { return list(*pub, r, who); }));
  s.Post("/api/publish", api([pub](const httplib::Request& r, const Principal& who) {
           return upload(*pub, r, who);
         }));
  s.Get("/api/publish/audit", api([pub](const httplib::Request& r, const Principal& who) {
          return audit(*pub, r, who);
        }));
  s.Get(R"(/api/publish/([0-9]{1,18}))",
        api([pub](const httplib::Request& r, const Principal& who) {
          return document(*pub, r.matches[1], who);
        }));
  s.Get(R"(/api/publish/([0-9]{1,18})/label)",
        api([pub](const httplib::Request& r, const Principal& who) {
          return label(*pub, r.matches[1], who);
        }));
  s.Patch(R"(/api/publish/([0-9]{1,18}))",
          api([pub](const httplib::Request& r, const Principal& who) {
            const std::int64_t id = document_id(r.matches[1]);
            pub->correct(who, id, json_body(r));
            return after_change(*pub, id, who);
          }));
  s.Delete(R"(/api/publish/([0-9]{1,18}))",
           api([pub](const httplib::Request& r, const Principal& who) {
             const std::int64_t id = document_id(r.matches[1]);
             const json body = json_body(r);
             const auto reason = body.find("reason");
             pub->withdraw(who, id,
                           reason != body.end() && reason->is_string() ? reason->get<std::string>()
                                                                       : std::string());
             return after_change(*pub, id, who);
           }));
  s.Post(R"(/api/publish/([0-9]{1,18})/release)",
         api([pub](const httplib::Request& r, const Principal& who) {
           const std::int64_t id = document_id(r.matches[1]);
           pub->release(who, id, confirm_of(json_body(r)));
           return after_change(*pub, id, who);
         }));
  s.Post(R"(/api/publish/([0-9]{1,18})/purge)",
         api([pub](const httplib::Request& r, const Principal& who) {
           const std::int64_t id = document_id(r.matches[1]);
           pub->purge(who, id);
           return after_change(*pub, id, who);
         }));
}

}  // namespace foilog::web
