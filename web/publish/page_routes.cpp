// /publish: the pages authority staff use (GOV.UK patterns: sign in, upload, check your answers
// with Change links, confirmation, error summary). A session cookie signs them in; every form
// carries the session's CSRF token; every page works without JavaScript.
#include <httplib.h>

#include <map>

#include "pages/page_common.h"
#include "pages/search_view.h"
#include "publish/form.h"
#include "publish/manifest.h"
#include "publish/page_views.h"
#include "publish/publish_queries.h"
#include "publish/publish_route_kit.h"
#include "publish/publisher.h"
#include "publish/upload.h"
#include "render/url.h"
#include "server/route_helpers.h"
#include "store/corrections.h"
#include "store/secrets.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog::web {
namespace {

using nlohmann::json;

constexpr std::size_t kPerPage = 50;

Reply html(Publisher& pub, int status, const std::string& page, const json& view) {
  return {status, "text/html; charset=utf-8", pub.site().templates().render_page(page, view), {}};
}

// Only a path inside /publish may be the page to return to after signing in: no open redirect.
std::string safe_next(const std::string& next) {
  const bool inside = next == "/publish" || (next.rfind("/publish/", 0) == 0 && next.size() < 200);
  const bool plain = next.find_first_not_of(
                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                         "0123456789/_-") == std::string::npos;
  return inside && plain && next.find("//") == std::string::npos ? next : std::string("/publish");
}

// The sign-in page. Its CSRF token is a random value set as a cookie and as a form field
// (double submit): a form posted from another site cannot know it.
Reply sign_in_page(Publisher& pub, int status, const std::string& next, const std::string& error,
                   bool signed_out) {
  const std::string csrf = random_secret(24);
  json v = base_view("Sign in to publish");
  v["csrf"] = csrf;
  v["next"] = safe_next(next);
  v["error"] = error;
  v["has_error"] = !error.empty();
  v["signed_out"] = signed_out;
  Reply r = html(pub, status, "publish_sign_in", v);
  r.headers.emplace_back("Set-Cookie",
                         set_cookie(kSignInCookie, csrf, std::chrono::hours(1), pub.options()));
  return r;
}

// The signed-in principal of a page request; for one without a session the caller answers 401
// with the sign-in form.
std::optional<Principal> page_principal(Publisher& pub, const httplib::Request& req) {
  refuse_query_token(req);
  auto& ctx = pub.site().context();
  return session_principal(req, *ctx.sqlite);
}

template <typename Fn>
auto page(const std::shared_ptr<Publisher>& pub, Fn fn) {
  return [pub, fn](const httplib::Request& req, httplib::Response& res) {
    guarded(pub->site(), req, res, [&]() -> Reply {
      const auto who = page_principal(*pub, req);
      if (!who) {
        return sign_in_page(*pub, 401, req.path, "", false);
      }
      return fn(req, *who);
    });
    no_store(res);
  };
}

template <typename Fn>
auto action(const std::shared_ptr<Publisher>& pub, Fn fn) {
  return [pub, fn](const httplib::Request& req, httplib::Response& res) {
    guarded(pub->site(), req, res, [&]() -> Reply {
      const auto who = page_principal(*pub, req);
      if (!who) {
        throw HttpError(401,
                        "You are not signed in, or your session has ended. Sign in again "
                        "at /publish/sign-in.");
      }
      const Form form = form_of(req);
      check_csrf(*who, form.get("csrf"));
      return fn(req, *who, form);
    });
    no_store(res);
  };
}

// ---- dashboard, upload, audit --------------------------------------------------------------

std::size_t page_number(const httplib::Request& req) {
  const std::string p = req.get_param_value("page");
  if (p.empty()) {
    return 1;
  }
  if (p.size() > 7 || p.find_first_not_of("0123456789") != std::string::npos || p == "0") {
    throw UsageError("page", "must be a whole number from 1");
  }
  return std::stoul(p);
}

Reply home(Publisher& pub, const httplib::Request& req, const Principal& who) {
  auto& ctx = pub.site().context();
  const std::size_t page_no = page_number(req);
  const DocumentList list =
      list_owned(*ctx.sqlite, who, "", "", (page_no - 1) * kPerPage, kPerPage);
  json v = publish_view(
      who.admin() ? "Publishing: all authorities" : who.authority_name + ": publishing", who);
  v["heading"] = who.admin() ? "Every authority's log" : who.authority_name + "’s disclosure log";
  json rows = json::array();
  for (const auto& d : list.documents) {
    rows.push_back({{"href", "/publish/doc/" + std::to_string(d.id)},
                    {"label", document_label(d.id, d.reference, d.title)},
                    {"status_label", status_label(d.status)},
                    {"tag_class", status_tag_class(d.status)},
                    {"date", display_date(d.date_responded)},
                    {"warnings", d.warnings},
                    {"authority", d.authority_id}});
  }
  v["documents"] = rows;
  v["has_documents"] = !rows.empty();
  v["total"] = list.total;
  v["prev_href"] = page_no > 1 ? "/publish?page=" + std::to_string(page_no - 1) : "";
  v["next_href"] =
      page_no * kPerPage < list.total ? "/publish?page=" + std::to_string(page_no + 1) : "";
  const std::string uploaded = req.get_param_value("uploaded");
  v["banner"] = uploaded.empty() || uploaded.find_first_not_of("0123456789") != std::string::npos
                    ? ""
                    : uploaded + " responses uploaded. Check each one before you publish it.";
  if (!who.admin()) {
    const std::string base = pub.site().config().base_url;
    const std::string slug = url_encode(who.authority_id);
    v["public_href"] = "/authority/" + slug;
    v["embed_href"] = "/authority/" + slug + "/embed";
    v["iframe"] = "<iframe src=\"" + base + "/authority/" + slug + "/embed\" title=\"" +
                  who.authority_name +
                  " disclosure log\" width=\"100%\" height=\"600\" loading=\"lazy\"></iframe>";
    v["link_html"] = "<p><a href=\"" + base + "/authority/" + slug + "\">Our disclosure log</a> (" +
                     "<a href=\"" + base + "/authority/" + slug + "/feed.atom\">Atom feed</a>)</p>";
    v["embed"] = true;
  }
  return html(pub, 200, "publish_home", v);
}

Reply upload_page(Publisher& pub, const Principal& who, int status, const json& errors) {
  json v = publish_view("Upload responses", who);
  v["errors"] = errors;
  v["has_errors"] = !errors.empty();
  return html(pub, status, "publish_upload", v);
}

Reply upload(Publisher& pub, const Principal& who, const Form& form) {
  std::map<std::string, json> manifest;
  std::vector<const UploadedFile*> files;
  json errors = json::array();
  for (const auto& f : form.files) {
    if (f.field == "manifest") {
      try {
        manifest = parse_manifest(f.bytes);
      } catch (const UsageError& e) {
        errors.push_back(
            {{"message", std::string("The manifest: ") + e.what()}, {"target", "manifest"}});
      }
    } else if (f.field == "file" && !f.name.empty()) {
      files.push_back(&f);
    }
  }
  if (files.empty()) {
    errors.push_back(
        {{"message", "Choose at least one response file to upload"}, {"target", "file"}});
  }
  if (!errors.empty()) {
    return upload_page(pub, who, 400, errors);
  }
  json done = json::array();
  std::int64_t last = 0;
  for (const UploadedFile* f : files) {
    json facts = json::object();
    if (const auto it = manifest.find(safe_file_name(f->name)); it != manifest.end()) {
      facts = it->second;
    }
    try {
      const UploadOutcome u = pub.upload(who, f->name, f->bytes, facts.empty() ? json() : facts);
      last = u.id;
      done.push_back({{"href", "/publish/doc/" + std::to_string(u.id)},
                      {"label", document_label(u.id, u.record.reference, u.record.title)},
                      {"file", f->name},
                      {"status_label", status_label(u.status)},
                      {"tag_class", status_tag_class(u.status)},
                      {"warnings", u.record.warnings.size()},
                      {"duplicate", u.duplicate}});
    } catch (const UsageError& e) {
      std::string msg = e.what();
      if (msg.rfind("file: ", 0) == 0) {
        msg = msg.substr(6);
      }
      errors.push_back({{"message", msg}, {"target", "file"}});
    }
  }
  if (done.empty()) {
    return upload_page(pub, who, 400, errors);
  }
  if (done.size() == 1 && errors.empty()) {
    return see_other("/publish/doc/" + std::to_string(last));
  }
  json v = publish_view("Responses uploaded", who);
  v["uploaded"] = done;
  v["count"] = done.size();
  v["errors"] = errors;
  v["has_errors"] = !errors.empty();
  return html(pub, 200, "publish_uploaded", v);
}

Reply audit(Publisher& pub, const Principal& who) {
  auto& ctx = pub.site().context();
  json rows = json::array();
  for (const auto& e : audit_entries(*ctx.sqlite, who.admin() ? "" : who.authority_id, 500)) {
    rows.push_back({{"at", e.at.size() >= 16 ? display_date(e.at.substr(0, 10)) + " " +
                                                   e.at.substr(11, 5) + " UTC"
                                             : e.at},
                    {"actor", e.actor},
                    {"action", e.action},
                    {"authority", e.authority_id},
                    {"href", e.document_id ? "/publish/doc/" + std::to_string(*e.document_id) : ""},
                    {"document", e.document_id ? "Response " + std::to_string(*e.document_id) : ""},
                    {"detail", e.detail}});
  }
  json v = publish_view("Audit log", who);
  v["entries"] = rows;
  v["has_entries"] = !rows.empty();
  return html(pub, 200, "publish_audit", v);
}

// ---- one document ---------------------------------------------------------------------------

OwnedDocument owned(Publisher& pub, const Principal& who, const std::string& digits) {
  auto& ctx = pub.site().context();
  return load_owned(*ctx.sqlite, who, document_id(digits));
}

std::string done_banner(const httplib::Request& req) {
  const std::string field = req.get_param_value("corrected");
  if (field.empty() || !is_correctable_field(field)) {
    return {};
  }
  std::string what = field;
  std::replace(what.begin(), what.end(), '_', ' ');
  what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
  return what + " corrected. The correction is kept even if the file is read again.";
}

std::string field_of(const httplib::Request& req, const Principal& who) {
  const std::string field = req.matches[2];
  if (!is_correctable_field(field) || change_question(field).empty()) {
    throw HttpError(404, "There is no such fact to change.");
  }
  if (field == "authority" && !who.admin()) {
    throw HttpError(403, "Only an administrator can move a response to another authority's log.");
  }
  return field;
}

// The Change form's fields as the API would take them (publish/correction_input.h).
json posted_value(const std::string& field, const Form& form) {
  if (field == "date_received" || field == "date_responded") {
    const std::string d(trim(form.get("day"))), m(trim(form.get("month"))),
        y(trim(form.get("year")));
    if (d.empty() && m.empty() && y.empty()) {
      return nullptr;
    }
    if (d.empty() || m.empty() || y.empty()) {
      throw UsageError(field, "needs a day, a month and a year");
    }
    return d + "/" + m + "/" + y;
  }
  if (field == "regimes" || field == "topics") {
    return form.all("value");
  }
  if (field == "questions") {
    json out = json::array();
    const std::string count = form.get("count");
    const std::size_t n = count.size() < 5 && !count.empty() &&
                                  count.find_first_not_of("0123456789") == std::string::npos
                              ? std::stoul(count)
                              : 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string k = std::to_string(i);
      const std::string text(trim(form.get("text_" + k)));
      if (text.empty()) {
        continue;  // an emptied question is removed; the blank row adds nothing
      }
      int number = 0;
      try {
        number = std::stoi(form.get("n_" + k));
      } catch (const std::exception&) {
        throw UsageError(field,
                         "question " + std::to_string(i + 1) + " needs a number (0 or more)");
      }
      out.push_back({{"n", number},
                     {"text", text},
                     {"answer", form.get("answer_" + k)},
                     {"outcome", form.get("outcome_" + k)},
                     {"exemptions", form.get("exemptions_" + k)}});
    }
    return out;
  }
  return form.get("value");
}

