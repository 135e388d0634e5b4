// Who may publish: authority accounts, their API tokens, web sessions signed in with a token,
// and the audit log of everything they do. Functions over a SqliteDb so that readers (the web
// server's read-only connections) and writers (Store::database(), under the write lock) share
// them. Secrets (tokens, session ids) are stored only as SHA-256 hex.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite_db.h"

namespace foilog {

struct Account {
  std::string id;  // the authority slug its documents carry (documents.authority_id)
  std::string name;
  std::string created_at;
};

struct TokenInfo {
  std::int64_t id = 0;
  std::string account_id;  // empty for an administrator token
  bool admin = false;
  std::string name;  // what the token is for ("FOI team laptop")
  std::string created_at;
  std::string revoked_at;  // empty while the token works
};

// Who did something, as the audit log and the corrections table record it.
struct Actor {
  std::optional<std::int64_t> token_id;  // empty: the command line
  std::string label;                     // "token 3 (FOI team) for west-midlands-police"
  std::string authority_id;              // the token's authority; empty for an administrator
  bool admin = false;
};

[[nodiscard]] Actor actor_of(const TokenInfo& token);
[[nodiscard]] Actor command_line_actor();

// ---- accounts ----
// Throws UsageError("ID", ...) for a slug that is not lower-case letters, digits and hyphens or
// that already has an account.
void add_account(SqliteDb& db, const Account& account);
[[nodiscard]] std::vector<Account> list_accounts(SqliteDb& db);
[[nodiscard]] std::optional<Account> find_account(SqliteDb& db, const std::string& id);

// ---- tokens ----
struct NewToken {
  std::int64_t id = 0;
  std::string secret;  // shown once; only its SHA-256 is stored
};
// account_id empty: an administrator token. Throws UsageError("--authority", ...) when the
// account does not exist.
[[nodiscard]] NewToken create_token(SqliteDb& db, const std::string& account_id, bool admin,
                                    const std::string& name);
// False when there is no such token or it was already revoked. Its sessions end with it.
bool revoke_token(SqliteDb& db, std::int64_t id);
[[nodiscard]] std::vector<TokenInfo> list_tokens(SqliteDb& db);
// The unrevoked token this secret is, or nullopt. Looks the SHA-256 up and compares the stored
// hash with constant_time_equal.
[[nodiscard]] std::optional<TokenInfo> verify_token(SqliteDb& db, std::string_view secret);

// ---- sessions ----
struct NewSession {
  std::string secret;  // the cookie value
  std::string csrf;    // the token every form of this session carries
};
struct Session {
  TokenInfo token;
  std::string csrf;
  std::string expires_at;
};
[[nodiscard]] NewSession create_session(SqliteDb& db, std::int64_t token_id,
                                        std::chrono::seconds lifetime);
// The live session (not expired, token not revoked) this cookie value opens, or nullopt.
[[nodiscard]] std::optional<Session> find_session(SqliteDb& db, std::string_view secret);
void delete_session(SqliteDb& db, std::string_view secret);
void delete_expired_sessions(SqliteDb& db);

// ---- audit log ----
struct AuditEntry {
  std::int64_t id = 0;
  std::string at, actor, authority_id, action;
  std::optional<std::int64_t> document_id;
  std::string detail;
};
// action: sign_in, sign_out, upload, correct, release, withdraw, purge. detail never holds a
// document's text (a purge must leave none behind): field names, file names, the reason given.
void append_audit(SqliteDb& db, const Actor& who, const std::string& authority_id,
                  const std::string& action, std::optional<std::int64_t> document_id,
                  const std::string& detail);
// Newest first. authority empty: every entry (administrators).
[[nodiscard]] std::vector<AuditEntry> audit_entries(SqliteDb& db, const std::string& authority,
                                                    std::size_t limit);

// "2026-01-31T12:00:00Z", `offset` from now.
[[nodiscard]] std::string utc_timestamp(std::chrono::seconds offset = std::chrono::seconds(0));

}  // namespace foilog
