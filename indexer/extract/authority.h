// Which public authority published a response: an explicit --authority first, then the body the
// text itself speaks as (letterhead, "on behalf of", "X has considered your request", sign-off,
// copyright and charity footers), weighed against the site the page came from and the sender's
// e-mail domain; failing all that, a body name printed in the text that the table lacks.
#pragma once

#include <string>
#include <string_view>

#include "model/record.h"
#include "taxonomy/authority_table.h"

namespace foilog {

struct AuthorityHints {
  std::string default_authority;  // foilog index --authority NAME (explicit: wins)
  std::string source_url;         // the page the document was published at (provenance)
  std::string email_from;         // the e-mail From address or domain
};

struct AuthorityResult {
  std::string name;  // canonical name, or as printed when not in the table
  std::string id;    // empty when unknown
  bool known = false;
  std::string type;
  std::string country;
  Span span;  // the mention that decided it; empty when it came from a hint
};

// Pure: text in, result out. Aggregator sites (whatdotheyknow.com, ...) never name an authority.
[[nodiscard]] AuthorityResult extract_authority(std::string_view text, const AuthorityTable& table,
                                                const AuthorityHints& hints);

}  // namespace foilog