// The posted form as change_view shows it again after an error.
json resubmitted(const std::string& field, const Form& form) {
  json s = {{"value", form.get("value")},
            {"values", form.all("value")},
            {"day", form.get("day")},
            {"month", form.get("month")},
            {"year", form.get("year")}};
  if (field == "questions") {
    json qs = json::array();
    const std::string count = form.get("count");
    const std::size_t n = count.size() < 5 && !count.empty() &&
                                  count.find_first_not_of("0123456789") == std::string::npos
                              ? std::stoul(count)
                              : 0;
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const std::string k = std::to_string(i);
      qs.push_back({{"n", form.get("n_" + k)},
                    {"text", form.get("text_" + k)},
                    {"answer", form.get("answer_" + k)},
                    {"outcome", form.get("outcome_" + k)},
                    {"exemptions", form.get("exemptions_" + k)}});
    }
    s["questions"] = qs;
  }
  return s;
}

// "date_received: must be a real date" -> "The date received must be a real date".
std::string form_error(const UsageError& e) {
  static const std::map<std::string, std::string> kNames = {{"authority", "The authority"},
                                                            {"reference", "The reference"},
                                                            {"title", "The title"},
                                                            {"date_received", "The date received"},
                                                            {"date_responded", "The date answered"},
                                                            {"outcome", "The outcome"},
                                                            {"regimes", "The law"},
                                                            {"exemptions", "An exemption"},
                                                            {"topics", "A topic"},
                                                            {"questions", "A question"}};
  std::string msg = e.what();
  const std::string prefix = e.param() + ": ";
  if (msg.rfind(prefix, 0) == 0) {
    msg = msg.substr(prefix.size());
  }
  const auto name = kNames.find(e.param());
  const bool predicate =
      msg.rfind("must", 0) == 0 || msg.rfind("is ", 0) == 0 || msg.rfind("needs", 0) == 0;
  if (predicate && name != kNames.end()) {
    return name->second + " " + msg;
  }
  if (!msg.empty()) {
    msg[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(msg[0])));
  }
  return msg;
}

