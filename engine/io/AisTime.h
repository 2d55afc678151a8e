#pragma once
// The timestamps real AIS exports write, and the per-file choices they leave open.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Time.h"

namespace corridor::io {

// How to read the times of a file where the text alone does not say (`--time-format`).
enum class AisTimeFormat : std::uint8_t {
  Auto,         // slash dates day first unless the file shows otherwise; numbers by digit count
  DayFirst,     // 15/10/2022 (Europe, DMA)
  MonthFirst,   // 10/15/2022 (US spreadsheets)
  EpochSeconds, // 1665878340[.5]
  EpochMillis,  // 1665878340000
};

// A parsed time and how finely its text resolves time: 60 s when it has no seconds, a day
// when it is a date alone.
struct AisTime {
  core::UtcMicros time = 0;
  int resolutionSeconds = 1;
};

// Reads, all in UTC unless a zone is written:
// - ISO 8601 with 'T' or a space, with or without seconds, up to 9 fraction digits (beyond
//   microseconds dropped), and a zone 'Z', +HH, +HHMM or +HH:MM: "2022-10-15T23:59:07.25+02:00";
// - D/M/YYYY or M/D/YYYY (one or two digits), then H:MM[:SS[.f]] with an optional AM/PM:
//   "15/10/2022 23:59", "10/15/2022 11:59:07 PM" (which order: `format`; Auto reads day first);
// - YYYYMMDD_HHMMSS and YYYYMMDDHHMMSS;
// - epoch seconds (9 or 10 digits, optional fraction) or milliseconds (13 digits), or either
//   whatever the length when `format` says so.
// Years outside 1900..2200 are refused (the microsecond arithmetic stays far from overflow).
std::optional<AisTime> parseAisTime(std::string_view text, AisTimeFormat format = AisTimeFormat::Auto);

// The order of a file's slash dates from a sample of its time fields: DayFirst when a first
// number is above 12, MonthFirst when a second one is, Auto when none (or both) says.
AisTimeFormat slashDateOrder(const std::vector<std::string>& samples);

// How to read one file's times: `given` unless it is Auto, else the order its sample of time
// fields shows; says in the log when slash dates stay ambiguous (read day first).
AisTimeFormat fileTimeFormat(AisTimeFormat given, const std::vector<std::string>& samples, std::string_view file);

// Why a time field was refused, for the dropped-row list: "time 'X' is not a timestamp", and
// for a slash date which order it was read in and the option that reads the other.
std::string badTimeDetail(std::string_view text, AisTimeFormat format);

// "dmy", "mdy", "epoch-s", "epoch-ms", "auto": the --time-format values.
std::optional<AisTimeFormat> parseAisTimeFormat(std::string_view name);

}  // namespace corridor::io
