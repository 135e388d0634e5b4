// R22's lint: SQLite statements use bound parameters only. Every statement foilog prepares or
// executes must be built from string literals and named constants alone (a literal, `+` between
// constants, std::string(...) of one, a kConstant[index] picking one of a fixed table, or a
// local declared from constants), never from a value; a function that takes SQL text as a
// parameter is held to the same rule at each of its call sites. The checker is tested on bad
// code first, so a lint that cannot fail would be noticed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "integration/command.h"

namespace foilog::testing {
namespace {

// The source with comments blanked out (string literals kept).
std::string without_comments(const std::string& s) {
  std::string out = s;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '"') {
      if (i > 0 && out[i - 1] == 'R') {  // raw string R"d(...)d"
        const std::size_t open = out.find('(', i);
        const std::string close = ")" + out.substr(i + 1, open - i - 1) + "\"";
        i = out.find(close, open);
        i = i == std::string::npos ? out.size() : i + close.size() - 1;
        continue;
      }
      for (++i; i < out.size() && out[i] != '"'; ++i) {
        i += out[i] == '\\' ? 1 : 0;
      }
    } else if (out[i] == '\'' && i + 2 < out.size()) {
      i += out[i + 1] == '\\' ? 3 : 2;
    } else if (out.compare(i, 2, "//") == 0) {
      while (i < out.size() && out[i] != '\n') {
        out[i++] = ' ';
      }
    } else if (out.compare(i, 2, "/*") == 0) {
      while (i < out.size() && out.compare(i, 2, "*/") != 0) {
        if (out[i] != '\n') {
          out[i] = ' ';
        }
        ++i;
      }
    }
  }
  return out;
}

// The text between the parenthesis at `open` and its match.
std::string argument_at(const std::string& s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '"') {
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        i += s[i] == '\\' ? 1 : 0;
      }
    } else if (s[i] == '(') {
      ++depth;
    } else if (s[i] == ')' && --depth == 0) {
      return s.substr(open + 1, i - open - 1);
    }
  }
  return s.substr(open + 1);
}

class SqlLint {
 public:
  explicit SqlLint(std::string source) : src_(without_comments(source)) { find_constants(); }

  // Each statement argument that is not built from constants, with its offset.
  std::vector<std::string> violations() {
    std::vector<std::string> out;
    const std::regex call(R"((\.|->)(prepare|exec)\()");
    for (std::sregex_iterator it(src_.begin(), src_.end(), call), end; it != end; ++it) {
      const std::size_t open = static_cast<std::size_t>(it->position() + it->length() - 1);
      const std::string arg = argument_at(src_, open);
      if (!constant(arg)) {
        out.push_back(arg);
      }
    }
    // Functions taking SQL text (a parameter named sql or statement): each call passes
    // constants.
    const std::regex forwarder(
        R"((\w+)\(\s*SqliteDb\s*&\s*\w+\s*,\s*(?:const char\s*\*|const std::string\s*&|std::string_view)\s*(sql|statement)\s*\))");
    for (std::sregex_iterator it(src_.begin(), src_.end(), forwarder), end; it != end; ++it) {
      const std::string name = (*it)[1];
      const std::regex use("\\b" + name + "\\(");
      for (std::sregex_iterator u(src_.begin(), src_.end(), use); u != end; ++u) {
        const std::size_t open = static_cast<std::size_t>(u->position() + u->length() - 1);
        if (open == static_cast<std::size_t>(it->position((1)) + it->length(1))) {
          continue;  // the definition itself
        }
        const std::string args = argument_at(src_, open);
        const std::size_t comma = args.find(',');
        if (comma != std::string::npos && !constant(args.substr(comma + 1))) {
          out.push_back(name + "(" + args + ")");
        }
      }
    }
    return out;
  }

