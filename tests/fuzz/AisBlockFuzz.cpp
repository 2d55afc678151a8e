// An AIS archive's packed reports, as a damaged or hostile archive could hold them: the first two
// bytes are the row's report count, the rest its points blob. Decoding never reads out of
// bounds, and what it accepts holds exactly that many reports with valid positions.
#include <cstdlib>
#include <vector>

#include "io/AisBlock.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t count = std::size_t(data[0]) | std::size_t(data[1]) << 8;
  const std::string bytes(reinterpret_cast<const char*>(data + 2), size - 2);
  std::vector<corridor::io::AisPoint> points;
  const corridor::io::AisPoint proto{};
  if (!corridor::io::decodeAisBlock(bytes, 1654041600000000, count, proto, points)) {
    if (!points.empty()) std::abort();  // a refused block adds nothing
    return 0;
  }
  if (points.size() != count) std::abort();
  for (const corridor::io::AisPoint& point : points) {
    if (point.latE7 < -900000000 || point.latE7 > 900000000 || point.lonE7 < -1800000000 || point.lonE7 > 1800000000) {
      std::abort();
    }
  }
  return 0;
}
