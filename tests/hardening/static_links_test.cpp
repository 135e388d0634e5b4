// R18, the part the shared-store tests cannot do: a static/ directory holding symbolic links that
// lead outside it (to the store's database, to /etc). Only regular files found in static/ when
// the server starts are ever served, so the links answer 404 and no response body equals any
// file outside static/.
#include <gtest/gtest.h>

#include <filesystem>

#include "hardening/hardened_server.h"
#include "support/corpus.h"

namespace foilog::testing {
namespace {

TEST(StaticLinks, LinksOutOfStaticAreNeverFollowed) {
  TempDir dir;
  const auto stat = dir.path() / "static";
  std::filesystem::copy(source_dir() / "static", stat, std::filesystem::copy_options::recursive);
  const auto sqlite = web_corpus_db() / "foilog.sqlite";
  std::filesystem::create_symlink(sqlite, stat / "innocent.css");
  std::filesystem::create_directory_symlink("/etc", stat / "etc");
  std::filesystem::create_symlink(source_dir() / "README.md", stat / "readme.txt");
  HardenedServer server({"--threads", "2", "--rate-limit", "0", "--static", stat.string()});
  const std::vector<std::string> outside = {read_file(sqlite), read_file("/etc/passwd"),
                                            read_file(source_dir() / "README.md")};
  for (const std::string target :
       {"/static/innocent.css", "/static/etc/passwd", "/static/readme.txt", "/static/etc/hostname",
        "/static/./innocent.css", "/static/%69nnocent.css"}) {
    const std::string reply = raw_exchange(
        server.port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_TRUE(status_of(reply) == "404" || status_of(reply) == "400")
        << target << " -> " << status_of(reply);
    const auto body_at = reply.find("\r\n\r\n");
    const std::string body = body_at == std::string::npos ? "" : reply.substr(body_at + 4);
    for (const auto& file : outside) {
      EXPECT_NE(body, file) << target;
      EXPECT_EQ(body.find(file.substr(0, 64)), std::string::npos) << target;
    }
  }
  // The real files beside the links are still served.
  const std::string css = raw_exchange(
      server.port(), "GET /static/foilog.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status_of(css), "200");
}

}  // namespace
}  // namespace foilog::testing
