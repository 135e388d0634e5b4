// Which access regimes a response is made under, from how the Acts are named.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace foilog {

// "FOIA", "EIR", "FOISA", "EIRS", "DPA" (in that order), each at most once. Counted wherever the
// text names the Act (boilerplate included): "Freedom of Information Act 2000", "FOIA", "FOI
// Act"; "Environmental Information Regulations 2004", "the EIR"; "Freedom of Information
// (Scotland) Act 2002", "FOISA"; "Environmental Information (Scotland) Regulations", "EIRs" in a
// Scottish document; "Data Protection Act 2018", "DPA", "UK GDPR", "subject access request".
// Not counted: "Freedom of Information request" and "FOI" alone (no Act named), "FOI and EIR
// Disclosure Log" (a page name), "Data Protection responsibilities".
[[nodiscard]] std::vector<std::string> extract_regimes(std::string_view text);

// The regime the law implies when the letter names no Act: a reply that calls itself a "Freedom
// of Information request/response" (or "FOI request") is made under the FOI law of the
// authority's country: FOISA in Scotland, FOIA elsewhere in the UK. Returns `found` unchanged
// when it already holds an access regime (FOIA, EIR, FOISA, EIRS) or the text never says FOI.
[[nodiscard]] std::vector<std::string> with_implied_regime(std::vector<std::string> found,
                                                           std::string_view text,
                                                           std::string_view authority_country);

}  // namespace foilog
