#include "extract/questions.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "extract/questions_regions.h"
#include "extract/questions_split.h"
#include "util/text.h"

namespace foilog {

using questions_detail::DocumentRegions;
using questions_detail::Line;
using questions_detail::MarkerKind;
using questions_detail::Region;
using questions_detail::RegionSource;
using questions_detail::RequestSplit;
using questions_detail::SplitItem;

namespace {

// [begin, end) shrunk to exclude surrounding whitespace.
Span trimmed_span(std::string_view text, std::size_t begin, std::size_t end) {
  end = std::min(end, text.size());
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) {
    ++begin;
  }
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) {
    --end;
  }
  return {begin, end};
}

void set_answer(std::string_view text, Question& q, std::size_t begin, std::size_t end) {
  q.answer_span = trimmed_span(text, begin, end);
  q.answer = std::string(text.substr(q.answer_span.begin, q.answer_span.end - q.answer_span.begin));
  if (q.answer_span.empty()) {
    q.answer_span = {};
  }
}

Question question_from(std::string_view text, const SplitItem& item, std::size_t base) {
  Question q;
  q.n = item.n;
  q.text = item.text;
  q.text_span = trimmed_span(text, base + item.begin, base + item.end);
  return q;
}

// Where, inside `answer` (which may start by repeating the question), the question's words end.
// Compares letters and digits only, so line breaks and punctuation do not matter. Returns 0 when
// the answer does not repeat the question.
std::size_t repeated_question_end(std::string_view answer, std::string_view question) {
  std::string want;
  for (char c : question) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      want += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (want.size() < 8) {
    return 0;
  }
  std::size_t matched = 0;
  for (std::size_t i = 0; i < answer.size(); ++i) {
    const auto c = static_cast<unsigned char>(answer[i]);
    if (!std::isalnum(c)) {
      continue;
    }
    if (static_cast<char>(std::tolower(c)) != want[matched]) {
      break;
    }
    if (++matched == want.size()) {
      std::size_t e = i + 1;
      while (e < answer.size() && (answer[e] == '?' || answer[e] == '.' || answer[e] == ')' ||
                                   answer[e] == '*' || answer[e] == '"')) {
        ++e;
      }
      return e;
    }
  }
  // Not a verbatim repeat: the caller falls back to where the requester's words end.
  return 0;
}

// The answer to one numbered answer block [begin, end): drops a repeated question, else splits
// off the requester's words when question and answer share the line.
std::size_t answer_start(std::string_view text, std::size_t begin, std::size_t end,
                         const std::string& question) {
  const std::string_view block = text.substr(begin, end - begin);
  if (const std::size_t r = repeated_question_end(block, question); r > 0) {
    return begin + r;
  }
  // Numbered answers that do not repeat the question ("1. Approximately £2,015") are all answer;
  // one that asks again ("1) How many ...? 1730") is split where the answer starts.
  const std::size_t first_line_end = std::min(block.find('\n'), block.size());
  if (block.substr(0, first_line_end).find('?') == std::string_view::npos) {
    return begin;
  }
  const std::size_t s = questions_detail::inline_answer_start(block.substr(0, first_line_end));
  return s < first_line_end ? begin + s : begin + first_line_end;
}

