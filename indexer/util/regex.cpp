#include "util/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <array>
#include <stdexcept>

namespace foilog {
namespace {

std::string error_message(int code) {
  std::array<PCRE2_UCHAR, 256> buffer{};
  if (pcre2_get_error_message(code, buffer.data(), buffer.size()) < 0) {
    return "PCRE2 error " + std::to_string(code);
  }
  return {reinterpret_cast<const char*>(buffer.data())};
}

struct CompileContextDeleter {
  void operator()(pcre2_compile_context* c) const { pcre2_compile_context_free(c); }
};
struct CodeDeleter {
  void operator()(pcre2_code* c) const { pcre2_code_free(c); }
};
struct MatchDataDeleter {
  void operator()(pcre2_match_data* d) const { pcre2_match_data_free(d); }
};
struct MatchContextDeleter {
  void operator()(pcre2_match_context* c) const { pcre2_match_context_free(c); }
};
struct JitStackDeleter {
  void operator()(pcre2_jit_stack* s) const { pcre2_jit_stack_free(s); }
};

constexpr std::uint32_t kHeapLimitKiB = 512 * 1024;

// What one thread needs to match: a match block big enough for the pattern at hand and a JIT
// stack larger than the 32 KiB default, so that a long subject never fails for want of stack.
class MatchScratch {
 public:
  MatchScratch()
      : context_(pcre2_match_context_create(nullptr)),
        stack_(pcre2_jit_stack_create(32 * 1024, 4 * 1024 * 1024, nullptr)) {
    if (!context_ || !stack_) {
      throw std::bad_alloc();
    }
    pcre2_jit_stack_assign(context_.get(), nullptr, stack_.get());
    // The interpreter, used when the JIT runs out of stack, keeps its backtracking frames on the
    // heap: bound them so a pathological subject fails with a message instead of eating memory.
    pcre2_set_heap_limit(context_.get(), kHeapLimitKiB);
  }

  pcre2_match_data* data_for(std::uint32_t pairs) {
    if (!data_ || pairs > pairs_) {
      data_.reset(pcre2_match_data_create(pairs, nullptr));
      if (!data_) {
        throw std::bad_alloc();
      }
      pairs_ = pairs;
    }
    return data_.get();
  }
  [[nodiscard]] pcre2_match_context* context() const { return context_.get(); }

 private:
  std::unique_ptr<pcre2_match_context, MatchContextDeleter> context_;
  std::unique_ptr<pcre2_jit_stack, JitStackDeleter> stack_;
  std::unique_ptr<pcre2_match_data, MatchDataDeleter> data_;
  std::uint32_t pairs_ = 0;
};

MatchScratch& scratch() {
  thread_local MatchScratch s;
  return s;
}

}  // namespace

struct Regex::Compiled {
  std::unique_ptr<pcre2_code, CodeDeleter> code;
  std::uint32_t pairs = 1;  // capture groups + 1
};

std::shared_ptr<const Regex::Compiled> Regex::compile(const std::string& source,
                                                      const std::string& shown, unsigned options) {
  std::unique_ptr<pcre2_compile_context, CompileContextDeleter> context(
      pcre2_compile_context_create(nullptr));
  if (!context) {
    throw std::bad_alloc();
  }
  // ECMAScript's '.' stops at '\r' as well as '\n'.
  pcre2_set_newline(context.get(), PCRE2_NEWLINE_ANYCRLF);
  std::uint32_t flags = PCRE2_DOLLAR_ENDONLY;
  if ((options & kIgnoreCase) != 0) {
    flags |= PCRE2_CASELESS;
  }
  int error = 0;
  PCRE2_SIZE offset = 0;
  auto compiled = std::make_shared<Compiled>();
  compiled->code.reset(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                                     flags, &error, &offset, context.get()));
  if (!compiled->code) {
    throw std::invalid_argument("regular expression /" + shown + "/: " + error_message(error) +
                                " at offset " + std::to_string(offset));
  }
  // Without the JIT (an architecture PCRE2 cannot compile for) the interpreter gives the same
  // answers, only slower, so a failure here is not an error.
  (void)pcre2_jit_compile(compiled->code.get(), PCRE2_JIT_COMPLETE);
  std::uint32_t captures = 0;
  pcre2_pattern_info(compiled->code.get(), PCRE2_INFO_CAPTURECOUNT, &captures);
  compiled->pairs = captures + 1;
  return compiled;
}

