// Who is asking: an API token in the Authorization header (never the query string), or a web
// session cookie (HttpOnly, SameSite=Strict, Secure behind HTTPS) with a CSRF token on every
// form. Failures are HttpErrors (401, 403, 429) for guarded() to turn into pages.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

#include "publish/publish_options.h"
#include "publish/rate_limiter.h"
#include "store/accounts.h"
#include "store/sqlite_db.h"

namespace foilog::web {

inline constexpr const char* kSessionCookie = "foilog_session";
inline constexpr const char* kSignInCookie =
    "foilog_signin";  // sign-in form's CSRF (double submit)

struct Principal {
  TokenInfo token;
  Actor actor;
  std::string authority_id;    // the token's authority; empty for an administrator
  std::string authority_name;  // its account's name
  std::optional<Session> session;
  [[nodiscard]] bool admin() const { return token.admin; }
  // May this principal act on a document of that authority?
  [[nodiscard]] bool may_act_for(const std::string& document_authority) const {
    return admin() || (!authority_id.empty() && document_authority == authority_id);
  }
};

// 401 when any query parameter carries a token (named token, access_token, ... or any value
// starting with foilog_): a token in a URL ends up in logs, histories and Referer headers.
void refuse_query_token(const httplib::Request& req);

// The Bearer token's principal. 401 without one or for a wrong or revoked one (counted against
// the client's address), 429 while that address is rate limited.
[[nodiscard]] Principal authenticate_bearer(const httplib::Request& req, SqliteDb& db,
                                            RateLimiter& limiter);

// The session cookie's principal, or nullopt (no cookie, expired, token revoked).
[[nodiscard]] std::optional<Principal> session_principal(const httplib::Request& req, SqliteDb& db);

// The principal of a token secret typed into the sign-in form, or nullopt (the failure is
// counted; 429 while the address is rate limited).
[[nodiscard]] std::optional<Principal> sign_in_principal(const std::string& secret,
                                                         const httplib::Request& req, SqliteDb& db,
                                                         RateLimiter& limiter);

// 403 unless the form's csrf field equals the session's (constant time).
void check_csrf(const Principal& p, const std::string& form_csrf);

// A cookie's value from the Cookie header ("" when absent).
[[nodiscard]] std::string cookie(const httplib::Request& req, const std::string& name);

// Set-Cookie values: Path=/publish, HttpOnly, SameSite=Strict, Secure when options say so.
[[nodiscard]] std::string set_cookie(const std::string& name, const std::string& value,
                                     std::chrono::seconds max_age, const PublishOptions& options);
[[nodiscard]] std::string clear_cookie(const std::string& name, const PublishOptions& options);

}  // namespace foilog::web