// Aligns questions with the response: numbered answers by number, else bullet answers by order,
// else the whole response is the answer to every question (one reply covering them all).
void align_answers(std::string_view text, Region response, std::vector<Question>& questions) {
  if (questions.empty() || response.empty()) {
    return;
  }
  const int max_n = questions.back().n;
  const std::string_view resp = text.substr(response.begin, response.end - response.begin);
  const std::vector<Line> lines = questions_detail::item_lines(resp);

  struct Block {
    int n;
    std::size_t begin;  // absolute: where the words after the marker start
    std::size_t end;
  };
  std::vector<Block> blocks;
  int last = 0;
  for (const Line& l : lines) {
    const auto m = questions_detail::parse_marker(resp.substr(l.begin, l.end - l.begin));
    if (m.kind != MarkerKind::number || m.number < 1 || m.number > max_n || m.number < last) {
      continue;
    }
    if (!blocks.empty()) {
      blocks.back().end = response.begin + l.begin;
    }
    blocks.push_back({m.number, response.begin + l.begin + m.content, response.end});
    last = m.number;
  }

  if (!blocks.empty()) {
    std::map<int, std::vector<std::pair<std::size_t, std::size_t>>> by_number;
    for (const Block& b : blocks) {
      by_number[b.n].emplace_back(b.begin, b.end);
    }
    for (Question& q : questions) {
      auto it = by_number.find(q.n);
      if (it == by_number.end()) {
        continue;
      }
      const auto& parts = it->second;
      const std::size_t b = answer_start(text, parts.front().first, parts.front().second, q.text);
      // "6. (a) ...", "6. (b) ...": answers to one question's parts, concatenated in order.
      set_answer(text, q, b, parts.back().second);
      if (parts.size() > 1) {
        std::string joined;
        for (const auto& [pb, pe] : parts) {
          const Span s = trimmed_span(text, pb == parts.front().first ? b : pb, pe);
          if (!joined.empty()) {
            joined += '\n';
          }
          joined += text.substr(s.begin, s.end - s.begin);
        }
        q.answer = joined;
      }
    }
    // Text before the first numbered answer answers question 1 when that is not numbered.
    if (questions.front().answer.empty() && blocks.front().n > questions.front().n) {
      std::size_t first_line = blocks.front().begin;
      while (first_line > response.begin && text[first_line - 1] != '\n') {
        --first_line;
      }
      set_answer(text, questions.front(), response.begin, first_line);
    }
    // A response that quotes the whole list and then answers once: the text after the last
    // quoted question answers them all.
    const bool only_last = std::all_of(questions.begin(), questions.end() - 1,
                                       [](const Question& q) { return q.answer.empty(); }) &&
                           !questions.back().answer.empty() && questions.size() > 1;
    if (only_last) {
      for (Question& q : questions) {
        q.answer = questions.back().answer;
        q.answer_span = questions.back().answer_span;
      }
    }
    return;
  }

  // Unnumbered answers, one per question, in order.
  const RequestSplit split = questions_detail::split_items(resp, 2);
  if (split.marked && split.items.size() == questions.size()) {
    for (std::size_t i = 0; i < questions.size(); ++i) {
      set_answer(text, questions[i], response.begin + split.items[i].begin,
                 response.begin + split.items[i].extent_end);
    }
    return;
  }
  for (Question& q : questions) {
    set_answer(text, q, response.begin, response.end);
  }
}

// The unitemised request: the region without leading page chrome (titles, menu entries, bare
// field values), i.e. without leading lines that neither end a sentence nor wrap onto the next.
Question unitemised(std::string_view text, Region request) {
  const std::string_view region = text.substr(request.begin, request.end - request.begin);
  const std::vector<Line> lines = questions_detail::item_lines(region);
  auto line_at = [&](std::size_t i) {
    return trim(region.substr(lines[i].begin, lines[i].end - lines[i].begin));
  };
  auto ends_sentence = [](std::string_view l) {
    return !l.empty() && std::string_view(".?!:;").find(l.back()) != std::string_view::npos;
  };
  std::size_t begin = request.begin;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view l = line_at(i);
    if (l.empty()) {
      continue;
    }
    std::size_t next = i + 1;
    while (next < lines.size() && line_at(next).empty()) {
      ++next;
    }
    const bool wraps = next == i + 1 && next < lines.size() &&
                       std::islower(static_cast<unsigned char>(line_at(next).front()));
    if (questions_detail::is_request_boilerplate(l) && next < lines.size()) {
      continue;  // "You asked for the following ...:", "Dear Sir/Madam"
    }
    if (ends_sentence(l) || wraps || next >= lines.size()) {
      begin = request.begin + lines[i].begin;
      break;
    }
  }
  Question q;
  q.n = 0;
  q.text_span = trimmed_span(text, begin, request.end);
  q.text = collapse_whitespace(text.substr(q.text_span.begin, q.text_span.end - q.text_span.begin));
  return q;
}

bool mostly_questions(const RequestSplit& split) {
  const auto asks = std::count_if(split.items.begin(), split.items.end(),
                                  [](const SplitItem& i) { return i.question_like; });
  return static_cast<std::size_t>(asks) * 2 >= split.items.size();
}

