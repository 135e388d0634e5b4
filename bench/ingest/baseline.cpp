#include "ingest/baseline.h"

#include <xapian.h>

#include "common/process_stats.h"
#include "common/timer.h"
#include "ingest/ingester.h"
#include "readers/sandbox.h"

namespace foilog::bench {

BaselineResult run_baseline(const std::filesystem::path& source,
                            const std::filesystem::path& scratch_dir, std::size_t batch_size,
                            bool positions) {
  BaselineResult r;
  std::filesystem::remove_all(scratch_dir);
  {
    Xapian::WritableDatabase db(scratch_dir.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("en"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    std::size_t in_batch = 0;
    for (const auto& file : collect_documents({source})) {
      DocumentText text;
      try {
        text = read_document_sandboxed(file);
      } catch (const std::exception&) {
        continue;  // run_ingest() reports failures
      }
      r.bytes += text.text.size();
      const double cpu_start = thread_cpu_seconds();
      Xapian::Document doc;
      {
        const Accumulator::Scope t(r.term_generation);
        tg.set_document(doc);
        if (positions) {
          tg.index_text(text.text);
        } else {
          tg.index_text_without_positions(text.text);
        }
      }
      {
        const Accumulator::Scope t(r.writer);
        db.add_document(doc);
      }
      ++r.docs;
      if (++in_batch >= batch_size) {
        const Accumulator::Scope t(r.commit);
        db.commit();
        in_batch = 0;
      }
      r.cpu += thread_cpu_seconds() - cpu_start;
    }
    const double cpu_start = thread_cpu_seconds();
    const Accumulator::Scope t(r.commit);
    db.commit();
    r.cpu += thread_cpu_seconds() - cpu_start;
  }
  r.wall = r.term_generation + r.writer + r.commit;
  r.xapian_bytes = disk_usage_bytes(scratch_dir);
  std::filesystem::remove_all(scratch_dir);
  return r;
}

}  // namespace foilog::bench
