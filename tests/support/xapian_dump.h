// Everything a search can see of a Xapian database, as text, to compare two indexes exactly:
// each document's data, values and terms with wdf and positions (by docid, so the order the
// documents were added in counts too), the spelling table with frequencies, and the statistics.
#pragma once

#include <xapian.h>

#include <sstream>
#include <string>

namespace foilog::testing {

inline std::string dump_xapian(const Xapian::Database& db) {
  std::ostringstream out;
  out << "docs " << db.get_doccount() << " lastdocid " << db.get_lastdocid() << " length "
      << db.get_total_length() << "\n";
  for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
    const Xapian::Document doc = db.get_document(*d);
    out << "doc " << *d << " data " << doc.get_data() << "\n";
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
      out << " value " << v.get_valueno() << "=" << *v << "\n";
    }
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      out << " term " << *t << " wdf " << t.get_wdf() << " pos";
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
        out << " " << *p;
      }
      out << "\n";
    }
  }
  for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) {
    out << "spelling " << *s << " " << s.get_termfreq() << "\n";
  }
  return out.str();
}

}  // namespace foilog::testing