bool RegexMatch::matched(std::size_t group) const {
  return group < size() && offsets_[2 * group] != PCRE2_UNSET;
}

std::size_t RegexMatch::position(std::size_t group) const {
  return matched(group) ? offsets_[2 * group] : std::string_view::npos;
}

std::size_t RegexMatch::length(std::size_t group) const {
  return matched(group) ? offsets_[2 * group + 1] - offsets_[2 * group] : 0;
}

std::string_view RegexMatch::view(std::size_t group) const {
  return matched(group) ? subject_.substr(position(group), length(group)) : std::string_view{};
}

Regex::Regex(std::string_view pattern, unsigned options)
    : pattern_(pattern),
      search_(compile(pattern_, pattern_, options)),
      whole_(compile("\\A(?:" + pattern_ + ")\\z", pattern_, options)) {}

bool Regex::run(const Compiled& code, std::string_view subject, std::size_t start, unsigned flags,
                RegexMatch* match) const {
  MatchScratch& s = scratch();
  pcre2_match_data* data = s.data_for(code.pairs);
  const auto* bytes = reinterpret_cast<PCRE2_SPTR>(subject.data());
  int rc = pcre2_match(code.code.get(), bytes, subject.size(), start, flags, data, s.context());
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT) {
    // A group repeated over a long stretch of text: the interpreter has room for it.
    rc = pcre2_match(code.code.get(), bytes, subject.size(), start, flags | PCRE2_NO_JIT, data,
                     s.context());
  }
  if (rc == PCRE2_ERROR_NOMATCH) {
    return false;
  }
  if (rc < 0) {
    // Match or depth limits: reachable only by pathological input, and silently answering "no
    // match" would change what is extracted, so say which pattern gave up.
    throw std::runtime_error("regular expression /" + pattern_.substr(0, 60) +
                             "/ could not finish: " + error_message(rc));
  }
  if (match != nullptr) {
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
    match->subject_ = subject;
    match->offsets_.assign(ovector, ovector + 2 * static_cast<std::size_t>(code.pairs));
  }
  return true;
}

bool Regex::search(std::string_view subject) const {
  return run(*search_, subject, 0, 0, nullptr);
}

bool Regex::search(std::string_view subject, RegexMatch& match, std::size_t start) const {
  if (start > subject.size()) {
    return false;
  }
  return run(*search_, subject, start, 0, &match);
}

bool Regex::full_match(std::string_view subject) const {
  return run(*whole_, subject, 0, 0, nullptr);
}

bool Regex::full_match(std::string_view subject, RegexMatch& match) const {
  return run(*whole_, subject, 0, 0, &match);
}

std::vector<RegexMatch> Regex::find_all(std::string_view subject) const {
  std::vector<RegexMatch> matches;
  std::size_t start = 0;
  bool after_empty = false;
  while (start <= subject.size()) {
    RegexMatch m;
    bool found = false;
    if (after_empty) {
      // As std::sregex_iterator does after an empty match: first a non-empty match starting
      // right here, and only then the search from the next byte.
      found = run(*search_, subject, start, PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED, &m);
      if (!found) {
        if (start == subject.size()) {
          break;
        }
        ++start;
        after_empty = false;
        continue;
      }
    } else {
      found = run(*search_, subject, start, 0, &m);
      if (!found) {
        break;
      }
    }
    start = m.end();
    after_empty = m.length() == 0;
    matches.push_back(std::move(m));
  }
  return matches;
}

std::size_t Regex::count(std::string_view subject) const {
  return find_all(subject).size();
}

}  // namespace foilog
