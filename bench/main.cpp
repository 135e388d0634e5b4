// foilog-bench: the benchmark harness of issue 7 (bench/README.md).
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "commands.h"
#include "readers/sandbox_child.h"

namespace {

constexpr const char* kUsage = R"(usage: foilog-bench COMMAND [OPTIONS]

  gen --docs N --seed S DIR     write N synthetic FOI responses and their labels to DIR
  ingest --db DIR SRC           ingest SRC with foilog's own code; time each stage; bare-Xapian
                                baseline over the same texts
  search --db DIR               seeded query mix with exact facet counts; latency per class,
                                1 and 2 threads
  report FILE.json...           one markdown table, medians over runs

Every command takes --help and --json (machine-readable output).
)";

}  // namespace

int main(int argc, char** argv) {
  // First: this process may be a sandboxed parser it started itself (readers/sandbox.h).
  foilog::run_as_sandbox_child_if_asked(argc, argv);
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  try {
    if (command == "gen") {
      return foilog::bench::cmd_gen(argc - 1, argv + 1);
    }
    if (command == "ingest") {
      return foilog::bench::cmd_ingest(argc - 1, argv + 1);
    }
    if (command == "search") {
      return foilog::bench::cmd_search(argc - 1, argv + 1);
    }
    if (command == "report") {
      return foilog::bench::cmd_report(argc - 1, argv + 1);
    }
    std::fprintf(stderr, "foilog-bench: unknown command '%s'\n\n%s", command.c_str(), kUsage);
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "foilog-bench %s: %s\n", command.c_str(), e.what());
    return 1;
  }
}
