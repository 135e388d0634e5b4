// Regular expressions compiled once and matched many times, through PCRE2 and its JIT compiler.
//
// Why not std::regex: libstdc++'s matcher is a recursive backtracking interpreter that, at every
// \b, looks the "w" class up by name (strcmp over the class table) and the ctype facet up by
// dynamic_cast. Profiled over generated letters, that was 80% of extraction time (76 ms a
// letter); the same patterns through PCRE2's JIT take a small fraction of it.
//
// The patterns were written for std::regex::ECMAScript, so this keeps its semantics where PCRE2's
// defaults differ: `$` matches only at the very end (not before a final newline), `.` matches
// neither '\n' nor '\r'. Both engines already agree on the rest: leftmost-first alternation,
// byte-wise matching (no UTF mode: subjects are UTF-8 and patterns ASCII), ASCII \w \s \d and
// ASCII case folding.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace foilog {

// One match: the whole match (group 0) and the capture groups, as offsets into the subject the
// match was made on. The subject must outlive the match.
class RegexMatch {
 public:
  // Groups including group 0.
  [[nodiscard]] std::size_t size() const { return offsets_.size() / 2; }
  [[nodiscard]] bool matched(std::size_t group) const;
  // Offset of the group in the subject; a group that did not take part gives npos.
  [[nodiscard]] std::size_t position(std::size_t group = 0) const;
  [[nodiscard]] std::size_t length(std::size_t group = 0) const;
  [[nodiscard]] std::size_t end(std::size_t group = 0) const {
    return position(group) + length(group);
  }
  [[nodiscard]] std::string_view view(std::size_t group = 0) const;
  [[nodiscard]] std::string str(std::size_t group = 0) const { return std::string(view(group)); }

 private:
  friend class Regex;
  std::string_view subject_;
  std::vector<std::size_t> offsets_;  // begin, end per group; npos for a group not taken
};

class Regex {
 public:
  enum Option : unsigned { kNone = 0, kIgnoreCase = 1U << 0U };

  // Throws std::invalid_argument naming the pattern and the offset PCRE2 stopped at.
  explicit Regex(std::string_view pattern, unsigned options = kNone);
  // Copies share the compiled pattern, which is immutable and safe to match from any thread.

  // Is there a match anywhere in the subject (std::regex_search)?
  [[nodiscard]] bool search(std::string_view subject) const;
  // The first match at or after `start`; false if none. \b and look-behinds see the text before
  // `start`, as std::regex's match_prev_avail does.
  bool search(std::string_view subject, RegexMatch& match, std::size_t start = 0) const;
  // Does the whole subject match (std::regex_match)?
  [[nodiscard]] bool full_match(std::string_view subject) const;
  bool full_match(std::string_view subject, RegexMatch& match) const;
  // Every non-overlapping match, left to right, as std::sregex_iterator visits them (an empty
  // match is followed by a non-empty match at the same place if there is one, else the search
  // moves on one byte).
  [[nodiscard]] std::vector<RegexMatch> find_all(std::string_view subject) const;
  [[nodiscard]] std::size_t count(std::string_view subject) const;

  [[nodiscard]] const std::string& pattern() const { return pattern_; }

 private:
  struct Compiled;
  static std::shared_ptr<const Compiled> compile(const std::string& source,
                                                 const std::string& shown, unsigned options);
  bool run(const Compiled& code, std::string_view subject, std::size_t start, unsigned flags,
           RegexMatch* match) const;

  std::string pattern_;
  std::shared_ptr<const Compiled> search_;  // the pattern as written
  std::shared_ptr<const Compiled> whole_;   // \A(?:pattern)\z, so full matches run in the JIT too
};

}  // namespace foilog
