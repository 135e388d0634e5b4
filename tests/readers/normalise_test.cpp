#include "readers/normalise.h"

#include <gtest/gtest.h>

#include "util/text.h"

namespace foilog {
namespace {

struct NormaliseRow {
  const char* input;
  const char* expected;
  const char* why;
};

TEST(NormaliseText, CleansWhitespaceAndControlCharacters) {
  const NormaliseRow rows[] = {
      {"Dear Sir\r\nThank you\r\n", "Dear Sir\nThank you", "CRLF line ends"},
      {"line one\rline two", "line one\nline two", "old Mac CR line ends"},
      {"\xC2\xA3"
       "450\xC2\xA0limit",
       "\xC2\xA3"
       "450 limit",
       "NBSP becomes a space"},
      {"section\xE2\x80\xAF"
       "12",
       "section 12", "narrow no-break space"},
      {"FOI\xE2\x80\x8B 2289", "FOI 2289", "zero-width space removed"},
      {"in\xC2\xAD"
       "formation",
       "information", "soft hyphen removed"},
      {"bell\x07 and esc\x1B gone\tkept", "bell and esc gone\tkept", "controls dropped, tab kept"},
      {"page one\fpage two", "page one\npage two", "form feed ends a line"},
      {"\xE2\x80\x98quoted\xE2\x80\x99 \xE2\x80\x93 dash",
       "\xE2\x80\x98quoted\xE2\x80\x99 \xE2\x80\x93 dash", "curly quotes and dashes kept"},
      {"a\n\n\n\n\nb", "a\n\nb", "at most one blank line"},
      {"\n\n  \nfirst   \nlast\n\n", "first\nlast",
       "leading/trailing blank lines and trailing spaces"},
      {"\xEF\xBB\xBFReference", "Reference", "BOM removed"},
  };
  for (const auto& row : rows) {
    const std::string out = normalise_text(row.input);
    EXPECT_EQ(out, row.expected) << row.why;
    EXPECT_TRUE(is_valid_utf8(out)) << row.why;
  }
}

TEST(CollapseDoubledPhrase, CollapsesOnlyMultiWordRepeats) {
  const NormaliseRow rows[] = {
      // data/seeds/004_c7657b710c87aae1.txt line 1 (letterhead drawn twice)
      {"OFFICE OF THE IMMIGRATION SERVICES COMMISSIONER OFFICE OF THE IMMIGRATION SERVICES "
       "COMMISSIONER",
       "OFFICE OF THE IMMIGRATION SERVICES COMMISSIONER", "doubled letterhead"},
      {"Information Governance  Information Governance", "Information Governance",
       "double space between copies"},
      {"No No", "No No", "single-word cells stay"},
      {"Yes Yes Yes Yes", "Yes Yes", "a two-word phrase repeated"},
      {"Freedom of Information Freedom of Info", "Freedom of Information Freedom of Info",
       "not an exact repeat"},
      {"  Police Scotland Police Scotland", "  Police Scotland", "indentation kept"},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(collapse_doubled_phrase(row.input), row.expected) << row.why;
  }
  EXPECT_EQ(normalise_text("OFFICE OF X OFFICE OF X\nbody"), "OFFICE OF X\nbody");
}

}  // namespace
}  // namespace foilog
