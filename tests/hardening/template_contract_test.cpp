// R11: the template contract, end to end. `foilog serve` checks every template when it starts and
// refuses to run with one that does not parse, that changes the tag delimiters, or that inserts a
// value unescaped (in any of its spellings: {{{x}}}, {{&x}}, {{ & x }}) other than the server-built
// HTML keys; the message names the file and, for a parse error, the position.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "hardening/hardened_server.h"

namespace foilog::testing {
namespace {

CommandResult serve_with(const std::filesystem::path& templates) {
  // --port 0 so a bad template is the only reason to stop; timeout in case it does not.
  return run_command("timeout 10 " + foilog_bin() + " serve --db " + quote(web_corpus_db()) +
                     " --port 0 --templates " + quote(templates) + " 2>&1");
}

TEST(TemplateContract, TheServerRefusesToStartWithAnUnsafeOrBrokenTemplate) {
  struct Case {
    const char* name;
    std::string text;
    std::string says;
  };
  for (const auto& c : {Case{"unclosed section", "<p>{{#items}}never closed</p>", "at "},
                        Case{"triple mustache", "<p>{{{title}}}</p>", "title"},
                        Case{"ampersand", "<p>{{&title}}</p>", "title"},
                        Case{"spaced ampersand", "<p>{{ & reference }}</p>", "reference"},
                        Case{"delimiter change", "{{=<% %>=}}<p><%{title}%></p>", "delimiters"}}) {
    TempDir dir;
    for (const auto& e : std::filesystem::directory_iterator(source_dir() / "web" / "templates")) {
      std::filesystem::copy_file(e.path(), dir.path() / e.path().filename());
    }
    std::ofstream(dir.path() / "home.mustache", std::ios::app) << c.text;
    const auto r = serve_with(dir.path());
    EXPECT_NE(r.status, 0) << c.name << ": " << r.output;
    EXPECT_NE(r.output.find("home.mustache"), std::string::npos) << c.name << ": " << r.output;
    EXPECT_NE(r.output.find(c.says), std::string::npos) << c.name << ": " << r.output;
    EXPECT_EQ(r.output.find("listening on"), std::string::npos) << c.name;
  }
}

}  // namespace
}  // namespace foilog::testing