// Questions answered where they are asked (no separate response): "1. ... how many? 43".
std::vector<Question> interleaved(std::string_view text) {
  const RequestSplit split = questions_detail::split_items(text, 2);
  std::vector<Question> out;
  if (!split.marked || split.items.front().kind != MarkerKind::number || !mostly_questions(split)) {
    return out;
  }
  for (const SplitItem& item : split.items) {
    const std::string_view raw = text.substr(item.begin, item.end - item.begin);
    const std::size_t first_line = std::min(raw.find('\n'), raw.size());
    const std::size_t cut = questions_detail::inline_answer_start(raw.substr(0, first_line));
    Question q;
    q.n = item.n;
    if (cut < first_line) {
      q.text_span = trimmed_span(text, item.begin, item.begin + cut);
      q.text =
          collapse_whitespace(text.substr(q.text_span.begin, q.text_span.end - q.text_span.begin));
      const std::size_t end =
          questions_detail::response_footer_start(text, item.begin + cut, item.extent_end);
      set_answer(text, q, item.begin + cut, end);
    } else {
      // The answer is what follows the question's own lines, even when the question's
      // sub-items come after it ("1. ... during:" / refusal paragraph / "a) 2014/15 N/A").
      q.text = item.text;
      q.text_span = trimmed_span(text, item.begin, item.end);
      const std::size_t from = std::min(item.tail_begin, item.extent_end);
      const std::size_t end = questions_detail::response_footer_start(text, from, item.extent_end);
      set_answer(text, q, from, end);
    }
    out.push_back(std::move(q));
  }
  return out;
}

// "Request ... Reply" pages: each pair is one question unless its request is itself numbered.
std::vector<Question> from_pairs(std::string_view text, const DocumentRegions& regions) {
  std::vector<Question> out;
  int n = 0;
  for (const auto& pair : regions.pairs) {
    const std::string_view req =
        text.substr(pair.request.begin, pair.request.end - pair.request.begin);
    const RequestSplit split = questions_detail::split_items(req, 1);
    std::vector<Question> qs;
    if (split.marked && split.items.front().kind == MarkerKind::number) {
      for (const SplitItem& item : split.items) {
        qs.push_back(question_from(text, item, pair.request.begin));
        n = std::max(n, item.n);
      }
    } else if (!trim(req).empty()) {
      Question q = unitemised(text, pair.request);
      q.n = ++n;
      qs.push_back(std::move(q));
    }
    if (qs.size() == 1) {
      set_answer(text, qs.front(), pair.response.begin, pair.response.end);
    } else {
      align_answers(text, pair.response, qs);
    }
    out.insert(out.end(), qs.begin(), qs.end());
  }
  return out;
}

}  // namespace

std::vector<SplitQuestion> split_request(std::string_view request_text, std::size_t base_offset) {
  const RequestSplit split = questions_detail::split_items(request_text, 2);
  std::vector<SplitQuestion> out;
  out.reserve(split.items.size());
  for (const SplitItem& item : split.items) {
    const Span s = trimmed_span(request_text, item.begin, item.end);
    out.push_back({item.n, item.text, {base_offset + s.begin, base_offset + s.end}});
  }
  return out;
}

std::vector<Question> extract_questions(std::string_view text) {
  const DocumentRegions regions = questions_detail::locate_regions(text);
  if (regions.pairs.size() >= 2) {
    return from_pairs(text, regions);
  }
  if (regions.pairs.empty()) {
    return interleaved(text);
  }
  const auto& pair = regions.pairs.front();
  const std::string_view req =
      text.substr(pair.request.begin, pair.request.end - pair.request.begin);
  const RequestSplit split = questions_detail::split_items(req, 2);
  const bool uncertain =
      regions.source == RegionSource::fallback || regions.source == RegionSource::none;
  if (split.marked && (!uncertain || mostly_questions(split))) {
    std::vector<Question> qs;
    for (const SplitItem& item : split.items) {
      qs.push_back(question_from(text, item, pair.request.begin));
    }
    Region response = pair.response;
    if (response.empty()) {
      // The request was the whole first paragraph (a letter quoting it): the reply follows the
      // last question.
      const std::size_t from = qs.back().text_span.end;
      response = {from, questions_detail::response_footer_start(text, from, text.size())};
    }
    align_answers(text, response, qs);
    return qs;
  }
  if (uncertain || pair.request.empty()) {
    std::vector<Question> qs = interleaved(text);
    if (!qs.empty() || pair.request.empty()) {
      return qs;
    }
  }
  Question q = unitemised(text, pair.request);
  set_answer(text, q, pair.response.begin, pair.response.end);
  return {q};
}

}  // namespace foilog