Reply change(Publisher& pub, const httplib::Request& req, const Principal& who, const Form& form) {
  const std::string field = field_of(req, who);
  const OwnedDocument doc = owned(pub, who, req.matches[1]);
  try {
    pub.correct(who, doc.id, json{{field, posted_value(field, form)}});
  } catch (const UsageError& e) {
    return html(
        pub, 400, "publish_change",
        change_view(doc, field, who, pub.taxonomies(), form_error(e), resubmitted(field, form)));
  }
  return see_other("/publish/doc/" + std::to_string(doc.id) + "?corrected=" + field);
}

Reply release(Publisher& pub, const httplib::Request& req, const Principal& who, const Form& form) {
  const OwnedDocument doc = owned(pub, who, req.matches[1]);
  const bool confirmed = form.get("confirm_warnings") == "yes";
  if (doc.status == "review" && !doc.record.warnings.empty() && !confirmed) {
    return html(pub, 400, "publish_review",
                review_view(doc, who, pub.taxonomies(),
                            "Confirm that you have checked every warning before you publish", ""));
  }
  pub.release(who, doc.id, confirmed);
  return see_other("/publish/doc/" + std::to_string(doc.id) + "/done/published");
}

Reply withdraw_page(Publisher& pub, const OwnedDocument& doc, const Principal& who, int status,
                    const std::string& error, const std::string& reason) {
  json v = publish_view("Withdraw a response", who);
  v["caption"] = document_label(doc.id, doc.record.reference, doc.record.title);
  v["action"] = "/publish/doc/" + std::to_string(doc.id) + "/withdraw";
  v["back_href"] = "/publish/doc/" + std::to_string(doc.id);
  v["review"] = doc.status == "review";
  v["error"] = error;
  v["reason"] = reason;
  return html(pub, status, "publish_withdraw", v);
}

