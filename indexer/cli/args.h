// A small command-line parser: `--name VALUE`, `--name=VALUE`, boolean
// `--flag`, repeated options and positionals. Unknown options are an error
// naming the option.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace foilog::cli {

class Args {
 public:
  // `value_options`: options that take a value; `flags`: options that do not.
  Args(int argc, char** argv, const std::set<std::string>& value_options,
       const std::set<std::string>& flags);

  [[nodiscard]] bool has(const std::string& name) const;
  [[nodiscard]] std::string get(const std::string& name, const std::string& fallback = {}) const;
  [[nodiscard]] std::vector<std::string> all(const std::string& name) const;
  [[nodiscard]] const std::vector<std::string>& positionals() const { return positionals_; }
  // Integer option in [lo, hi]; throws UsageError naming the option otherwise.
  [[nodiscard]] long get_int(const std::string& name, long fallback, long lo, long hi) const;

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
};

}  // namespace foilog::cli
