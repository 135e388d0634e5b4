#include "readers/pdf_content.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

namespace foilog {
namespace {

// Row-vector affine matrix [a b c d e f], as PDF writes them: p' = p × M.
using Matrix = std::array<double, 6>;
constexpr Matrix kIdentity = {1, 0, 0, 1, 0, 0};

Matrix multiply(const Matrix& m, const Matrix& n) {  // m × n
  return {m[0] * n[0] + m[1] * n[2],        m[0] * n[1] + m[1] * n[3],
          m[2] * n[0] + m[3] * n[2],        m[2] * n[1] + m[3] * n[3],
          m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]};
}

void apply(const Matrix& m, double x, double y, double& ox, double& oy) {
  ox = x * m[0] + y * m[2] + m[4];
  oy = x * m[1] + y * m[3] + m[5];
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool is_delimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '/' || c == '%';
}

struct Operand {
  bool is_number = false;
  double number = 0;
  std::string text;  // strings (and a TJ array's strings, joined)
};

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  // Reads one token into `op` (operand) or `word` (operator); false at the end.
  bool next(Operand& op, std::string& word, bool& is_operator) {
    skip_space_and_comments();
    if (i_ >= s_.size()) {
      return false;
    }
    is_operator = false;
    op = Operand{};
    const char c = s_[i_];
    if (c == '(') {
      op.text = literal_string();
    } else if (c == '<' && i_ + 1 < s_.size() && s_[i_ + 1] == '<') {
      i_ += 2;  // dictionaries (marked-content properties) carry no text we place
    } else if (c == '>' && i_ + 1 < s_.size() && s_[i_ + 1] == '>') {
      i_ += 2;
    } else if (c == '<') {
      op.text = hex_string();
    } else if (c == '[') {
      ++i_;
      op.text = array_strings();
    } else if (c == '/') {
      ++i_;
      regular_run();
    } else if (c == ']' || c == ')' || c == '>' || c == '{' || c == '}') {
      ++i_;
    } else {
      const std::string_view run = regular_run();
      char* end = nullptr;
      const std::string token(run);
      const double v = std::strtod(token.c_str(), &end);
      if (!token.empty() && end == token.c_str() + token.size() &&
          (std::isdigit(static_cast<unsigned char>(token.back())) != 0 || token.back() == '.')) {
        op.is_number = true;
        op.number = std::isfinite(v) ? v : 0;
      } else {
        word = token;
        is_operator = true;
        if (word == "ID") {
          skip_inline_image();
        }
      }
    }
    return true;
  }

