// The questions of an FOI request and the answer given to each. Pure functions over the
// normalised document text; spans are byte offsets into it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace foilog {

struct SplitQuestion {
  int n = 0;  // 1-based: the requester's number when the request is numbered, else the order
  std::string text;
  Span span;  // base_offset + byte offsets into request_text
};

// Splits a request (free text as a requester writes it: numbered "1.", "1)", "Q1)", "(a)",
// bulleted "-", "•", "*", lines) into its questions; shared with the pre-filing check page,
// which feeds it a draft request. Drops boilerplate that is not a question ("Under the Freedom of
// Information Act please provide the following", "Dear Sir/Madam", "Yours faithfully").
// Sub-items ("(a)" under "1.", bullets under a numbered question) stay part of their question;
// run-on numbering on one line ("1. Cost ... 2. How many ...") is split.
[[nodiscard]] std::vector<SplitQuestion> split_request(std::string_view request_text,
                                                       std::size_t base_offset = 0);

// Finds the request inside a response document and its questions, and aligns each with its
// answer: by number where answers are numbered ("1.", "Q1)", "Question 1", answers repeating the
// question text, "Request ... Reply" pairs), else by order. Itemised questions get n >= 1; an
// unitemised request gives exactly one Question with n == 0 (text = the request, answer = the
// response body); no request found -> empty vector. `outcome` and `exemptions` are left for
// classify_outcome().
[[nodiscard]] std::vector<Question> extract_questions(std::string_view text);

}  // namespace foilog
