#include "common/zipf.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace foilog::bench {

Zipf::Zipf(std::size_t n, double exponent) {
  if (n == 0) {
    throw std::invalid_argument("Zipf: needs at least one rank");
  }
  cumulative_.reserve(n);
  double total = 0;
  for (std::size_t k = 0; k < n; ++k) {
    total += 1.0 / std::pow(static_cast<double>(k + 1), exponent);
    cumulative_.push_back(total);
  }
  for (double& c : cumulative_) {
    c /= total;
  }
}

std::size_t Zipf::sample(Rng& rng) const {
  const double u = rng.unit();
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  return std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()),
                               cumulative_.size() - 1);
}

}  // namespace foilog::bench
