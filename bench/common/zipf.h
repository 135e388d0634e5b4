// Zipf's law over ranks 0..n-1: P(rank k) proportional to 1 / (k + 1)^s. Sampled by binary
// search over the cumulative weights, so a draw costs O(log n).
#pragma once

#include <cstddef>
#include <vector>

#include "common/rng.h"

namespace foilog::bench {

class Zipf {
 public:
  Zipf(std::size_t n, double exponent);
  [[nodiscard]] std::size_t sample(Rng& rng) const;
  [[nodiscard]] std::size_t size() const { return cumulative_.size(); }

 private:
  std::vector<double> cumulative_;
};

}  // namespace foilog::bench