Reply withdraw(Publisher& pub, const httplib::Request& req, const Principal& who,
               const Form& form) {
  const OwnedDocument doc = owned(pub, who, req.matches[1]);
  try {
    pub.withdraw(who, doc.id, form.get("reason"));
  } catch (const UsageError&) {
    return withdraw_page(pub, doc, who, 400, "Say why you are withdrawing this response",
                         form.get("reason"));
  }
  return see_other("/publish/doc/" + std::to_string(doc.id) + "/done/withdrawn");
}

Reply done(Publisher& pub, const httplib::Request& req, const Principal& who) {
  const OwnedDocument doc = owned(pub, who, req.matches[1]);
  const std::string what = req.matches[2];
  const std::string label = document_label(doc.id, doc.record.reference, doc.record.title);
  const std::string review = "/publish/doc/" + std::to_string(doc.id);
  json v = publish_view("Done", who);
  json links = json::array();
  if (what == "published" && doc.status == "published") {
    v["title"] = "Response published";
    v["body"] = label + " is in your public disclosure log, in search and in your feed now.";
    links.push_back(
        {{"href", "/doc/" + std::to_string(doc.id)}, {"text", "See it as the public does"}});
  } else if (what == "withdrawn" && doc.status == "withdrawn") {
    v["title"] = "Response withdrawn";
    v["body"] = label +
                " has gone from search, your log, feeds and every page; its address now says it "
                "was withdrawn.";
    if (doc.purged_at.empty()) {
      v["purge_action"] = review + "/purge";
      v["purge_text"] =
          "Its text is still in the server's files until you remove it. Removing it cannot be "
          "undone.";
    }
  } else if (what == "purged" && !doc.purged_at.empty()) {
    v["title"] = "Text removed";
    v["body"] = "The text of " + label + " has been removed from the server's files.";
  } else {
    return see_other(review);
  }
  links.push_back({{"href", review}, {"text", "Back to this response"}});
  links.push_back({{"href", "/publish"}, {"text", "Back to your log"}});
  v["links"] = links;
  return html(pub, 200, "publish_done", v);
}

