// E-mail (.eml): FOI responses are often sent, and saved, as an e-mail with the letter attached.
#pragma once

#include <string>
#include <string_view>

#include "model/record.h"

namespace foilog {

// metadata email.from, email.to, email.subject, email.date (ISO YYYY-MM-DD); title = Subject;
// text = the text/plain body, else the HTML body through the HTML reader; PDF, DOCX, text and
// HTML attachments are read too and appended after a line "--- attachment: NAME ---".
// An attachment that cannot be read adds a note instead of failing the whole e-mail.
[[nodiscard]] DocumentText read_email(std::string_view bytes, const std::string& filename);

}  // namespace foilog
