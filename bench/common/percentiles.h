// Latency summaries: nearest-rank percentiles over a sample of durations.
#pragma once

#include <vector>

namespace foilog::bench {

struct LatencySummary {
  std::size_t count = 0;
  double p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0;  // seconds
};

// Nearest-rank percentiles (the value at rank ceil(p * n)); all zero for an empty sample.
[[nodiscard]] LatencySummary summarise(std::vector<double> seconds);

// The median of a sample (mean of the two middle values for an even count); 0 when empty.
[[nodiscard]] double median(std::vector<double> values);

}  // namespace foilog::bench
