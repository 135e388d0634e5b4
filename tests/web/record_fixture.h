// Seeded synthetic records indexed into an in-memory Xapian database, for tests that compare
// the web layer's counts and figures with a brute-force computation over the same records.
// The mix covers what a hand-written corpus misses: no authority, several exemptions, none,
// no date, no working days.
#pragma once

#include <xapian.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "model/record.h"
#include "schema/schema.h"
#include "store/xapian_indexer.h"

namespace foilog::web {

struct Fixture {
  std::vector<Record> records;
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

inline Fixture make_fixture(unsigned seed, int n) {
  Fixture f;
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
  };
  const std::vector<std::string> authorities = {"kent-police", "leeds-city-council", "nhs-digital",
                                                ""};
  const std::vector<std::string> outcomes = {"granted", "refused", "partial", "not_held", "ncnd"};
  const std::vector<std::string> provisions = {"s31(1)(a)", "s31(1)(b)", "s40(2)", "s12", "s43(2)"};
  const std::vector<std::string> topics = {"it-cyber-security", "spending-finance", "housing"};
  const std::vector<std::string> words = {"firewall", "budget", "tenancy", "contract", "cyber"};
  XapianIndexer indexer;
  for (int i = 0; i < n; ++i) {
    Record r;
    r.authority_id = pick(authorities);
    r.authority = r.authority_id;
    r.authority_type =
        r.authority_id.empty() ? "" : (r.authority_id == "kent-police" ? "police" : "council");
    r.outcome = pick(outcomes);
    const int k = std::uniform_int_distribution<int>(0, 3)(rng);
    std::set<std::string> chosen;
    for (int e = 0; e < k; ++e) {
      chosen.insert(pick(provisions));
    }
    for (const auto& p : chosen) {
      ExemptionCitation c;
      c.provision = p;
      c.parent = schema::provision_parent(p);
      r.exemptions.push_back(c);
    }
    if (rng() % 2 == 0) {
      r.topics.push_back(pick(topics));
    }
    r.regimes.push_back(rng() % 4 == 0 ? "EIR" : "FOIA");
    if (rng() % 5 != 0) {
      r.date_responded.iso =
          "20" + std::to_string(18 + rng() % 4) + "-0" + std::to_string(1 + rng() % 9) + "-15";
    }
    r.text = "Letter " + std::to_string(i) + " about " + pick(words) + " and " + pick(words) + ".";
    Question q;
    q.n = 1;
    q.text = "What about " + pick(words) + "?";
    q.outcome = r.outcome;
    r.questions.push_back(q);
    f.records.push_back(r);
    indexer.replace(f.db, r, i + 1, "2024-01-01", false);
  }
  f.db.commit();
  return f;
}

}  // namespace foilog::web
