#include "core/Time.h"

#include <charconv>
#include <cstdio>

namespace corridor::core {
namespace {

struct Civil {
  int year;
  unsigned month, day;
};

// H. Hinnant's civil-from-days algorithm (public-domain date algorithms).
Civil civilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const auto y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

bool readNumber(std::string_view text, std::size_t pos, std::size_t digits, int& out) {
  if (pos + digits > text.size()) return false;
  const char* begin = text.data() + pos;
  const auto [end, ec] = std::from_chars(begin, begin + digits, out);
  return ec == std::errc() && end == begin + digits;
}

}  // namespace

std::int64_t daysFromCivil(int year, unsigned month, unsigned day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Result<UtcMicros> parseIso8601(std::string_view text) {
  auto bad = [&] {
    return usageError("'" + std::string(text) +
                      "' is not an ISO 8601 UTC time (expected YYYY-MM-DD[THH:MM[:SS]][Z])");
  };
  if (!text.empty() && text.back() == 'Z') text.remove_suffix(1);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !readNumber(text, 0, 4, year) ||
      !readNumber(text, 5, 2, month) || !readNumber(text, 8, 2, day)) {
    return bad();
  }
  std::int64_t micros = 0;
  if (text.size() > 10) {
    if ((text[10] != 'T' && text[10] != ' ') || text.size() < 16 || text[13] != ':' ||
        !readNumber(text, 11, 2, hour) || !readNumber(text, 14, 2, minute)) {
      return bad();
    }
    if (text.size() > 16) {
      if (text[16] != ':' || !readNumber(text, 17, 2, second)) return bad();
      if (text.size() > 19) {
        if (text[19] != '.' || text.size() == 20 || text.size() > 26) return bad();
        std::int64_t scale = 100000;
        for (std::size_t i = 20; i < text.size(); ++i, scale /= 10) {
          if (text[i] < '0' || text[i] > '9') return bad();
          micros += (text[i] - '0') * scale;
        }
      }
    }
  }
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return bad();
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int daysInMonth = month == 2 && !leap ? 28 : kDaysInMonth[month - 1];
  if (day < 1 || day > daysInMonth || hour > 23 || minute > 59 ||
      second > 60) {
    return bad();
  }
  const std::int64_t days =
      daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second;
  return seconds * kMicrosPerSecond + micros;
}

CivilTime toCivilTime(UtcMicros time) {
  std::int64_t seconds = time / kMicrosPerSecond;
  std::int64_t micros = time % kMicrosPerSecond;
  if (micros < 0) {
    --seconds;
    micros += kMicrosPerSecond;
  }
  std::int64_t days = seconds / 86400;
  std::int64_t secondOfDay = seconds % 86400;
  if (secondOfDay < 0) {
    secondOfDay += 86400;
    --days;
  }
  const Civil date = civilFromDays(days);
  return {date.year, int(date.month), int(date.day), int(secondOfDay / 3600), int(secondOfDay / 60 % 60),
          int(secondOfDay % 60), int(micros)};
}

std::string formatIso8601(UtcMicros time) {
  const CivilTime t = toCivilTime(time);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day,
                t.hour, t.minute, t.second);
  return buffer;
}

}  // namespace corridor::core
