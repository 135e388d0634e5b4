// Publishing accounts from the command line: `foilog authority add|list` and
// `foilog token create|revoke|list`. Tokens are printed once and stored only as SHA-256.
#include <iostream>

#include "cli/args.h"
#include "cli/subcommands.h"
#include "store/accounts.h"
#include "store/store.h"
#include "taxonomy/authority_table.h"
#include "taxonomy/taxonomies.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog::cli {
namespace {

constexpr const char* kAuthorityHelp =
    R"(usage: foilog authority add [--db DIR] [--name NAME] ID|NAME
       foilog authority list [--db DIR]

add   gives an authority an account, so that tokens can be made for it (foilog token create).
      ID is its slug in data/authorities.tsv (west-midlands-police) or any of its names there;
      an authority the table lacks needs a slug and --name "Its Name".
list  every account with its live tokens and its documents by status.

  --db DIR     database directory (default ./foilog-data; created when missing)
  --data DIR   taxonomy directory (default: the source tree's data/)
  --name NAME  the authority's name, for one the table lacks
)";

constexpr const char* kTokenHelp =
    R"(usage: foilog token create [--db DIR] --authority ID [--name LABEL]
       foilog token create [--db DIR] --admin [--name LABEL]
       foilog token revoke [--db DIR] TOKEN-ID
       foilog token list [--db DIR]

create  makes an API token for one authority's account (or, with --admin, for an administrator
        who may act for every authority) and prints it once, alone on the last line. Only its
        SHA-256 is stored: a lost token cannot be shown again, make another and revoke it.
revoke  stops a token working at once; the web sessions signed in with it end too.
list    every token: id, authority, label, created, revoked.

Use a token as "Authorization: Bearer TOKEN" on /api/publish, or sign in with it at /publish.
)";

std::filesystem::path db_dir(const Args& args) {
  return args.get("db", kDefaultDb);
}

void require_store(const std::filesystem::path& db) {
  if (!std::filesystem::exists(db / "foilog.sqlite")) {
    throw UsageError("--db", db.string() + " holds no foilog database (run foilog index first)");
  }
}

int authority_add(const Args& args) {
  if (args.positionals().size() != 2) {
    throw UsageError("ID", "give the authority's id or name: foilog authority add ID");
  }
  const std::string given = args.positionals()[1];
  const std::filesystem::path data =
      args.has("data") ? std::filesystem::path(args.get("data")) : default_data_dir();
  const AuthorityTable table = AuthorityTable::load(data / "authorities.tsv");
  Account account;
  if (const AuthorityInfo* a = table.by_id(given); a != nullptr) {
    account = {a->id, args.get("name", a->name), ""};
  } else if (const AuthorityInfo* b = table.resolve(given); b != nullptr) {
    account = {b->id, args.get("name", b->name), ""};
  } else if (args.has("name")) {
    account = {given, args.get("name"), ""};
  } else {
    throw UsageError("ID", "'" + given + "' is not in " + (data / "authorities.tsv").string() +
                               "; give its slug and --name \"Its Name\" to add it anyway");
  }
  auto store = Store::open(db_dir(args), Store::Mode::kReadWrite);
  add_account(store->database(), account);
  append_audit(store->database(), command_line_actor(), account.id, "account_add", std::nullopt,
               account.name);
  std::cout << "added an account for " << account.id << " (" << account.name << ")\n"
            << "make it a token with: foilog token create --db " << db_dir(args).string()
            << " --authority " << account.id << "\n";
  return 0;
}

int authority_list(const Args& args) {
  require_store(db_dir(args));
  auto store = Store::open(db_dir(args), Store::Mode::kReadOnly);
  SqliteDb& db = store->database();
  const auto tokens = list_tokens(db);
  for (const auto& a : list_accounts(db)) {
    std::size_t live = 0;
    for (const auto& t : tokens) {
      live += t.account_id == a.id && t.revoked_at.empty() ? 1 : 0;
    }
    std::cout << a.id << "\t" << a.name << "\t" << live << " live tokens";
    auto st = db.prepare(
        "SELECT status, COUNT(*) FROM documents WHERE authority_id = ?1 GROUP BY status ORDER BY "
        "status");
    st.bind(1, a.id);
    while (st.step()) {
      std::cout << "\t" << st.int64(1) << " " << st.text(0);
    }
    std::cout << "\n";
  }
  return 0;
}

