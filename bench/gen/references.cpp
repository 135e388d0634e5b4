#include "gen/references.h"

#include <cstdio>
#include <functional>

namespace foilog::bench {
namespace {

std::string digits(Rng& rng, int width) {
  std::string s;
  for (int i = 0; i < width; ++i) {
    s += static_cast<char>('0' + rng.below(10));
  }
  return s;
}

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v % 100);
  return buf;
}

}  // namespace

std::string make_reference(const std::string& authority_id, const std::string& act,
                           const Date& received, Rng& rng) {
  const std::string yy = two(received.year);
  const std::string yyyy = std::to_string(received.year);
  if (act == "EIR" && rng.chance(0.5)) {
    return "EIR " + yyyy + "-" + digits(rng, 4);
  }
  // std::hash of a string is not specified across implementations; a fixed FNV-1a is.
  std::uint64_t h = 1469598103934665603ULL;
  for (const char c : authority_id) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  switch (h % 8) {
    case 0:
      return "FOI " + digits(rng, 6) + "-" + yy;
    case 1:
      return "FOI/" + yy + "/" + digits(rng, 5);
    case 2:
      // Numbers that read as years ("1998/18", "FOI 2019") are avoided: letters rarely use them
      // and nothing can tell them from a year.
      return std::to_string(rng.between(10, 1899)) + (rng.chance(0.3) ? "A" : "") + "/" + yy;
    case 3:
      return "RFI-" + yyyy + two(received.month) + "-" + two(rng.between(1, 40));
    case 4:
      return "FOI " + std::to_string(rng.between(2100, 29999));
    case 5:
      return std::to_string(rng.between(100, 999)) + "-" + yy;
    case 6:
      return "FOI-" + yyyy + "-" + digits(rng, 4);
    default:
      return "FOIR" + yy + digits(rng, 4);
  }
}

}  // namespace foilog::bench
