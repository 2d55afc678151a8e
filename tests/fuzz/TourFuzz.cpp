// The camera tour reader, keyframe times mapped onto a one-minute video of one day.
#include "FuzzInput.h"
#include "app/TourFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const corridor::fuzz::ScratchFile file(corridor::fuzz::scratchPath("tour.toml"), data, size);
  constexpr corridor::core::UtcMicros kStart = 1654041600LL * 1000000, kDay = 86400LL * 1000000;
  (void)corridor::app::loadTour(file.path(), [](corridor::core::UtcMicros t) -> std::optional<double> {
    if (t < kStart || t > kStart + kDay) return std::nullopt;
    return double(t - kStart) / double(kDay) * 60.0;
  });
  return 0;
}
