// Exceptions that carry messages a user can act on. Thrown by the layers, translated once at the
// boundary (CLI: message + exit code; HTTP: status + page).
#pragma once

#include <stdexcept>
#include <string>

namespace foilog {

// A file could not be read or indexed. what() is "FILE: REASON".
class IngestError : public std::runtime_error {
 public:
  IngestError(std::string file, std::string reason)
      : std::runtime_error(file + ": " + reason),
        file_(std::move(file)),
        reason_(std::move(reason)) {}
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  std::string reason_;
};

// A data file (taxonomy, label) or the store is unusable. what() names the file or database.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A command-line or request parameter is wrong. what() names the parameter and the fix.
class UsageError : public std::runtime_error {
 public:
  UsageError(std::string param, const std::string& reason)
      : std::runtime_error(param + ": " + reason), param_(std::move(param)) {}
  [[nodiscard]] const std::string& param() const { return param_; }

 private:
  std::string param_;
};

}  // namespace foilog
