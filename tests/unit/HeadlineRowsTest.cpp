// The counter panel's rows as they read on screen.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app/Headline.h"

namespace corridor::app {
namespace {

// Early in the default scenario the baseline and the green corridor sail alike: their CO2e
// differs by a tonne in eleven thousand, which reads "0 %", not "-0 %".
TEST(HeadlineRows, ADifferenceThatRoundsToNothingHasNoSign) {
  const auto file = std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets/scenarios/transpacific.toml";
  auto headline = Headline::load(file, "baseline", "green-corridor");
  ASSERT_TRUE(headline) << headline.error().message;
  const auto rows = headline->rows(*core::parseIso8601("2023-01-03T05:00Z"));
  const auto versus = std::find_if(rows.begin(), rows.end(), [](const HeadlineRow& row) {
    return row.label.starts_with("vs green-corridor");
  });
  ASSERT_NE(versus, rows.end());
  EXPECT_EQ(versus->value, "0 %");
}

}  // namespace
}  // namespace corridor::app
