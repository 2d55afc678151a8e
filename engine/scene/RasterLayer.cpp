#include "scene/RasterLayer.h"

#include <atomic>

namespace corridor::scene {

std::uint64_t newRasterLayerId() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

}  // namespace corridor::scene
