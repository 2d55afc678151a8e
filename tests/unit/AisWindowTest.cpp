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

TEST(AisNearestOutside, KeepsEachVesselsThreeNearestOnEachSideWhateverTheOrderTheyCome) {
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
  const std::vector<std::pair<std::uint32_t, core::UtcMicros>> expected{
      {1, 70}, {1, 80}, {1, 90}, {1, 200}, {1, 210}, {1, 220}, {2, 5}};
  EXPECT_EQ(got, expected);
  EXPECT_TRUE(margins.take().empty());
}

}  // namespace
}  // namespace corridor::io
