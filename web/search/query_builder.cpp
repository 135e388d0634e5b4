#include "search/query_builder.h"

#include <cctype>

#include "schema/schema.h"
#include "search/wildcards.h"
#include "util/error.h"
#include "util/text.h"

namespace foilog::web {
namespace {

namespace prefix = schema::prefix;

// Boolean field values arrive as typed; these turn them into the stored term's form.
class MappedField : public Xapian::FieldProcessor {
 public:
  using Map = std::string (*)(std::string_view);
  MappedField(std::string_view term_prefix, Map map) : prefix_(term_prefix), map_(map) {}
  Xapian::Query operator()(const std::string& str) override {
    return Xapian::Query(prefix_ + map_(str));
  }

 private:
  std::string prefix_;
  Map map_;
};

std::string lower(std::string_view s) {
  return ascii_lower(trim(s));
}
std::string as_slug(std::string_view s) {
  return slugify(s);
}
std::string as_outcome(std::string_view s) {
  std::string out = ascii_lower(trim(s));
  for (char& c : out) {
    if (c == ' ' || c == '-') {
      c = '_';
    }
  }
  return out;
}
std::string as_regime(std::string_view s) {
  std::string out(trim(s));
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}
std::string as_reference(std::string_view s) {
  return schema::normalise_reference(s);
}
std::string as_provision(std::string_view s) {
  return canonical_provision(s);
}

std::string yyyymmdd(const std::string& iso) {
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

}  // namespace

std::string canonical_provision(std::string_view typed) {
  std::string s = ascii_lower(trim(typed));
  std::string out;
  for (const char c : s) {
    if (c != ' ' && c != '.') {
      out += c;
    }
  }
  for (const std::string_view word : {"section", "sec", "s"}) {
    if (out.compare(0, word.size(), word) == 0 && out.size() > word.size() &&
        std::isdigit(static_cast<unsigned char>(out[word.size()])) != 0) {
      return "s" + out.substr(word.size());
    }
  }
  for (const std::string_view word : {"regulation", "reg", "r"}) {
    if (out.compare(0, word.size(), word) == 0 && out.size() > word.size() &&
        std::isdigit(static_cast<unsigned char>(out[word.size()])) != 0) {
      return "reg" + out.substr(word.size());
    }
  }
  if (!out.empty() && std::isdigit(static_cast<unsigned char>(out[0])) != 0) {
    return "s" + out;
  }
  return out;
}

struct QueryBuilder::Processors {
  MappedField authority{prefix::kAuthority, as_slug};
  MappedField authority_type{prefix::kAuthorityType, as_outcome};
  MappedField exemption{prefix::kExemption, as_provision};
  MappedField topic{prefix::kTopic, as_slug};
  MappedField outcome{prefix::kOutcome, as_outcome};
  MappedField regime{prefix::kRegime, as_regime};
  MappedField year{prefix::kYear, lower};
  MappedField reference{prefix::kReference, as_reference};
  // Every document at this weight; filtered to the reference's term it lifts that letter above
  // any text match (BM25 weights here stay far below it). Lives as long as the builder, which
  // outlives every query it makes.
  Xapian::FixedWeightPostingSource reference_boost{1000.0};
};

QueryBuilder::QueryBuilder(const Xapian::Database& db) : QueryBuilder(db, db) {}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Xapian::Database& lexicon)
    : db_(db), processors_(std::make_unique<Processors>()) {
  qp_.set_database(lexicon);
  qp_.set_stemmer(Xapian::Stem("en"));
  qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp_.set_default_op(Xapian::Query::OP_AND);
  // `a*` must not expand to every word in the index.
  qp_.set_max_expansion(200, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  // Free text: words of the authority's name and of the title.
  qp_.add_prefix("authority", std::string(prefix::kAuthorityText));
  qp_.add_prefix("title", std::string(prefix::kTitle));
  // Boolean fields: a slug (authority_id:west-midlands-police) or a facet value.
  auto& p = *processors_;
  qp_.add_boolean_prefix("authority_id", &p.authority);
  qp_.add_boolean_prefix("type", &p.authority_type);
  qp_.add_boolean_prefix("authority_type", &p.authority_type);
  qp_.add_boolean_prefix("exemption", &p.exemption);
  qp_.add_boolean_prefix("topic", &p.topic);
  qp_.add_boolean_prefix("outcome", &p.outcome);
  qp_.add_boolean_prefix("regime", &p.regime);
  qp_.add_boolean_prefix("year", &p.year);
  qp_.add_boolean_prefix("ref", &p.reference);
}

QueryBuilder::~QueryBuilder() = default;

Xapian::Query QueryBuilder::parse_text(const std::string& q, std::string* corrected) {
  constexpr unsigned kFlags =
      Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
      Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
      Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
      Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;
  // Spelling correction costs more than the rest of a search (the benchmark's profile): only
  // when the caller wants the corrected string.
  const unsigned flags =
      corrected != nullptr ? kFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION : kFlags;
  Xapian::Query parsed;
  try {
    parsed = qp_.parse_query(q, flags);
  } catch (const Xapian::QueryParserError&) {
    // Unbalanced operators and the like: read the words as plain text rather than fail.
    try {
      parsed = qp_.parse_query(q, Xapian::QueryParser::FLAG_AUTO_SYNONYMS);
    } catch (const Xapian::QueryParserError& e) {
      throw UsageError(
          "q", "cannot be read as a search (" + e.get_msg() + "): check its quotes and brackets");
    }
  }
  if (corrected != nullptr) {
    *corrected = qp_.get_corrected_query_string();
  }
  return expand_wildcards(parsed, db_);
}

std::string QueryBuilder::suggest(const std::string& q) {
  std::string corrected;
  try {
    (void)parse_text(q, &corrected);
  } catch (const UsageError&) {
    return {};
  }
  return corrected == q ? std::string() : corrected;
}

BuiltQuery QueryBuilder::build(const SearchRequest& req) {
  BuiltQuery out;
  Xapian::Query text;
  if (req.q.empty()) {
    text = Xapian::Query::MatchAll;
    out.match_all = true;
  } else {
    text = parse_text(req.q);
    // A reference typed as printed ("FOI 003477-20", "FOI/AH/17/16") finds that letter first:
    // the exact XREF term joins the query with a weight no text match reaches.
    const std::string ref_term =
        std::string(prefix::kReference) + schema::normalise_reference(req.q);
    if (db_.term_exists(ref_term)) {
      out.reference = ref_term;
      text = Xapian::Query(
          Xapian::Query::OP_OR, text,
          Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(&processors_->reference_boost),
                        Xapian::Query(ref_term)));
    }
    if (text.empty()) {
      // Only stopwords or punctuation: nothing to look for.
      text = Xapian::Query::MatchNothing;
    }
  }
  const std::string type(req.mode == SearchMode::kQuestions ? schema::doc_type::kQuestion
                                                            : schema::doc_type::kDocument);
  out.type_term = std::string(prefix::kDocType) + type;
  out.sort_from = req.from.empty() ? std::string() : yyyymmdd(req.from);
  out.sort_to = req.to.empty() ? std::string() : yyyymmdd(req.to);
  Xapian::Query filter(out.type_term);
  if (!req.from.empty() && !req.to.empty()) {
    filter = Xapian::Query(Xapian::Query::OP_AND, filter,
                           Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::kSortDate,
                                         yyyymmdd(req.from), yyyymmdd(req.to)));
  } else if (!req.from.empty()) {
    filter = Xapian::Query(
        Xapian::Query::OP_AND, filter,
        Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot::kSortDate, yyyymmdd(req.from)));
  } else if (!req.to.empty()) {
    filter = Xapian::Query(
        Xapian::Query::OP_AND, filter,
        Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot::kSortDate, yyyymmdd(req.to)));
  }
  out.query = Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
  return out;
}

}  // namespace foilog::web
