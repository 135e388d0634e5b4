// Wall-clock timing: a stopwatch and an accumulator that sums the time spent inside scopes.
#pragma once

#include <chrono>

namespace foilog::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Adds the lifetime of each Scope to `total` (seconds).
class Accumulator {
 public:
  class Scope {
   public:
    explicit Scope(double& total) : total_(total), start_(Clock::now()) {}
    ~Scope() { total_ += seconds_since(start_); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    double& total_;
    Clock::time_point start_;
  };
};

}  // namespace foilog::bench
