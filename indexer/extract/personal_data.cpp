#include "extract/personal_data.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "util/regex.h"
#include "util/text.h"

namespace foilog {
namespace {

template <std::size_t N>
bool contains_any(std::string_view haystack, const std::array<std::string_view, N>& needles) {
  return std::any_of(needles.begin(), needles.end(), [&](std::string_view n) {
    return haystack.find(n) != std::string_view::npos;
  });
}

// Publishers mask addresses as "xxx@xxxxxx.xx.xx" or "[email]": nothing left to warn about.
bool is_masked(std::string_view part) {
  bool any_letter = false;
  for (char c : part) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '*' || c == '[' || c == '#') {
      return true;
    }
    if (std::isalpha(u) != 0) {
      any_letter = true;
      if (std::tolower(u) != 'x') {
        return false;
      }
    }
  }
  return any_letter;
}

std::string email_detail(const std::string& address) {
  const std::string local = ascii_lower(address.substr(0, address.find('@')));
  static const std::array<std::string_view, 24> kRoleWords = {"foi",         "freedomofinformation",
                                                              "information", "enquir",
                                                              "request",     "info",
                                                              "contact",     "dataprotection",
                                                              "dpo",         "records",
                                                              "complain",    "customer",
                                                              "press",       "media",
                                                              "admin",       "office",
                                                              "ceu",         "casework",
                                                              "governance",  "disclosure",
                                                              "access",      "team",
                                                              "service",     "help"};
  if (contains_any(local, kRoleWords)) {
    return "generic contact address (an organisation's, usually fine to publish): " + address;
  }
  static const Regex first_last(R"(^[a-z]+[._-][a-z]+[0-9]*$)");
  if (first_last.full_match(local)) {
    return "looks like a named person's address: " + address;
  }
  return "e-mail address: " + address;
}

void find_emails(std::string_view text, std::vector<Warning>& out) {
  static const Regex email(R"([A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)");
  const std::string s(text);
  for (const RegexMatch& found : email.find_all(s)) {
    std::string address = found.str();
    while (!address.empty() && (address.back() == '.' || address.back() == '-')) {
      address.pop_back();  // sentence full stop after the address
    }
    const auto at = address.find('@');
    if (is_masked(address.substr(0, at)) || is_masked(address.substr(at + 1))) {
      continue;
    }
    const auto begin = static_cast<std::size_t>(found.position());
    out.push_back({"email", email_detail(address), {begin, begin + address.size()}});
  }
}

// UK numbers: 0 then 9-10 more digits (+44 in place of the 0), grouped by spaces, hyphens or
// brackets: "0303 123 1113", "(01625) 545 700", "+44 (0)7700 900123".
void find_phones(std::string_view text, std::vector<Warning>& out) {
  static const Regex candidate(R"((\+44\s?(\(0\)\s?)?|\(?0)\d[\d \-()]{7,16}\d)");
  const std::string s(text);
  for (const RegexMatch& found : candidate.find_all(s)) {
    const auto begin = static_cast<std::size_t>(found.position());
    if (begin > 0) {
      const auto prev = static_cast<unsigned char>(s[begin - 1]);
      if (std::isalnum(prev) != 0 || prev == '/' || prev == '-' || prev == '.') {
        continue;  // part of a reference, date or code
      }
    }
    std::string match = found.str();
    // Drop trailing groups until the digits make a UK number (a year may follow the number).
    while (true) {
      std::string digits;
      for (char c : match) {
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
          digits += c;
        }
      }
      if (digits.starts_with("440")) {
        digits = digits.substr(2);  // +44 (0)...
      } else if (digits.starts_with("44")) {
        digits = "0" + digits.substr(2);
      }
      const bool valid = (digits.size() == 10 || digits.size() == 11) && digits[0] == '0' &&
                         std::string_view("12378").find(digits[1]) != std::string_view::npos;
      if (valid) {
        std::string detail = "phone number: ";
        if (digits[1] == '7') {
          detail = "mobile number: ";
        } else if (digits[1] == '3' || digits[1] == '8') {
          detail = "non-geographic number (usually an organisation's line): ";
        }
        out.push_back({"phone", detail + match, {begin, begin + match.size()}});
        break;
      }
      const auto cut = match.find_last_of(" -");
      if (cut == std::string::npos || digits.size() < 10) {
        break;
      }
      match = match.substr(0, cut);
      while (!match.empty() && (match.back() == ' ' || match.back() == '-')) {
        match.pop_back();
      }
    }
  }
}

