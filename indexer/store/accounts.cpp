#include "store/accounts.h"

#include <ctime>

#include "store/secrets.h"
#include "store/sha256.h"
#include "util/error.h"

namespace foilog {
namespace {

bool valid_slug(const std::string& id) {
  if (id.empty() || id.size() > 200 || id.front() == '-' || id.back() == '-') {
    return false;
  }
  for (const char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return false;
    }
  }
  return true;
}

TokenInfo token_from(SqliteStatement& st, int first) {
  TokenInfo t;
  t.id = st.int64(first);
  t.account_id = st.text(first + 1);
  t.admin = st.int64(first + 2) != 0;
  t.name = st.text(first + 3);
  t.created_at = st.text(first + 4);
  t.revoked_at = st.text(first + 5);
  return t;
}

constexpr const char* kTokenColumns =
    "t.id, t.account_id, t.admin, t.name, t.created_at, t.revoked_at";

}  // namespace

std::string utc_timestamp(std::chrono::seconds offset) {
  const std::time_t at = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) +
                         static_cast<std::time_t>(offset.count());
  std::tm tm{};
  gmtime_r(&at, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Actor actor_of(const TokenInfo& token) {
  Actor a;
  a.token_id = token.id;
  a.admin = token.admin;
  a.authority_id = token.account_id;
  a.label = (token.admin ? "administrator token " : "token ") + std::to_string(token.id) +
            (token.name.empty() ? "" : " (" + token.name + ")") +
            (token.admin ? "" : " for " + token.account_id);
  return a;
}

Actor command_line_actor() {
  Actor a;
  a.admin = true;
  a.label = "the foilog command line";
  return a;
}

void add_account(SqliteDb& db, const Account& account) {
  if (!valid_slug(account.id)) {
    throw UsageError("ID", "'" + account.id +
                               "' is not an authority id: use lower-case letters, digits and "
                               "hyphens, as in west-midlands-police");
  }
  if (account.name.empty()) {
    throw UsageError("--name", "the authority needs a name");
  }
  if (find_account(db, account.id)) {
    throw UsageError("ID", "the authority " + account.id + " already has an account");
  }
  db.prepare("INSERT INTO accounts(id, name, created_at) VALUES (?1, ?2, ?3)")
      .bind(1, account.id)
      .bind(2, account.name)
      .bind(3, account.created_at.empty() ? utc_timestamp() : account.created_at)
      .run();
}

std::vector<Account> list_accounts(SqliteDb& db) {
  std::vector<Account> out;
  auto st = db.prepare("SELECT id, name, created_at FROM accounts ORDER BY id");
  while (st.step()) {
    out.push_back({st.text(0), st.text(1), st.text(2)});
  }
  return out;
}

std::optional<Account> find_account(SqliteDb& db, const std::string& id) {
  auto st = db.prepare("SELECT id, name, created_at FROM accounts WHERE id = ?1");
  st.bind(1, id);
  if (!st.step()) {
    return std::nullopt;
  }
  return Account{st.text(0), st.text(1), st.text(2)};
}

NewToken create_token(SqliteDb& db, const std::string& account_id, bool admin,
                      const std::string& name) {
  if (admin == !account_id.empty()) {
    throw UsageError("--authority", "a token is either for one authority or an administrator's");
  }
  if (!admin && !find_account(db, account_id)) {
    throw UsageError("--authority", "no account for '" + account_id +
                                        "'; add it first with `foilog authority add " + account_id +
                                        "`");
  }
  NewToken t;
  t.secret = new_api_token();
  auto st = db.prepare(
      "INSERT INTO tokens(account_id, admin, name, sha256, created_at) VALUES (?1, ?2, ?3, ?4, "
      "?5)");
  st.bind_or_null(1, account_id)
      .bind(2, admin)
      .bind(3, name)
      .bind(4, sha256_hex(t.secret))
      .bind(5, utc_timestamp())
      .run();
  t.id = db.last_insert_rowid();
  return t;
}

bool revoke_token(SqliteDb& db, std::int64_t id) {
  const auto before = db.total_changes();
  db.prepare("UPDATE tokens SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL")
      .bind(1, utc_timestamp())
      .bind(2, id)
      .run();
  if (db.total_changes() == before) {
    return false;
  }
  db.prepare("DELETE FROM sessions WHERE token_id = ?1").bind(1, id).run();
  return true;
}

std::vector<TokenInfo> list_tokens(SqliteDb& db) {
  std::vector<TokenInfo> out;
  auto st = db.prepare(std::string("SELECT ") + kTokenColumns + " FROM tokens t ORDER BY t.id");
  while (st.step()) {
    out.push_back(token_from(st, 0));
  }
  return out;
}

std::optional<TokenInfo> verify_token(SqliteDb& db, std::string_view secret) {
  if (secret.size() < kTokenPrefix.size() + 16 || secret.size() > 200) {
    return std::nullopt;
  }
  const std::string hash = sha256_hex(secret);
  auto st = db.prepare(std::string("SELECT ") + kTokenColumns +
                       ", t.sha256 FROM tokens t WHERE t.sha256 = ?1 AND t.revoked_at IS NULL");
  st.bind(1, hash);
  if (!st.step() || !constant_time_equal(st.text(6), hash)) {
    return std::nullopt;
  }
  return token_from(st, 0);
}

NewSession create_session(SqliteDb& db, std::int64_t token_id, std::chrono::seconds lifetime) {
  NewSession s{random_secret(32), random_secret(32)};
  db.prepare(
        "INSERT INTO sessions(id_sha256, token_id, csrf, created_at, expires_at) VALUES (?1, ?2, "
        "?3, ?4, ?5)")
      .bind(1, sha256_hex(s.secret))
      .bind(2, token_id)
      .bind(3, s.csrf)
      .bind(4, utc_timestamp())
      .bind(5, utc_timestamp(lifetime))
      .run();
  return s;
}

std::optional<Session> find_session(SqliteDb& db, std::string_view secret) {
  if (secret.empty() || secret.size() > 200) {
    return std::nullopt;
  }
  const std::string hash = sha256_hex(secret);
  // ISO timestamps in one format compare as text.
  auto st = db.prepare(std::string("SELECT ") + kTokenColumns +
                       ", s.csrf, s.expires_at, s.id_sha256 FROM sessions s JOIN tokens t ON "
                       "t.id = s.token_id WHERE s.id_sha256 = ?1 AND s.expires_at > ?2 AND "
                       "t.revoked_at IS NULL");
  st.bind(1, hash).bind(2, utc_timestamp());
  if (!st.step() || !constant_time_equal(st.text(8), hash)) {
    return std::nullopt;
  }
  return Session{token_from(st, 0), st.text(6), st.text(7)};
}

void delete_session(SqliteDb& db, std::string_view secret) {
  db.prepare("DELETE FROM sessions WHERE id_sha256 = ?1").bind(1, sha256_hex(secret)).run();
}

void delete_expired_sessions(SqliteDb& db) {
  db.prepare("DELETE FROM sessions WHERE expires_at <= ?1").bind(1, utc_timestamp()).run();
}

void append_audit(SqliteDb& db, const Actor& who, const std::string& authority_id,
                  const std::string& action, std::optional<std::int64_t> document_id,
                  const std::string& detail) {
  auto st = db.prepare(
      "INSERT INTO audit_log(at, token_id, actor, authority_id, action, document_id, detail) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind(1, utc_timestamp());
  if (who.token_id) {
    st.bind(2, *who.token_id);
  } else {
    st.bind_null(2);
  }
  st.bind(3, who.label).bind_or_null(4, authority_id).bind(5, action);
  if (document_id) {
    st.bind(6, *document_id);
  } else {
    st.bind_null(6);
  }
  st.bind(7, detail).run();
}

std::vector<AuditEntry> audit_entries(SqliteDb& db, const std::string& authority,
                                      std::size_t limit) {
  std::vector<AuditEntry> out;
  auto st = db.prepare(
      "SELECT id, at, actor, authority_id, action, document_id, detail FROM audit_log "
      "WHERE ?1 = '' OR authority_id = ?1 ORDER BY id DESC LIMIT ?2");
  st.bind(1, authority).bind(2, static_cast<std::int64_t>(limit));
  while (st.step()) {
    AuditEntry e;
    e.id = st.int64(0);
    e.at = st.text(1);
    e.actor = st.text(2);
    e.authority_id = st.text(3);
    e.action = st.text(4);
    if (!st.is_null(5)) {
      e.document_id = st.int64(5);
    }
    e.detail = st.text(6);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace foilog
