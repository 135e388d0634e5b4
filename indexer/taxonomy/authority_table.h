// The UK public authorities foilog knows (data/authorities.tsv): canonical names, the other ways
// documents spell them, their type, country and the web domains they publish on. Lets every
// layer agree that "IPSA", "East Herts Council" or "The Royal Surrey County Hospital" name the
// same body as the canonical entry.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace foilog {

struct AuthorityInfo {
  std::string id;  // slug, stable, e.g. "norfolk-and-suffolk-constabularies"
  std::string name;
  std::vector<std::string> aliases;
  std::string type;  // police, council, nhs, central_government, fire, education, regulator, other
  std::string country;               // england, wales, scotland, northern_ireland, uk
  std::vector<std::string> domains;  // web domains the authority publishes on
};

// One way of writing an authority's name, as the words documents are matched by.
struct AuthorityName {
  std::vector<std::string> words;  // split_name_words() of the name, without a leading "the"
  std::string printed;             // as written in the table ("IPSA", "East Herts Council")
  std::size_t authority = 0;       // index into AuthorityTable::all()
  // Short all-capitals aliases ("IPSA", "WMP") only match when printed in capitals too, so that
  // they are not confused with ordinary words.
  bool acronym = false;
};

class AuthorityTable {
 public:
  // Columns: id, name, aliases (| separated), type, country, domains (| separated). A header
  // line starting with "id<TAB>", blank lines and lines starting with '#' are skipped. Throws
  // DataError naming source_name and the line for malformed rows, unknown types or countries,
  // and ids, names/aliases (after normalise_name) or domains claimed by two rows.
  static AuthorityTable parse(std::string_view tsv, const std::string& source_name);
  // parse() of a file; DataError naming the file when it cannot be read.
  static AuthorityTable load(const std::filesystem::path& tsv_file);

  [[nodiscard]] const AuthorityInfo* by_id(std::string_view id) const;
  // Name or alias, insensitive to case, spacing, punctuation, '&'/'and' and a leading "The".
  [[nodiscard]] const AuthorityInfo* resolve(std::string_view name) const;
  // "www.foo.gov.uk" (or a whole URL) -> the authority whose domain is the longest suffix of the
  // host on a label boundary; nullptr when none.
  [[nodiscard]] const AuthorityInfo* by_domain(std::string_view host) const;
  [[nodiscard]] const std::vector<AuthorityInfo>& all() const { return entries_; }
  // Every name and alias, for finding mentions in text.
  [[nodiscard]] const std::vector<AuthorityName>& names() const { return names_; }

 private:
  void add(AuthorityInfo info, const std::string& where);

  std::vector<AuthorityInfo> entries_;
  std::vector<AuthorityName> names_;
  std::unordered_map<std::string, std::size_t> index_by_id_;
  std::unordered_map<std::string, std::size_t> index_by_name_;    // normalise_name() keys
  std::unordered_map<std::string, std::size_t> index_by_domain_;  // lower-case domains
};

// The host of a URL ("https://www.x.gov.uk/a?b" -> "www.x.gov.uk"), lower-cased; a bare host is
// returned lower-cased. Empty when there is none ("seed 000.txt").
[[nodiscard]] std::string url_host(std::string_view url);

}  // namespace foilog