// National Insurance numbers: two prefix letters (not D, F, I, Q, U, V; second not O; not the
// unused prefixes), six digits, suffix A-D. "QQ 12 34 56 C" is HMRC's example and not valid.
void find_ni_numbers(std::string_view text, std::vector<Warning>& out) {
  static const Regex ni(R"(\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b)");
  static const std::array<std::string_view, 7> kUnused = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"};
  const std::string s(text);
  for (const RegexMatch& found : ni.find_all(s)) {
    const std::string prefix = found.str(1);
    if (std::find(kUnused.begin(), kUnused.end(), prefix) != kUnused.end()) {
      continue;
    }
    const auto begin = static_cast<std::size_t>(found.position());
    out.push_back({"ni_number",
                   "National Insurance number: " + found.str(),
                   {begin, begin + found.length()}});
  }
}

bool is_title(std::string_view w) {
  static const std::array<std::string_view, 10> kTitles = {
      "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"};
  const std::string lw = ascii_lower(w);
  return std::find(kTitles.begin(), kTitles.end(), lw) != kTitles.end();
}

bool is_capitalised_name_word(std::string_view w) {
  if (w.empty() || std::isupper(static_cast<unsigned char>(w.front())) == 0) {
    return false;
  }
  return std::all_of(w.begin(), w.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) != 0 || c == '-' || c == '\'' || u >= 0x80;
  });
}

// "Dear Mr Heenan", "Dear Tarquin" greet a private person; "Dear Sir/Madam", "Dear Requester",
// "Dear [REDACTED]", "Dear Shropshire Fire and Rescue Service" do not.
void find_private_names(std::string_view text, std::vector<Warning>& out) {
  static const Regex dear(R"(\b(Dear|DEAR)[ \t]+([^,\n:;]{1,60}))");
  static const std::array<std::string_view, 5> kRedactionMarks = {"[", "<", "*", "xxx", "redact"};
  // Whole words that greet a role rather than a person.
  static const std::array<std::string_view, 31> kRoleWords = {
      "sir",      "madam",         "sirs",      "requester", "requestor",  "applicant",
      "enquirer", "name",          "customer",  "colleague", "colleagues", "all",
      "team",     "friend",        "friends",   "resident",  "residents",  "member",
      "public",   "correspondent", "recipient", "user",      "citizen",    "complainant",
      "person",   "whom",          "or",        "foi",       "officer",    "manager",
      "withheld"};
  // Word beginnings of organisations ("Dear Shropshire Fire and Rescue Service").
  static const std::array<std::string_view, 19> kOrganisationWords = {
      "service",    "council",   "police",       "trust",  "constabular", "department", "office",
      "government", "authority", "commissioner", "board",  "universit",   "federation", "fire",
      "nhs",        "ltd",       "limited",      "agency", "hospital"};
  const std::string s(text);
  for (const RegexMatch& found : dear.find_all(s)) {
    std::string greeting = found.str(2);
    // {1,60} counts bytes, so a name in non-ASCII letters can end mid-character; the span and
    // the detail (kept as JSON, which must be UTF-8) end at the last whole one (found by fuzzing).
    while (!greeting.empty() && !is_valid_utf8(greeting)) {
      greeting.pop_back();
    }
    while (!greeting.empty() && (std::isspace(static_cast<unsigned char>(greeting.back())) != 0 ||
                                 greeting.back() == '.' || greeting.back() == '!')) {
      greeting.pop_back();
    }
    if (greeting.empty() || contains_any(ascii_lower(greeting), kRedactionMarks)) {
      continue;
    }
    std::string spaced = greeting;
    std::replace(spaced.begin(), spaced.end(), '/', ' ');
    std::vector<std::string> words;
    for (const auto& w : split(collapse_whitespace(spaced), ' ')) {
      words.push_back(w);
    }
    const bool not_a_person = std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      const std::string lw = ascii_lower(w);
      return std::find(kRoleWords.begin(), kRoleWords.end(), lw) != kRoleWords.end() ||
             std::any_of(kOrganisationWords.begin(), kOrganisationWords.end(),
                         [&](std::string_view o) { return lw.starts_with(o); });
    });
    if (not_a_person || words.size() > 4) {
      continue;
    }
    // A title and a name, or one to three capitalised words.
    const bool titled = words.size() >= 2 && is_title(words[0]);
    const bool names =
        std::all_of(words.begin() + (titled ? 1 : 0), words.end(),
                    [](const std::string& w) { return is_capitalised_name_word(w); });
    if (!names || (!titled && words.size() > 3)) {
      continue;
    }
    const auto begin = static_cast<std::size_t>(found.position(2));
    out.push_back({"private_name",
                   "requester greeted by name: " + greeting,
                   {begin, begin + greeting.size()}});
  }
}

}  // namespace

std::vector<Warning> find_personal_data(std::string_view text) {
  std::vector<Warning> warnings;
  find_emails(text, warnings);
  find_phones(text, warnings);
  find_ni_numbers(text, warnings);
  find_private_names(text, warnings);
  std::stable_sort(warnings.begin(), warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.span.begin < b.span.begin; });
  return warnings;
}

}  // namespace foilog