// ---- signing in and out ---------------------------------------------------------------------

Reply sign_in(Publisher& pub, const httplib::Request& req) {
  refuse_query_token(req);
  const Form form = form_of(req);
  const std::string expected = cookie(req, kSignInCookie);
  if (expected.empty() || !constant_time_equal(expected, form.get("csrf"))) {
    throw HttpError(403,
                    "The sign-in form has expired or did not come from this site. Go back, "
                    "reload the page and sign in again.");
  }
  auto& ctx = pub.site().context();
  const auto who = sign_in_principal(form.get("token"), req, *ctx.sqlite, pub.limiter());
  if (!who) {
    return sign_in_page(pub, 401, form.get("next"),
                        "The token is not valid, or it has been revoked", false);
  }
  const NewSession session = pub.sign_in(*who);
  Reply r = see_other(safe_next(form.get("next")));
  r.headers.emplace_back("Set-Cookie", set_cookie(kSessionCookie, session.secret,
                                                  pub.options().session_lifetime, pub.options()));
  r.headers.emplace_back("Set-Cookie", clear_cookie(kSignInCookie, pub.options()));
  return r;
}

}  // namespace

void install_page_routes(httplib::Server& s, const std::shared_ptr<Publisher>& pub) {
  const auto p = pub;
  s.Get("/publish/sign-in", [p](const httplib::Request& req, httplib::Response& res) {
    guarded(p->site(), req, res, [&] {
      refuse_query_token(req);
      return sign_in_page(*p, 200, req.get_param_value("next"), "",
                          req.get_param_value("signed_out") == "1");
    });
    no_store(res);
  });
  s.Post("/publish/sign-in", [p](const httplib::Request& req, httplib::Response& res) {
    guarded(p->site(), req, res, [&] { return sign_in(*p, req); });
    no_store(res);
  });
  s.Post("/publish/sign-out",
         action(p, [p](const httplib::Request& req, const Principal& who, const Form&) {
           p->sign_out(who, cookie(req, kSessionCookie));
           Reply r = see_other("/publish/sign-in?signed_out=1");
           r.headers.emplace_back("Set-Cookie", clear_cookie(kSessionCookie, p->options()));
           return r;
         }));
  s.Get("/publish", page(p, [p](const httplib::Request& req, const Principal& who) {
          return home(*p, req, who);
        }));
  s.Get("/publish/upload", page(p, [p](const httplib::Request&, const Principal& who) {
          return upload_page(*p, who, 200, json::array());
        }));
  s.Post("/publish/upload", action(p, [p](const httplib::Request&, const Principal& who,
                                          const Form& form) { return upload(*p, who, form); }));
  s.Get("/publish/audit",
        page(p, [p](const httplib::Request&, const Principal& who) { return audit(*p, who); }));
  s.Get(R"(/publish/doc/([0-9]{1,18}))",
        page(p, [p](const httplib::Request& req, const Principal& who) {
          return html(*p, 200, "publish_review",
                      review_view(owned(*p, who, req.matches[1]), who, p->taxonomies(), "",
                                  done_banner(req)));
        }));
  s.Get(R"(/publish/doc/([0-9]{1,18})/change/([a-z_]{1,40}))",
        page(p, [p](const httplib::Request& req, const Principal& who) {
          const std::string field = field_of(req, who);
          const OwnedDocument doc = owned(*p, who, req.matches[1]);
          if (doc.status == "withdrawn") {
            throw HttpError(409, "This response was withdrawn; there is nothing left to correct.");
          }
          return html(*p, 200, "publish_change",
                      change_view(doc, field, who, p->taxonomies(), "", nullptr));
        }));
  s.Post(R"(/publish/doc/([0-9]{1,18})/change/([a-z_]{1,40}))",
         action(p, [p](const httplib::Request& req, const Principal& who, const Form& form) {
           return change(*p, req, who, form);
         }));
  s.Post(R"(/publish/doc/([0-9]{1,18})/release)",
         action(p, [p](const httplib::Request& req, const Principal& who, const Form& form) {
           return release(*p, req, who, form);
         }));
  s.Get(R"(/publish/doc/([0-9]{1,18})/withdraw)",
        page(p, [p](const httplib::Request& req, const Principal& who) {
          const OwnedDocument doc = owned(*p, who, req.matches[1]);
          if (doc.status == "withdrawn") {
            return see_other("/publish/doc/" + std::to_string(doc.id));
          }
          return withdraw_page(*p, doc, who, 200, "", "");
        }));
  s.Post(R"(/publish/doc/([0-9]{1,18})/withdraw)",
         action(p, [p](const httplib::Request& req, const Principal& who, const Form& form) {
           return withdraw(*p, req, who, form);
         }));
  s.Post(R"(/publish/doc/([0-9]{1,18})/purge)",
         action(p, [p](const httplib::Request& req, const Principal& who, const Form&) {
           const OwnedDocument doc = owned(*p, who, req.matches[1]);
           p->purge(who, doc.id);
           return see_other("/publish/doc/" + std::to_string(doc.id) + "/done/purged");
         }));
  s.Get(R"(/publish/doc/([0-9]{1,18})/done/(published|withdrawn|purged))",
        page(p, [p](const httplib::Request& req, const Principal& who) {
          return done(*p, req, who);
        }));
}

}  // namespace foilog::web
