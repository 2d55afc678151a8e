#include "core/Time.h"

#include <gtest/gtest.h>

#include <string>

#include "TestSupport.h"

namespace corridor::core {
namespace {

// 1970-01-01 .. 2024-01-01: 54 years, 13 leap days (1972..2020) -> 19723 days; Jan..May 2024
// (leap year) add 31+29+31+30+31 = 152 -> 2024-06-01 is day 19875, i.e. 1'717'200'000 s.
constexpr UtcMicros kJune1st2024 = 1'717'200'000LL * kMicrosPerSecond;
// 12:30:15 = 45015 s.
constexpr UtcMicros kJune1st2024At123015 = kJune1st2024 + 45'015LL * kMicrosPerSecond;

UtcMicros parsed(const std::string& text) {
  const auto result = parseIso8601(text);
  EXPECT_TRUE(result.has_value()) << text << ": " << result.error().message;
  return result.value_or(-1);
}

TEST(Time, DaysFromCivil) {
  EXPECT_EQ(daysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(daysFromCivil(2024, 6, 1), 19875);
  EXPECT_EQ(daysFromCivil(1969, 12, 31), -1);
}

TEST(Time, ParsesFullTimestamp) {
  EXPECT_EQ(parsed("2024-06-01T12:30:15Z"), kJune1st2024At123015);
  EXPECT_EQ(parsed("2024-06-01T12:30:15"), kJune1st2024At123015);
}

TEST(Time, ParsesFractionalSeconds) {
  EXPECT_EQ(parsed("2024-06-01T12:30:15.25Z"), kJune1st2024At123015 + 250'000);
  EXPECT_EQ(parsed("2024-06-01T12:30:15.000001Z"), kJune1st2024At123015 + 1);
  EXPECT_EQ(parsed("2024-06-01T12:30:15.123456"), kJune1st2024At123015 + 123'456);
}

TEST(Time, ParsesSpaceSeparatorMinutesAndDateOnly) {
  EXPECT_EQ(parsed("2024-06-01 12:30:15"), kJune1st2024At123015);
  EXPECT_EQ(parsed("2024-06-01T12:30Z"), kJune1st2024 + 45'000LL * kMicrosPerSecond);
  EXPECT_EQ(parsed("2024-06-01"), kJune1st2024);
}

TEST(Time, RejectsBadInputWithUsageErrorQuotingTheText) {
  for (const std::string text : {"2024-13-01", "yesterday", "2024-02-30", "", "2024-06-01T25:00",
                                 "2024-06-01T12:30:15.", "2023-02-29"}) {
    const auto result = parseIso8601(text);
    ASSERT_FALSE(result.has_value()) << "'" << text << "' was accepted as " << *result;
    EXPECT_EQ(result.error().kind, ErrorKind::Usage) << text;
    EXPECT_TRUE(test::containsText(result.error().message, "'" + text + "'"));
  }
}

TEST(Time, FormatsAndRoundTrips) {
  EXPECT_EQ(formatIso8601(kJune1st2024At123015), "2024-06-01T12:30:15Z");
  // Whole seconds, truncated.
  EXPECT_EQ(formatIso8601(kJune1st2024At123015 + 999'999), "2024-06-01T12:30:15Z");
  for (const std::string text : {"2024-02-29T23:59:59Z", "2000-01-01T00:00:00Z",
                                 "1970-01-01T00:00:00Z", "2099-12-31T12:00:01Z"}) {
    EXPECT_EQ(formatIso8601(parsed(text)), text);
  }
}

TEST(Time, FormatsTimesBefore1970) {
  EXPECT_EQ(formatIso8601(-1), "1969-12-31T23:59:59Z");  // truncated toward the past
  EXPECT_EQ(formatIso8601(-86'400LL * kMicrosPerSecond), "1969-12-31T00:00:00Z");
  // Apollo 11 landing: 1969-07-20 is day 200 - 365 = -165; 20:17:40 = 73060 s.
  constexpr UtcMicros kApollo11 = (-165LL * 86'400 + 73'060) * kMicrosPerSecond;
  EXPECT_EQ(kApollo11, -14'182'940LL * kMicrosPerSecond);
  EXPECT_EQ(formatIso8601(kApollo11), "1969-07-20T20:17:40Z");
  EXPECT_EQ(parsed("1969-07-20T20:17:40Z"), kApollo11);
}

}  // namespace
}  // namespace corridor::core
