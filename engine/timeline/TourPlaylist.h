#pragma once
// Tours played one after another over the same stretch of scenario time, for an unattended
// presentation loop: the next tour each time the clock wraps round to the start.
#include <cstddef>
#include <vector>

#include "core/Time.h"
#include "timeline/Tour.h"

namespace corridor::timeline {

class TourPlaylist {
 public:
  // `tours` in playing order, in video seconds from `start`, the clock's start.
  TourPlaylist(std::vector<Tour> tours, core::UtcMicros start);

  bool empty() const { return tours_.empty(); }
  struct Moment {
    const Tour* tour = nullptr;  // null for an empty playlist
    std::size_t index = 0;
    double seconds = 0;  // the tour's time
  };
  // The tour at clock time `now` played at `speed` scenario seconds per second; a clock that
  // went back (wrapped round, or was sent back) starts the next tour.
  Moment at(core::UtcMicros now, double speed);

 private:
  std::vector<Tour> tours_;
  core::UtcMicros start_ = 0, last_ = 0;
  std::size_t current_ = 0;
};

}  // namespace corridor::timeline
