// A small deterministic random source for the generator and the query mix. The standard
// library's distributions are implementation-defined, so the harness draws its own numbers from
// SplitMix64: the same seed gives the same corpus with any compiler or standard library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace foilog::bench {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  // A seed for stream `index` of `seed` (document i of a corpus), independent of other streams.
  static std::uint64_t derive(std::uint64_t seed, std::uint64_t index) {
    Rng r(seed ^ (0x9e3779b97f4a7c15ULL * (index + 1)));
    r.next();
    return r.next();
  }

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n); n > 0.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  // Uniform in [lo, hi].
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1)));
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
  std::string_view pick(std::initializer_list<std::string_view> v) {
    return *(v.begin() + below(v.size()));
  }

 private:
  std::uint64_t state_;
};

}  // namespace foilog::bench
