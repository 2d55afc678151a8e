// The timestamps of real AIS exports, each against the instant it names.
#include <gtest/gtest.h>

#include <iterator>
#include <random>
#include <string>

#include "io/AisTime.h"

namespace corridor::io {
namespace {

core::UtcMicros utc(const char* iso) { return *core::parseIso8601(iso); }

core::UtcMicros timeOf(std::string_view text, AisTimeFormat format = AisTimeFormat::Auto) {
  const auto parsed = parseAisTime(text, format);
  EXPECT_TRUE(parsed) << text;
  return parsed ? parsed->time : -1;
}

TEST(AisTime, ReadsIso8601WithAndWithoutSecondsFractionsAndZones) {
  const core::UtcMicros expected = utc("2023-03-18T04:05:06Z");
  EXPECT_EQ(timeOf("2023-03-18T04:05:06"), expected);
  EXPECT_EQ(timeOf("2023-03-18 04:05:06"), expected);
  EXPECT_EQ(timeOf("2023-03-18T04:05:06Z"), expected);
  EXPECT_EQ(timeOf("2023-03-18T04:05:06.5Z"), expected + 500000);
  EXPECT_EQ(timeOf("2023-03-18T04:05:06.123456789"), expected + 123456);  // nanoseconds: truncated
  EXPECT_EQ(timeOf("2023-03-18T06:05:06+02:00"), expected);
  EXPECT_EQ(timeOf("2023-03-18T06:05:06+0200"), expected);
  EXPECT_EQ(timeOf("2023-03-17T23:05:06-05"), expected);
  EXPECT_EQ(timeOf("2023-03-18T04:05"), utc("2023-03-18T04:05:00Z"));
  EXPECT_EQ(parseAisTime("2023-03-18T04:05")->resolutionSeconds, 60);
  EXPECT_EQ(parseAisTime("2023-03-18T04:05:06")->resolutionSeconds, 1);
  EXPECT_EQ(parseAisTime("2023-03-18")->resolutionSeconds, 86400);  // a date alone
}

// "YYYY-MM-DDTHH:MM:SS" is read at fixed places; with a 'Z' it goes through the general scanner.
TEST(AisTime, TheCommonFormReadsAsTheGeneralScannerReadsIt) {
  for (const std::string text : {"2024-02-29T23:59:59", "1999-12-31 00:00:00", "2022-06-01T12:34:56",
                                 "2199-01-01T07:08:09", "2023-03-18T04:05:60"}) {
    EXPECT_EQ(timeOf(text), timeOf(text + "Z")) << text;
    EXPECT_EQ(parseAisTime(text)->resolutionSeconds, 1) << text;
  }
  for (const char* text : {"2023-00-18T04:05:06", "2023-03-32T04:05:06", "2023-03-18T04:60:06",
                           "2023-03-18X04:05:06", "2023-03-18T04:05:0a", "2023-03-18T04-05:06", "2023+03-18T04:05:06",
                           "2023-03+18T04:05:06", "2023-03-18T04:05;06"}) {
    EXPECT_FALSE(parseAisTime(text)) << text;
  }
}

// Random digits in the common form, valid dates or not, one after another (the reader keeps
// the last date's day number), against the general scanner.
TEST(AisTime, RandomDigitsInTheCommonFormReadAsTheGeneralScannerReadsThem) {
  std::mt19937 random(11);
  const char* dates[] = {"2024-02-29", "2023-02-29", "2024-02-30", "2023-12-31", "2000-02-29", "2100-02-29"};
  int read = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = std::string(dates[random() % std::size(dates)]) + "T00:00:00";
    for (std::size_t at : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u, 11u, 12u, 14u, 15u, 17u, 18u}) {
      if (random() % 4 == 0) text[at] = char('0' + random() % 10);
    }
    const auto fixed = parseAisTime(text), scanned = parseAisTime(text + "Z");
    ASSERT_EQ(fixed.has_value(), scanned.has_value()) << text;
    if (fixed) {
      ++read;
      EXPECT_EQ(fixed->time, scanned->time) << text;
      EXPECT_EQ(fixed->resolutionSeconds, scanned->resolutionSeconds) << text;
    }
  }
  EXPECT_GT(read, 2000);
  EXPECT_LT(read, 18000);
}

// Every byte value at every place of a common-form time: read as the general scanner reads the
// same time with a 'Z' (but for a sign at the seconds' colon: "04:05+06" is a time with a zone).
TEST(AisTime, EveryByteAtEveryPlaceOfTheCommonFormReadsAsTheGeneralScannerReadsIt) {
  const std::string valid = "2024-02-29T23:58:59";
  for (std::size_t at = 0; at < valid.size(); ++at) {
    for (int byte = 0; byte < 256; ++byte) {
      if (at == 16 && (byte == '+' || byte == '-')) continue;
      std::string text = valid;
      text[at] = char(byte);
      const auto fixed = parseAisTime(text), scanned = parseAisTime(text + "Z");
      ASSERT_EQ(fixed.has_value(), scanned.has_value()) << at << ": " << byte;
      if (fixed) {
        EXPECT_EQ(fixed->time, scanned->time) << text;
      }
    }
  }
}

