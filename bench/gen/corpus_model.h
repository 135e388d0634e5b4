// What the generator draws from, loaded once from the project's taxonomies (data/*.tsv through
// the indexer's own loaders): a fixed set of about 400 authorities with Zipfian popularity, the
// topics with the plain keyword phrases their rules match, the exemption provisions of each Act,
// and the background vocabulary.
#pragma once

#include <string>
#include <vector>

#include "common/zipf.h"
#include "gen/vocabulary.h"
#include "taxonomy/taxonomies.h"

namespace foilog::bench {

struct TopicPhrases {
  std::string id;
  std::string label;
  std::vector<std::string> phrases;  // keyword phrases without wildcards, positive weight
};

// Provisions a letter can cite for one Act, most commonly cited first.
struct ActProvisions {
  std::vector<const ExemptionInfo*> withholding;  // qualified and absolute exemptions
  std::vector<const ExemptionInfo*> ncnd;         // neither-confirm-nor-deny provisions
};

class CorpusModel {
 public:
  // Throws DataError (from the loaders) naming a missing or malformed file in data_dir.
  explicit CorpusModel(const std::filesystem::path& data_dir, std::size_t authorities = 400);

  [[nodiscard]] const Taxonomies& taxonomies() const { return taxonomies_; }
  [[nodiscard]] const AuthorityInfo& authority(Rng& rng) const;
  [[nodiscard]] const TopicPhrases& topic(Rng& rng) const;
  [[nodiscard]] const ActProvisions& provisions(const std::string& act) const;
  [[nodiscard]] const Vocabulary& vocabulary() const { return vocabulary_; }
  [[nodiscard]] std::size_t authority_count() const { return authorities_.size(); }

 private:
  Taxonomies taxonomies_;
  std::vector<const AuthorityInfo*> authorities_;  // in popularity order
  Zipf authority_rank_;
  std::vector<TopicPhrases> topics_;
  Zipf topic_rank_;
  ActProvisions foia_, foisa_, eir_;
  Vocabulary vocabulary_;
};

}  // namespace foilog::bench
