#include "gen/vocabulary.h"

#include <cctype>
#include <iterator>
#include <unordered_set>

namespace foilog::bench {
namespace {

// Ranked by rough frequency in English prose; FOI-neutral (see vocabulary.h).
constexpr std::string_view kHead[] = {
    "the",         "of",          "and",          "to",          "in",           "a",
    "is",          "for",         "that",         "on",          "with",         "as",
    "by",          "this",        "be",           "are",         "which",        "from",
    "at",          "or",          "an",           "it",          "we",           "our",
    "these",       "has",         "have",         "its",         "their",        "also",
    "any",         "all",         "more",         "such",        "other",        "into",
    "each",        "when",        "where",        "there",       "been",         "can",
    "will",        "would",       "may",          "should",      "within",       "between",
    "across",      "through",     "under",        "over",        "about",        "both",
    "service",     "services",    "local",        "public",      "area",         "team",
    "staff",       "work",        "support",      "system",      "process",      "policy",
    "council",     "community",   "residents",    "people",      "members",      "group",
    "board",       "officer",     "manager",      "director",    "programme",    "project",
    "plan",        "planning",    "strategy",     "approach",    "practice",     "guidance",
    "standards",   "quality",     "performance",  "delivery",    "development",  "management",
    "operational", "corporate",   "partners",     "partnership", "arrangements", "resources",
    "capacity",    "demand",      "provision",    "activity",    "activities",   "programmes",
    "schemes",     "scheme",      "site",         "sites",       "building",     "buildings",
    "premises",    "equipment",   "vehicles",     "network",     "networks",     "systems",
    "processes",   "procedures",  "controls",     "measures",    "priorities",   "objectives",
    "outcomes",    "improvement", "improvements", "changes",     "change",       "assessment",
    "assessments", "monitoring",  "reporting",    "oversight",   "governance",   "framework",
    "structure",   "structures",  "functions",    "function",    "role",         "roles",
    "teams",       "units",       "unit",         "departments", "department",   "directorate",
    "division",    "region",      "regional",     "national",    "county",       "district",
    "borough",     "city",        "town",         "village",     "ward",         "neighbourhood",
    "street",      "road",        "roads",        "routes",      "centre",       "centres",
    "office",      "offices",     "depot",        "station",     "stations",     "facility",
    "facilities",  "contractors", "suppliers",    "providers",   "agencies",     "organisations",
    "bodies",      "authorities", "stakeholders", "colleagues",  "users",        "customers",
    "visitors",    "families",    "children",     "adults",      "patients",     "pupils",
    "students",    "tenants",     "owners",       "drivers",     "figures",      "data",
    "records",     "information", "details",      "documents",   "reports",      "report",
    "summary",     "analysis",    "evidence",     "findings",    "level",        "levels",
    "rate",        "rates",       "volume",       "range",       "period",       "periods",
    "year",        "years",       "quarter",      "weeks",       "annual",       "regular",
    "current",     "previous",    "recent",       "future",      "overall",      "general",
    "specific",    "relevant",    "appropriate",  "available",   "additional",   "existing",
    "new",         "main",        "key",          "wider",       "significant",  "particular",
    "individual",  "internal",    "external",     "joint",       "effective",    "efficient",
    "consistent",  "responsible", "accountable",  "independent", "ensure",       "maintain",
    "manage",      "deliver",     "develop",      "improve",     "continue",     "consider",
    "identify",    "include",     "includes",     "including",   "reflect",      "set",
    "sets",        "carried",     "undertaken",   "based",       "used",         "using",
    "made",        "taken",       "given",        "shown",       "kept",         "agreed",
    "approved",    "established", "introduced",   "updated",     "safety",       "health",
    "wellbeing",   "training",    "learning",     "awareness",   "contract",     "budget",
};

constexpr std::string_view kOnsets[] = {"b",  "c",  "d",  "f",  "g",  "h", "l", "m",
                                        "n",  "p",  "r",  "s",  "t",  "v", "w", "br",
                                        "cl", "dr", "gr", "pl", "st", "tr"};
constexpr std::string_view kVowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "y"};
constexpr std::string_view kCodas[] = {"", "", "n", "r", "s", "l", "t", "m", "nd", "st"};

std::string made_up_word(Rng& rng) {
  std::string w;
  const int syllables = rng.between(2, 3);
  for (int i = 0; i < syllables; ++i) {
    w += kOnsets[rng.below(std::size(kOnsets))];
    w += kVowels[rng.below(std::size(kVowels))];
    w += kCodas[rng.below(std::size(kCodas))];
  }
  return w;
}

}  // namespace

Vocabulary::Vocabulary(std::size_t tail_words, double exponent)
    : zipf_(std::size(kHead) + tail_words, exponent) {
  words_.reserve(std::size(kHead) + tail_words);
  std::unordered_set<std::string> seen;
  for (const auto w : kHead) {
    words_.emplace_back(w);
    seen.emplace(w);
  }
  Rng rng(0x666f696c6f67ULL);  // fixed: the vocabulary does not depend on the corpus seed
  while (words_.size() < std::size(kHead) + tail_words) {
    std::string w = made_up_word(rng);
    if (w.size() >= 5 && seen.insert(w).second) {
      words_.push_back(std::move(w));
    }
  }
}

std::string Vocabulary::sentence(Rng& rng, int min_words, int max_words) const {
  const int n = rng.between(min_words, max_words);
  std::string s;
  const std::string* previous = nullptr;
  for (int i = 0; i < n; ++i) {
    const std::string* w = &word(rng);
    while (w == previous) {  // "the the" reads as a typo
      w = &word(rng);
    }
    previous = w;
    if (i > 0) {
      s += ' ';
      if (rng.chance(0.04)) {
        s.back() = ',';
        s += ' ';
      }
    }
    s += *w;
  }
  s.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(s.front())));
  s += '.';
  return s;
}

std::string Vocabulary::paragraph(Rng& rng, std::size_t bytes) const {
  std::string p;
  while (p.size() < bytes) {
    if (!p.empty()) {
      p += ' ';
    }
    p += sentence(rng, 8, 24);
  }
  return p;
}

}  // namespace foilog::bench