 private:
  void find_constants() {
    // Parameters that carry SQL text into prepare(): checked at the call sites instead.
    const std::regex sql_param(
        R"((?:const char\s*\*|const std::string\s*&|std::string_view)\s*(sql|statement)\b)");
    for (std::sregex_iterator it(src_.begin(), src_.end(), sql_param), end; it != end; ++it) {
      constants_.insert((*it)[1]);
    }
    const std::regex decl(
        R"((?:const char\s*\*\s*|const std::string\s+|constexpr[\w:<> ]*\s+|const auto\s+)(\w+)\s*=\s*([^;]+);)");
    const std::regex range_for(R"(for\s*\(\s*const char\s*\*\s*(\w+)\s*:\s*\{([^}]*)\}\s*\))");
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto* re : {&decl, &range_for}) {
        for (std::sregex_iterator it(src_.begin(), src_.end(), *re), end; it != end; ++it) {
          const std::string name = (*it)[1];
          std::string init = (*it)[2];
          if (re == &range_for) {
            init = std::regex_replace(init, std::regex(","), "+");
          }
          if (constants_.count(name) == 0 && constant(init)) {
            constants_.insert(name);
            grew = true;
          }
        }
      }
    }
  }

  // Literals, '+', std::string( ), known constants, kTable[index], schema::names.
  [[nodiscard]] bool constant(const std::string& expr) const {
    std::size_t i = 0;
    bool any = false;
    while (i < expr.size()) {
      const char c = expr[i];
      if (std::isspace(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '(' || c == ')') {
        ++i;
      } else if (c == '"') {
        if (i > 0 && expr[i - 1] == 'R') {
          const std::size_t open = expr.find('(', i);
          const std::string close = ")" + expr.substr(i + 1, open - i - 1) + "\"";
          const std::size_t end = expr.find(close, open);
          i = end == std::string::npos ? expr.size() : end + close.size();
        } else {
          for (++i; i < expr.size() && expr[i] != '"'; ++i) {
            i += expr[i] == '\\' ? 1 : 0;
          }
          ++i;
        }
        any = true;
      } else if (std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_') {
        std::size_t j = i;
        while (j < expr.size() && (std::isalnum(static_cast<unsigned char>(expr[j])) != 0 ||
                                   expr[j] == '_' || expr[j] == ':')) {
          ++j;
        }
        const std::string word = expr.substr(i, j - i);
        const std::string last =
            word.substr(word.rfind(':') == std::string::npos ? 0 : word.rfind(':') + 1);
        if (word == "R" && j < expr.size() && expr[j] == '"') {
          i = j;
          continue;
        }
        const bool named_constant = last.size() > 1 && last[0] == 'k' &&
                                    std::isupper(static_cast<unsigned char>(last[1])) != 0;
        if (word == "std::string" || word == "std::string_view") {
          // a wrapper: its argument is checked as part of this expression
        } else if (named_constant || constants_.count(word) != 0) {
          if (j < expr.size() && expr[j] == '[') {
            const std::size_t close = expr.find(']', j);
            const std::string index = expr.substr(j + 1, close - j - 1);
            if (!named_constant || !std::regex_match(index, std::regex(R"(\s*\w+\s*)"))) {
              return false;
            }
            j = close + 1;
          }
        } else {
          return false;
        }
        any = true;
        i = j;
      } else {
        return false;  // a number, '.', '->', '<<', a call: a value, not a constant
      }
    }
    return any;
  }

  std::string src_;
  std::set<std::string> constants_;
};

TEST(SqlLint, TheCheckerFlagsSqlBuiltFromValues) {
  EXPECT_EQ(SqlLint(R"(void f(SqliteDb& db, const std::string& name) {
      db.prepare("SELECT * FROM t WHERE a = '" + name + "'");
    })")
                .violations()
                .size(),
            1U);
  EXPECT_EQ(SqlLint(R"(void f(SqliteDb& db, int id) {
      db.exec("DELETE FROM t WHERE id = " + std::to_string(id));
    })")
                .violations()
                .size(),
            1U);
  EXPECT_EQ(
      SqlLint(
          R"(std::int64_t count(SqliteDb& db, const char* sql) { return db.prepare(sql).step(); }
    void g(SqliteDb& db, const std::string& t) { count(db, ("SELECT COUNT(*) FROM " + t).c_str()); })")
          .violations()
          .size(),
      1U);
  // And passes what foilog writes: literals, constants, bound parameters.
  EXPECT_TRUE(SqlLint(R"(constexpr const char* kCols = "a, b";
    void f(SqliteDb& db) {
      const std::string where = "WHERE x = ?1";
      db.prepare(std::string("SELECT ") + kCols + " FROM t " + where).bind(1, v).run();
      for (const char* sql : {"DELETE FROM a WHERE id = ?1", "DELETE FROM b WHERE id = ?1"}) {
        db.prepare(sql).bind(1, id).run();
      }
      db.exec(schema::kSqliteMigrations[version]);
    })")
                  .violations()
                  .empty());
}

TEST(SqlLint, EveryStatementInFoilogIsBuiltFromConstants) {
  std::size_t files = 0;
  for (const char* dir : {"indexer", "web"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(source_dir() / dir)) {
      const auto ext = e.path().extension();
      if (ext != ".cpp" && ext != ".h") {
        continue;
      }
      if (e.path().filename() == "sqlite_db.cpp" || e.path().filename() == "sqlite_db.h") {
        continue;  // the wrapper that defines prepare() and exec()
      }
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      for (const auto& v : SqlLint(ss.str()).violations()) {
        ADD_FAILURE() << e.path().lexically_relative(source_dir()).string()
                      << ": SQL built from a value: " << v;
      }
      ++files;
    }
  }
  EXPECT_GT(files, 100U);
}

}  // namespace
}  // namespace foilog::testing