TEST(AisTime, ReadsSlashDatesInEitherOrderWithMinutesOrSecondsAndTwelveHourClocks) {
  const core::UtcMicros minute = utc("2022-10-15T23:59:00Z");
  EXPECT_EQ(timeOf("15/10/2022 23:59"), minute);  // Excel, day first
  EXPECT_EQ(timeOf("15/10/2022 23:59", AisTimeFormat::DayFirst), minute);
  EXPECT_EQ(timeOf("10/15/2022 23:59", AisTimeFormat::MonthFirst), minute);
  EXPECT_EQ(timeOf("10/15/2022 11:59 PM", AisTimeFormat::MonthFirst), minute);
  EXPECT_EQ(timeOf("10/15/2022 11:59:07 pm", AisTimeFormat::MonthFirst), minute + 7 * core::kMicrosPerSecond);
  EXPECT_EQ(timeOf("1/5/2022 9:05", AisTimeFormat::MonthFirst), utc("2022-01-05T09:05:00Z"));
  EXPECT_EQ(timeOf("1/5/2022 12:05 AM", AisTimeFormat::MonthFirst), utc("2022-01-05T00:05:00Z"));
  EXPECT_EQ(timeOf("18/03/2023 04:05:06"), utc("2023-03-18T04:05:06Z"));  // DMA
  EXPECT_EQ(parseAisTime("15/10/2022 23:59")->resolutionSeconds, 60);
  EXPECT_FALSE(parseAisTime("10/15/2022 23:59", AisTimeFormat::DayFirst));  // month 15
  EXPECT_FALSE(parseAisTime("18/03/23 04:05:06"));                         // two-digit year
  EXPECT_FALSE(parseAisTime("10/15/2022 13:59 PM", AisTimeFormat::MonthFirst));
}

TEST(AisTime, ReadsCompactAndEpochTimes) {
  const core::UtcMicros expected = utc("2022-10-15T23:59:00Z");
  EXPECT_EQ(timeOf("20221015_235900"), expected);
  EXPECT_EQ(timeOf("20221015235900"), expected);
  EXPECT_EQ(timeOf("1665878340"), expected);
  EXPECT_EQ(timeOf("1665878340.25"), expected + 250000);
  EXPECT_EQ(timeOf("1665878340000"), expected);  // 13 digits: milliseconds
  EXPECT_EQ(timeOf("1665878340000", AisTimeFormat::EpochMillis), expected);
  EXPECT_EQ(timeOf("172800", AisTimeFormat::EpochSeconds), utc("1970-01-03T00:00:00Z"));
  EXPECT_FALSE(parseAisTime("172800"));    // too short to be an epoch time by itself
  EXPECT_FALSE(parseAisTime("20221015"));  // a date without a time
}

TEST(AisTime, RefusesWhatIsNoInstant) {
  for (const char* text : {"", "2023-02-29T00:00:00", "2023-03-18T24:00:00", "2023-03-18T04:05:06+15:00",
                           "2023-03-18T04:05:06 junk", "31/04/2022 10:00", "0/1/2022 10:00", "1800-01-01T00:00:00",
                           "99999999999999999", "12:00", "yesterday"}) {
    EXPECT_FALSE(parseAisTime(text)) << text;
  }
  // Epoch times past 2200 are refused before any arithmetic could overflow.
  for (const char* text : {"9999999999999999", "9999999999999999.5"}) {
    EXPECT_FALSE(parseAisTime(text, AisTimeFormat::EpochSeconds)) << text;
    EXPECT_FALSE(parseAisTime(text, AisTimeFormat::EpochMillis)) << text;
  }
  for (const char* text : {"-5", "1e9"}) {
    EXPECT_FALSE(parseAisTime(text)) << text;
  }
}

TEST(AisTime, ARefusedSlashDateNamesTheOrderItWasReadIn) {
  EXPECT_EQ(badTimeDetail("yesterday", AisTimeFormat::Auto), "time 'yesterday' is not a timestamp");
  EXPECT_EQ(badTimeDetail("10/13/2022 10:00", AisTimeFormat::Auto),
            "time '10/13/2022 10:00' is not a timestamp (read day first; --time-format mdy reads month first)");
  EXPECT_NE(badTimeDetail("13/10/2022 10:00", AisTimeFormat::MonthFirst).find("--time-format dmy"), std::string::npos);
}

TEST(AisTime, AFileShowsItsDateOrderByADayOrMonthAboveTwelve) {
  EXPECT_EQ(slashDateOrder({"03/04/2022 10:00", "15/04/2022 10:00"}), AisTimeFormat::DayFirst);
  EXPECT_EQ(slashDateOrder({"03/04/2022 10:00", "04/15/2022 10:00"}), AisTimeFormat::MonthFirst);
  EXPECT_EQ(slashDateOrder({"03/04/2022 10:00", "04/05/2022 10:00"}), AisTimeFormat::Auto);
  EXPECT_EQ(slashDateOrder({"2022-04-15T10:00:00"}), AisTimeFormat::Auto);
  EXPECT_EQ(fileTimeFormat(AisTimeFormat::MonthFirst, {"15/04/2022 10:00"}, "f.csv"), AisTimeFormat::MonthFirst);
  EXPECT_EQ(parseAisTimeFormat("mdy"), AisTimeFormat::MonthFirst);
  EXPECT_FALSE(parseAisTimeFormat("ymd"));
}

}  // namespace
}  // namespace corridor::io
