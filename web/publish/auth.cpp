#include "publish/auth.h"

#include <array>

#include "pages/reply.h"
#include "store/secrets.h"
#include "util/text.h"

namespace foilog::web {
namespace {

const HttpError::Headers kChallenge = {{"WWW-Authenticate", "Bearer realm=\"foilog publishing\""}};

Principal principal_of(const TokenInfo& token, SqliteDb& db) {
  Principal p;
  p.token = token;
  p.actor = actor_of(token);
  p.authority_id = token.account_id;
  if (!token.admin) {
    const auto account = find_account(db, token.account_id);
    p.authority_name = account ? account->name : token.account_id;
  }
  return p;
}

[[noreturn]] void too_many(std::chrono::seconds wait) {
  throw HttpError(429,
                  "Too many failed sign-in attempts from your address. Try again in " +
                      std::to_string((wait.count() + 59) / 60) + " minutes.",
                  {{"Retry-After", std::to_string(wait.count())}});
}

}  // namespace

void refuse_query_token(const httplib::Request& req) {
  const auto q = req.target.find('?');
  if (q == std::string::npos) {
    return;
  }
  httplib::Params params;
  httplib::detail::parse_query_text(req.target.substr(q + 1), params);
  static constexpr std::array<std::string_view, 7> kNames = {
      "token", "access_token", "api_key", "apikey", "key", "bearer", "authorization"};
  for (const auto& [name, value] : params) {
    const std::string lower = ascii_lower(name);
    if (std::find(kNames.begin(), kNames.end(), lower) != kNames.end() ||
        value.starts_with(kTokenPrefix)) {
      throw HttpError(401,
                      "Tokens are never accepted in a web address. Send it in the "
                      "Authorization header (Authorization: Bearer TOKEN), and make a new token "
                      "if this one was shared in a link.",
                      kChallenge);
    }
  }
}

Principal authenticate_bearer(const httplib::Request& req, SqliteDb& db, RateLimiter& limiter) {
  refuse_query_token(req);
  if (const auto wait = limiter.blocked(req.remote_addr)) {
    too_many(*wait);
  }
  const std::string header = req.get_header_value("Authorization");
  if (header.empty()) {
    throw HttpError(401, "Send your API token in the header Authorization: Bearer TOKEN.",
                    kChallenge);
  }
  const auto space = header.find(' ');
  if (space == std::string::npos || ascii_lower(header.substr(0, space)) != "bearer") {
    throw HttpError(401, "The Authorization header must be: Bearer TOKEN.", kChallenge);
  }
  const std::string secret(trim(header.substr(space + 1)));
  const auto token = verify_token(db, secret);
  if (!token) {
    limiter.record_failure(req.remote_addr);
    throw HttpError(401, "The token is not valid, or it has been revoked.", kChallenge);
  }
  limiter.reset(req.remote_addr);
  return principal_of(*token, db);
}

std::optional<Principal> session_principal(const httplib::Request& req, SqliteDb& db) {
  const std::string value = cookie(req, kSessionCookie);
  if (value.empty()) {
    return std::nullopt;
  }
  auto session = find_session(db, value);
  if (!session) {
    return std::nullopt;
  }
  Principal p = principal_of(session->token, db);
  p.session = std::move(session);
  return p;
}

std::optional<Principal> sign_in_principal(const std::string& secret, const httplib::Request& req,
                                           SqliteDb& db, RateLimiter& limiter) {
  if (const auto wait = limiter.blocked(req.remote_addr)) {
    too_many(*wait);
  }
  const auto token = verify_token(db, trim(secret));
  if (!token) {
    limiter.record_failure(req.remote_addr);
    return std::nullopt;
  }
  limiter.reset(req.remote_addr);
  return principal_of(*token, db);
}

void check_csrf(const Principal& p, const std::string& form_csrf) {
  if (!p.session || form_csrf.empty() || !constant_time_equal(form_csrf, p.session->csrf)) {
    throw HttpError(403,
                    "This form has expired or did not come from this site. Go back, reload the "
                    "page and try again.");
  }
}

std::string cookie(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  for (const auto& part : split(header, ';')) {
    const std::string_view item = trim(part);
    const auto eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == name) {
      return std::string(item.substr(eq + 1));
    }
  }
  return {};
}

std::string set_cookie(const std::string& name, const std::string& value,
                       std::chrono::seconds max_age, const PublishOptions& options) {
  return name + "=" + value + "; Path=/publish; Max-Age=" + std::to_string(max_age.count()) +
         "; HttpOnly; SameSite=Strict" + (options.secure_cookies ? "; Secure" : "");
}

std::string clear_cookie(const std::string& name, const PublishOptions& options) {
  return set_cookie(name, "", std::chrono::seconds(0), options);
}

}  // namespace foilog::web