int token_create(const Args& args) {
  if (args.has("admin") == args.has("authority")) {
    throw UsageError("--authority", "give either --authority ID or --admin");
  }
  auto store = Store::open(db_dir(args), Store::Mode::kReadWrite);
  const std::string authority = args.get("authority");
  const NewToken t =
      create_token(store->database(), authority, args.has("admin"), args.get("name"));
  append_audit(store->database(), command_line_actor(), authority, "token_create", std::nullopt,
               "token " + std::to_string(t.id) + (args.has("name") ? " " + args.get("name") : ""));
  std::cout << "created " << (args.has("admin") ? "administrator token " : "token ") << t.id
            << (authority.empty() ? "" : " for " + authority)
            << (args.has("name") ? " (" + args.get("name") + ")" : "") << "\n"
            << "It is shown only this once and stored only as a hash: keep it somewhere safe.\n"
            << t.secret << "\n";
  return 0;
}

int token_revoke(const Args& args) {
  if (args.positionals().size() != 2) {
    throw UsageError("TOKEN-ID", "give the number of the token to revoke (foilog token list)");
  }
  std::int64_t id = 0;
  try {
    id = std::stoll(args.positionals()[1]);
  } catch (const std::exception&) {
    throw UsageError("TOKEN-ID", "'" + args.positionals()[1] + "' is not a token number");
  }
  require_store(db_dir(args));
  auto store = Store::open(db_dir(args), Store::Mode::kReadWrite);
  std::string authority;
  for (const auto& t : list_tokens(store->database())) {
    if (t.id == id) {
      authority = t.account_id;
    }
  }
  if (!revoke_token(store->database(), id)) {
    std::cerr << "foilog token: no live token " << id << " (already revoked, or never made)\n";
    return 1;
  }
  append_audit(store->database(), command_line_actor(), authority, "token_revoke", std::nullopt,
               "token " + std::to_string(id));
  std::cout << "revoked token " << id << "; its web sessions are signed out\n";
  return 0;
}

int token_list(const Args& args) {
  require_store(db_dir(args));
  auto store = Store::open(db_dir(args), Store::Mode::kReadOnly);
  for (const auto& t : list_tokens(store->database())) {
    std::cout << t.id << "\t" << (t.admin ? "(administrator)" : t.account_id) << "\t" << t.name
              << "\tcreated " << t.created_at
              << (t.revoked_at.empty() ? "" : "\trevoked " + t.revoked_at) << "\n";
  }
  return 0;
}

}  // namespace

int cmd_authority(int argc, char** argv) {
  const Args args(argc, argv, {"db", "data", "name"}, {"help"});
  const auto& pos = args.positionals();
  if (args.has("help") || pos.empty()) {
    std::cout << kAuthorityHelp;
    return args.has("help") ? 0 : 2;
  }
  if (pos[0] == "add") {
    return authority_add(args);
  }
  if (pos[0] == "list") {
    return authority_list(args);
  }
  throw UsageError(pos[0], "unknown action; use add or list (see foilog authority --help)");
}

int cmd_token(int argc, char** argv) {
  const Args args(argc, argv, {"db", "authority", "name"}, {"help", "admin"});
  const auto& pos = args.positionals();
  if (args.has("help") || pos.empty()) {
    std::cout << kTokenHelp;
    return args.has("help") ? 0 : 2;
  }
  if (pos[0] == "create") {
    return token_create(args);
  }
  if (pos[0] == "revoke") {
    return token_revoke(args);
  }
  if (pos[0] == "list") {
    return token_list(args);
  }
  throw UsageError(pos[0], "unknown action; use create, revoke or list (see foilog token --help)");
}

}  // namespace foilog::cli
