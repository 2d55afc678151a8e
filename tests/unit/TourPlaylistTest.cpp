#include "timeline/TourPlaylist.h"

#include <gtest/gtest.h>

namespace corridor::timeline {
namespace {

constexpr core::UtcMicros kStart = 2'000'000'000LL * core::kMicrosPerSecond;
constexpr core::UtcMicros kHour = 3600LL * core::kMicrosPerSecond;

Tour captioned(const std::string& caption) {
  TourKeyframe keyframe;
  keyframe.caption = caption;
  return Tour({keyframe});
}

TEST(TourPlaylist, EachWrapOfTheClockPlaysTheNextTourAndTheLastLeadsToTheFirst) {
  TourPlaylist playlist({captioned("one"), captioned("two")}, kStart);
  const std::vector<std::pair<core::UtcMicros, std::string>> steps = {
      {kStart, "one"}, {kStart + kHour, "one"}, {kStart + 5 * kHour, "one"},  // plays on
      {kStart + kHour / 2, "two"}, {kStart + 3 * kHour, "two"},               // wrapped
      {kStart, "one"}};                                                        // and again
  for (const auto& [now, caption] : steps) {
    const TourPlaylist::Moment moment = playlist.at(now, 3600.0);
    ASSERT_NE(moment.tour, nullptr);
    EXPECT_EQ(moment.tour->captionAt(moment.seconds), caption);
  }
}

TEST(TourPlaylist, TourTimeIsClockTimeOverTheSpeed) {
  TourPlaylist playlist({captioned("one")}, kStart);
  EXPECT_DOUBLE_EQ(playlist.at(kStart + 2 * kHour, 3600.0).seconds, 2.0);  // an hour a second
  EXPECT_DOUBLE_EQ(playlist.at(kStart + 2 * kHour, 60.0).seconds, 120.0);
  EXPECT_EQ(TourPlaylist({}, kStart).at(kStart, 1.0).tour, nullptr);
}

}  // namespace
}  // namespace corridor::timeline
