#include "timeline/TourPlaylist.h"

namespace corridor::timeline {

TourPlaylist::TourPlaylist(std::vector<Tour> tours, core::UtcMicros start)
    : tours_(std::move(tours)), start_(start), last_(start) {}

TourPlaylist::Moment TourPlaylist::at(core::UtcMicros now, double speed) {
  if (tours_.empty()) return {};
  if (now < last_) current_ = (current_ + 1) % tours_.size();
  last_ = now;
  return {&tours_[current_], current_, double(now - start_) / double(core::kMicrosPerSecond) / speed};
}

}  // namespace corridor::timeline