 private:
  void skip_space_and_comments() {
    while (i_ < s_.size()) {
      if (is_space(s_[i_])) {
        ++i_;
      } else if (s_[i_] == '%') {
        while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') {
          ++i_;
        }
      } else {
        break;
      }
    }
  }

  std::string_view regular_run() {
    const std::size_t start = i_;
    while (i_ < s_.size() && !is_space(s_[i_]) && !is_delimiter(s_[i_])) {
      ++i_;
    }
    if (i_ == start && i_ < s_.size()) {
      ++i_;  // a stray delimiter: step over it
    }
    return s_.substr(start, i_ - start);
  }

  std::string literal_string() {
    std::string out;
    int depth = 0;
    for (; i_ < s_.size(); ++i_) {
      const char c = s_[i_];
      if (c == '\\' && i_ + 1 < s_.size()) {
        const char e = s_[++i_];
        if (e >= '0' && e <= '7') {
          int v = 0;
          for (int k = 0; k < 3 && i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '7'; ++k, ++i_) {
            v = v * 8 + (s_[i_] - '0');
          }
          --i_;
          out += static_cast<char>(v & 0xFF);
        } else if (e == 'n' || e == 'r' || e == 't' || e == 'b' || e == 'f') {
          out += ' ';
        } else if (e != '\n' && e != '\r') {
          out += e;
        }
        continue;
      }
      if (c == '(') {
        if (depth++ == 0) {
          continue;
        }
      } else if (c == ')') {
        if (--depth == 0) {
          ++i_;
          return out;
        }
      }
      out += c;
    }
    return out;
  }

  std::string hex_string() {
    ++i_;
    std::string out;
    int nibble = -1;
    for (; i_ < s_.size() && s_[i_] != '>'; ++i_) {
      const char c = s_[i_];
      const int v = std::isdigit(static_cast<unsigned char>(c)) != 0 ? c - '0'
                    : (c >= 'a' && c <= 'f')                         ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F')                         ? c - 'A' + 10
                                                                     : -1;
      if (v < 0) {
        continue;
      }
      if (nibble < 0) {
        nibble = v;
      } else {
        out += static_cast<char>(nibble * 16 + v);
        nibble = -1;
      }
    }
    if (nibble >= 0) {
      out += static_cast<char>(nibble * 16);
    }
    if (i_ < s_.size()) {
      ++i_;
    }
    return out;
  }

  // A TJ array: its strings joined (numbers in it only adjust spacing).
  std::string array_strings() {
    std::string out;
    while (true) {
      skip_space_and_comments();
      if (i_ >= s_.size()) {
        return out;
      }
      const char c = s_[i_];
      if (c == ']') {
        ++i_;
        return out;
      }
      if (c == '(') {
        out += literal_string();
      } else if (c == '<') {
        out += hex_string();
      } else {
        regular_run();
      }
    }
  }

  // Inline image data runs from one space after ID to an EI between spaces.
  void skip_inline_image() {
    ++i_;
    while (i_ + 2 <= s_.size()) {
      if (s_[i_] == 'E' && s_[i_ + 1] == 'I' && i_ > 0 && is_space(s_[i_ - 1]) &&
          (i_ + 2 == s_.size() || is_space(s_[i_ + 2]))) {
        i_ += 2;
        return;
      }
      ++i_;
    }
    i_ = s_.size();
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

std::string printable(const std::string& bytes) {
  std::string out;
  for (const char c : bytes) {
    if (c >= 0x20 && c < 0x7F) {
      out += c;
    }
  }
  return out;
}

class TextState {
 public:
  void operate(const std::string& op, const std::vector<Operand>& args,
               std::vector<DrawnText>& out) {
    auto num = [&](std::size_t from_end) {
      return args.size() >= from_end && args[args.size() - from_end].is_number
                 ? args[args.size() - from_end].number
                 : 0.0;
    };
    auto matrix_operand = [&] { return Matrix{num(6), num(5), num(4), num(3), num(2), num(1)}; };
    if (op == "q") {
      if (stack_.size() < 256) {
        stack_.push_back(ctm_);
      }
    } else if (op == "Q") {
      if (!stack_.empty()) {
        ctm_ = stack_.back();
        stack_.pop_back();
      }
    } else if (op == "cm" && args.size() >= 6) {
      ctm_ = multiply(matrix_operand(), ctm_);
    } else if (op == "BT") {
      tm_ = tlm_ = kIdentity;
    } else if (op == "Tf" && !args.empty()) {
      size_ = num(1);
    } else if (op == "TL" && !args.empty()) {
      leading_ = num(1);
    } else if ((op == "Td" || op == "TD") && args.size() >= 2) {
      if (op == "TD") {
        leading_ = -num(1);
      }
      move(num(2), num(1));
    } else if (op == "Tm" && args.size() >= 6) {
      tm_ = tlm_ = matrix_operand();
    } else if (op == "T*") {
      move(0, -leading_);
    } else if ((op == "Tj" || op == "TJ") && !args.empty()) {
      show(args.back().text, out);
    } else if (op == "'" && !args.empty()) {
      move(0, -leading_);
      show(args.back().text, out);
    } else if (op == "\"" && !args.empty()) {
      move(0, -leading_);
      show(args.back().text, out);
    }
  }

 private:
  void move(double tx, double ty) {
    tlm_ = multiply(Matrix{1, 0, 0, 1, tx, ty}, tlm_);
    tm_ = tlm_;
  }

  void show(const std::string& bytes, std::vector<DrawnText>& out) {
    const double size = std::abs(size_) > 0 ? std::abs(size_) : 1;
    const double width = 0.5 * size * static_cast<double>(bytes.size());
    const Matrix m = multiply(tm_, ctm_);
    DrawnText d;
    d.text = printable(bytes);
    d.left = d.bottom = HUGE_VAL;
    d.right = d.top = -HUGE_VAL;
    for (const auto& [x, y] : {std::pair{0.0, -0.25 * size}, std::pair{width, -0.25 * size},
                               std::pair{0.0, size}, std::pair{width, size}}) {
      double ox = 0, oy = 0;
      apply(m, x, y, ox, oy);
      d.left = std::min(d.left, ox);
      d.right = std::max(d.right, ox);
      d.bottom = std::min(d.bottom, oy);
      d.top = std::max(d.top, oy);
    }
    out.push_back(std::move(d));
    tm_ = multiply(Matrix{1, 0, 0, 1, width, 0}, tm_);  // advance past the string
  }

  Matrix ctm_ = kIdentity, tm_ = kIdentity, tlm_ = kIdentity;
  std::vector<Matrix> stack_;
  double size_ = 0, leading_ = 0;
};

}  // namespace

std::vector<DrawnText> drawn_text(std::string_view content, std::size_t max_items) {
  std::vector<DrawnText> out;
  Scanner scanner(content);
  TextState state;
  std::vector<Operand> args;
  Operand op;
  std::string word;
  bool is_operator = false;
  while (out.size() < max_items && scanner.next(op, word, is_operator)) {
    if (!is_operator) {
      if (args.size() < 64) {
        args.push_back(std::move(op));
      }
      continue;
    }
    state.operate(word, args, out);
    args.clear();
  }
  return out;
}

}  // namespace foilog
