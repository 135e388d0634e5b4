#include "cli/args.h"

#include <charconv>

#include "util/error.h"

namespace foilog::cli {

Args::Args(int argc, char** argv, const std::set<std::string>& value_options,
           const std::set<std::string>& flags) {
  bool only_positionals = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (only_positionals || a.size() < 2 || a.rfind("--", 0) != 0) {
      if (!only_positionals && a.size() > 1 && a[0] == '-' && a != "-") {
        throw UsageError(a, "unknown option (options are written --name; see --help)");
      }
      positionals_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positionals = true;
      continue;
    }
    std::string name = a.substr(2);
    std::string value;
    bool has_value = false;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    if (flags.count(name) != 0) {
      if (has_value) {
        throw UsageError("--" + name, "takes no value");
      }
      values_[name].push_back("1");
    } else if (value_options.count(name) != 0) {
      if (!has_value) {
        if (i + 1 >= argc) {
          throw UsageError("--" + name, "needs a value");
        }
        value = argv[++i];
      }
      values_[name].push_back(value);
    } else {
      throw UsageError("--" + name, "unknown option (see --help)");
    }
  }
}

bool Args::has(const std::string& name) const {
  return values_.count(name) != 0;
}

std::string Args::get(const std::string& name, const std::string& fallback) const {
  const auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

long Args::get_int(const std::string& name, long fallback, long lo, long hi) const {
  if (!has(name)) {
    return fallback;
  }
  const std::string v = get(name);
  long out = 0;
  const auto r = std::from_chars(v.data(), v.data() + v.size(), out);
  if (r.ec != std::errc() || r.ptr != v.data() + v.size() || out < lo || out > hi) {
    throw UsageError("--" + name, "expects a whole number from " + std::to_string(lo) + " to " +
                                      std::to_string(hi) + ", got '" + v + "'");
  }
  return out;
}

}  // namespace foilog::cli
