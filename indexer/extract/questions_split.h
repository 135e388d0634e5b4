// Internal helpers behind split_request() and extract_questions(): how a requester marks the items
// of a request ("1.", "Q1)", "(a)", "-", "•") and how an item's text, sub-items and the paragraphs
// after it (an inline answer, or a requester's note) are told apart. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace foilog::questions_detail {

// One line of a text: [begin, end) byte offsets without the '\n'. Run-on numbered items ("1. Cost
// ... 2. How many ...") are cut into virtual lines so the rest of the code sees one item per line.
struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;
};

enum class MarkerKind { none, number, letter, bullet };

struct Marker {
  MarkerKind kind = MarkerKind::none;
  int number = 0;           // for MarkerKind::number
  std::size_t indent = 0;   // bytes of leading whitespace
  std::size_t content = 0;  // offset within the line where the item's own words start
};

// Reads the item marker at the start of a line: "1.", "1)", "(1)", "Q1)", "Question 1:", "3 a)",
// "(a)", "a)", "ii)", "-", "*", "•"; a bullet followed by a number ("- 1.") is a number.
[[nodiscard]] Marker parse_marker(std::string_view line);

// Lines of `text` (offsets relative to text), with run-on numbered items split apart.
[[nodiscard]] std::vector<Line> item_lines(std::string_view text);

struct SplitItem {
  int n = 0;
  MarkerKind kind = MarkerKind::none;
  std::size_t begin = 0;       // where the question's words start (after the marker)
  std::size_t end = 0;         // end of the question (its lines, continuations and sub-items)
  std::size_t tail_begin = 0;  // first line in the extent that is not part of the question
                               // (an inline answer or a requester's note); == extent_end if none
  std::size_t extent_end = 0;  // where the next item starts (or the end of the text)
  std::string text;            // the question, whitespace collapsed
  bool question_like = false;  // reads as a question or a request for information
};

struct RequestSplit {
  std::vector<SplitItem> items;
  bool marked = false;  // items came from markers (numbers, letters, bullets), not plain lines
};

// Splits text into items. Offsets in the result are relative to `text`. Marked items need at
// least `min_marked` top-level markers; otherwise the text is split into plain lines with
// greetings, sign-offs and introductions ("please provide the following:") dropped.
[[nodiscard]] RequestSplit split_items(std::string_view text, std::size_t min_marked = 2);

// True for greetings, sign-offs, list introductions and notes about the reply's format: lines a
// requester writes that are not themselves questions.
[[nodiscard]] bool is_request_boilerplate(std::string_view line);

// True when the words read as a question or a request for information.
[[nodiscard]] bool reads_as_question(std::string_view text);

// Where an item that carries its answer on the same line ("... how many? 1730") stops being the
// requester's words: returns the offset in `item_text` where the answer starts (size() if none).
[[nodiscard]] std::size_t inline_answer_start(std::string_view item_text);

}  // namespace foilog::questions_detail
