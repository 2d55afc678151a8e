// Rows whose numbers are read exactly, as integers at the scale a point keeps, must give what
// reading them as doubles gives: the same point, the same reason to drop, the same sentinels.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <map>
#include <random>
#include <string>

#include "io/AisRow.h"

namespace corridor::io {
namespace {

TEST(AisRow, ExactNumbersAreIntegersAtTheirScale) {
  std::int64_t value = 0;
  ASSERT_TRUE(parseAisExact("-118.25", 7, value));
  EXPECT_EQ(value, -1'182'500'000);
  ASSERT_TRUE(parseAisExact("33.1234567", 7, value));
  EXPECT_EQ(value, 331'234'567);
  ASSERT_TRUE(parseAisExact("12", 1, value));
  EXPECT_EQ(value, 120);
  ASSERT_TRUE(parseAisExact(" 5.5 ", 1, value));  // trimmed, as parseAisNumber trims
  EXPECT_EQ(value, 55);
  ASSERT_TRUE(parseAisExact("-0", 0, value));
  EXPECT_EQ(value, 0);
  ASSERT_TRUE(parseAisExact("367001234", 0, value));
  EXPECT_EQ(value, 367'001'234);
  // More decimals than the scale keeps, or no plain decimal: for parseAisNumber to decide.
  for (const char* field : {"33.12345678", "12.25", "90.0", "", "NA", "1e5", "+7", "12a", "-", "."}) {
    const std::size_t decimals = std::string_view(field) == "90.0" ? 0 : std::string_view(field) == "12.25" ? 1 : 7;
    EXPECT_FALSE(parseAisExact(field, decimals, value)) << field;
  }
  // Digits that might not fit 64 bits at 7 decimals: at most 922,337,203,685 (a 12-digit number).
  ASSERT_TRUE(parseAisExact("922337203685", 7, value));
  EXPECT_EQ(value, 9'223'372'036'850'000'000);
  EXPECT_FALSE(parseAisExact("922337203686", 7, value));
  EXPECT_FALSE(parseAisExact("123456789012345", 7, value));
}

// A decimal with `decimals` places of at most `whole` whole digits, or a value it must meet.
std::string randomDecimal(std::mt19937_64& random, std::size_t whole, std::size_t decimals) {
  std::string text = random() % 3 == 0 ? "-" : "";
  text += std::to_string(random() % std::uint64_t(std::pow(10, whole)));
  if (decimals > 0) text += '.';
  for (std::size_t i = 0; i < decimals; ++i) text += char('0' + random() % 10);
  return text;
}

std::string pick(std::mt19937_64& random, std::initializer_list<const char*> edges, std::size_t whole,
                 std::size_t maxDecimals) {
  if (random() % 4 == 0) return *(edges.begin() + random() % edges.size());
  return randomDecimal(random, whole, random() % (maxDecimals + 1));
}

TEST(AisRow, RowsReadExactlyGiveThePointsOfRowsReadAsDoubles) {
  std::mt19937_64 random(11);
  std::map<std::string, int> outcomes;  // what the exact rows came to, so that each rule is met
  int exactRows = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::array<std::string, 5> fields = {
        pick(random, {"90", "-90", "91", "90.0000001", "-90.0000001", "89.9999999", "91.0000000"}, 2, 8),
        pick(random, {"180", "-180", "181", "180.0000001", "-180.0000001", "181.0"}, 3, 8),
        pick(random, {"102.3", "102.2", "102.4", "-0.0", "0", "-0.1", "102"}, 3, 2),
        pick(random, {"360", "360.0", "359.9", "-0", "3600"}, 3, 2),
        pick(random, {"511", "360", "359", "0", "-1", "511.0", "90.5"}, 3, 1),
    };
    AisRawRow row;
    row.mmsi = random() % 2 ? 367'000'001 : 3'669'999;  // a ship, or a base station
    row.time = 1'654'041'600'000'000;
    double* doubles[] = {&row.lat, &row.lon, &row.sog, &row.cog, &row.heading};
    for (std::size_t f = 0; f < fields.size(); ++f) ASSERT_TRUE(parseAisNumber(fields[f], *doubles[f])) << fields[f];
    AisExactNumbers exact;
    std::int64_t* integers[] = {&exact.latE7, &exact.lonE7, &exact.sogTenths, &exact.cogTenths, &exact.heading};
    const std::size_t scales[] = {7, 7, 1, 1, 0};
    bool allExact = true;
    for (std::size_t f = 0; f < fields.size(); ++f) allExact &= parseAisExact(fields[f], scales[f], *integers[f]);
    if (!allExact) continue;
    ++exactRows;
    AisPoint fromDoubles{}, fromIntegers{};
    AisCounts doubleCounts, integerCounts;
    const auto doubleReason = validateRow(row, fromDoubles, doubleCounts);
    const auto integerReason = validateRow(row, exact, fromIntegers, integerCounts);
    const std::string shown = fields[0] + "," + fields[1] + "," + fields[2] + "," + fields[3] + "," + fields[4];
    ASSERT_EQ(doubleReason, integerReason) << shown;
    EXPECT_EQ(doubleCounts.sentinels, integerCounts.sentinels) << shown;
    if (doubleReason) {
      ++outcomes[dropReasonKey(*doubleReason)];
      continue;
    }
    ++outcomes["kept"];
    for (std::size_t s = 0; s < kSentinelCount; ++s) outcomes["sentinel " + std::to_string(s)] += int(integerCounts.sentinels[s]);
    outcomes["no sog"] += fromIntegers.sogTenths < 0;
    outcomes["no cog"] += fromIntegers.cogTenths < 0;
    outcomes["no heading"] += fromIntegers.heading < 0;
    EXPECT_EQ(fromDoubles.latE7, fromIntegers.latE7) << shown;
    EXPECT_EQ(fromDoubles.lonE7, fromIntegers.lonE7) << shown;
    EXPECT_EQ(fromDoubles.sogTenths, fromIntegers.sogTenths) << shown;
    EXPECT_EQ(fromDoubles.cogTenths, fromIntegers.cogTenths) << shown;
    EXPECT_EQ(fromDoubles.heading, fromIntegers.heading) << shown;
    EXPECT_EQ(fromDoubles.time, fromIntegers.time) << shown;
    EXPECT_EQ(fromDoubles.vessel, fromIntegers.vessel) << shown;
  }
  EXPECT_GT(exactRows, 50000);
  for (const char* outcome : {"kept", "position_not_available", "position_out_of_range", "non_vessel_mmsi",
                              "sentinel 0", "sentinel 1", "sentinel 2", "no sog", "no cog", "no heading"}) {
    EXPECT_GT(outcomes[outcome], 100) << outcome;
  }
}

}  // namespace
}  // namespace corridor::io
