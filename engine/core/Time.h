#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/Result.h"

namespace corridor::core {

// Absolute time: microseconds since 1970-01-01T00:00:00Z, always int64 (never float: a float32
// second count loses whole minutes over a multi-year scenario).
using UtcMicros = std::int64_t;

constexpr UtcMicros kMicrosPerSecond = 1'000'000;

// Accepts YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM-DDTHH:MM:SS[.ffffff] with an optional 'Z'
// (a space may replace the 'T'). Times without a zone are UTC.
Result<UtcMicros> parseIso8601(std::string_view text);

// A time as calendar fields (UTC, proleptic Gregorian).
struct CivilTime {
  int year, month, day, hour, minute, second, microsecond;
};
CivilTime toCivilTime(UtcMicros time);

// YYYY-MM-DDTHH:MM:SSZ (whole seconds, truncated toward the past).
std::string formatIso8601(UtcMicros time);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

}  // namespace corridor::core
