// AIS read windows: widening and back, and the nearest reports a drawing keeps of the margins.
#include <gtest/gtest.h>

#include <algorithm>

#include "io/AisWindow.h"

namespace corridor::io {
namespace {

constexpr core::UtcMicros kMinute = 60 * core::kMicrosPerSecond;

AisPoint report(std::uint32_t vessel, int minute) {
  AisPoint point{};
  point.vessel = vessel;
  point.time = minute * kMinute;
  return point;
}

TEST(AisWindow, WidenedThenInnerIsTheWindowAgainAndOpenSidesStayOpen) {
  AisWindow window;
  window.from = 100 * kMinute;
  const AisWindow wider = window.widened(30 * kMinute);
  EXPECT_EQ(wider.from, 70 * kMinute);
  EXPECT_EQ(wider.to, AisWindow{}.to);
  EXPECT_EQ(wider.margin, 30 * kMinute);
  EXPECT_EQ(wider.inner().from, window.from);
  EXPECT_EQ(wider.inner().to, AisWindow{}.to);
  EXPECT_EQ(wider.inner().margin, 0);
}

TEST(AisNearestOutside, KeepsEachVesselsEightNearestOnEachSideWhateverTheOrderTheyCome) {
  AisWindow inner;
  inner.from = 100 * kMinute;
  inner.to = 200 * kMinute;
  AisNearestOutside margins(inner);
  // Vessel 1 reports every 10 minutes from minute 0 to 300, in a shuffled order (blocks come
  // from the index, not by time); vessel 2 once, long before.
  std::vector<int> minutes;
  for (int m = 0; m <= 300; m += 10) minutes.push_back(m);
  std::reverse(minutes.begin() + 5, minutes.end());
  std::rotate(minutes.begin(), minutes.begin() + 11, minutes.end());
  int inside = 0;
  for (const int m : minutes) inside += margins.inside(report(1, m));
  EXPECT_FALSE(margins.inside(report(2, 5)));
  EXPECT_EQ(inside, 10);  // 100 .. 190
  std::vector<AisPoint> kept = margins.take();
  std::sort(kept.begin(), kept.end(), [](const AisPoint& a, const AisPoint& b) {
    return std::pair(a.vessel, a.time) < std::pair(b.vessel, b.time);
  });
  std::vector<std::pair<std::uint32_t, core::UtcMicros>> got;
  for (const AisPoint& p : kept) got.emplace_back(p.vessel, p.time / kMinute);
  std::vector<std::pair<std::uint32_t, core::UtcMicros>> expected;
  for (int m = 20; m <= 90; m += 10) expected.emplace_back(1, m);
  for (int m = 200; m <= 270; m += 10) expected.emplace_back(1, m);
  expected.emplace_back(2, 5);
  EXPECT_EQ(got, expected);
  EXPECT_TRUE(margins.take().empty());
}

TEST(AisNearestOutside, ARepeatTakesNoPlaceAndTiesAreRankedByPosition) {
  AisWindow inner;
  inner.from = 100 * kMinute;
  AisNearestOutside margins(inner);
  // Minutes 90 .. 20 before the window, each sent twice (two files), and at minute 90 a second
  // report further north: eight places hold 90 (both), 80, ..., 30, not 90, 90, 80, 80, ...
  for (int m = 90; m >= 20; m -= 10) {
    margins.inside(report(1, m));
    margins.inside(report(1, m));
  }
  AisPoint north = report(1, 90);
  north.latE7 = 10;
  margins.inside(north);
  std::vector<AisPoint> kept = margins.take();
  ASSERT_EQ(kept.size(), AisNearestOutside::kPerSide);
  EXPECT_EQ(kept[0].time, 90 * kMinute);
  EXPECT_EQ(kept[0].latE7, 10);  // nearest: at 90, after the other report of 90 in the sort
  EXPECT_EQ(kept[1].time, 90 * kMinute);
  EXPECT_EQ(kept[1].latE7, 0);
  EXPECT_EQ(kept.back().time, 30 * kMinute);
}

}  // namespace
}  // namespace corridor::io
