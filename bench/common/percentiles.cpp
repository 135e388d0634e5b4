#include "common/percentiles.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace foilog::bench {
namespace {

double rank(const std::vector<double>& sorted, double p) {
  const auto n = static_cast<double>(sorted.size());
  const auto r = static_cast<std::size_t>(std::max(1.0, std::ceil(p * n)));
  return sorted[std::min(r, sorted.size()) - 1];
}

}  // namespace

LatencySummary summarise(std::vector<double> seconds) {
  LatencySummary s;
  if (seconds.empty()) {
    return s;
  }
  std::sort(seconds.begin(), seconds.end());
  s.count = seconds.size();
  s.p50 = rank(seconds, 0.50);
  s.p95 = rank(seconds, 0.95);
  s.p99 = rank(seconds, 0.99);
  s.max = seconds.back();
  s.mean = std::accumulate(seconds.begin(), seconds.end(), 0.0) / static_cast<double>(s.count);
  return s;
}

double median(std::vector<double> values) {
  if (values.empty()) {
    return 0;
  }
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace foilog::bench
