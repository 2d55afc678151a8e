#include "io/AisRow.h"

#include <charconv>

namespace corridor::io {
namespace {

bool digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const unsigned d = unsigned(text[i] - '0');
    if (d > 9) return false;
    value = value * 10 + int(d);
  }
  out = value;
  return true;
}

// [-]digits[.digits] with at most 15 digits, the form of nearly every AIS number: the digits
// as an integer divided by an exact power of ten is the correctly rounded value, as from_chars
// gives, at a fraction of its cost. False for anything else (from_chars decides then).
bool parsePlainDecimal(std::string_view text, double& out) {
  static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                            1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  i += negative;
  std::int64_t digits = 0;
  int count = 0, decimals = -1;
  for (; i < text.size(); ++i) {
    const unsigned d = unsigned(text[i] - '0');
    if (d <= 9) {
      digits = digits * 10 + d;
      if (++count > 15) return false;
      if (decimals >= 0) ++decimals;
    } else if (text[i] == '.' && decimals < 0) {
      decimals = 0;
    } else {
      return false;
    }
  }
  if (count == 0) return false;
  out = double(digits) / kPowersOfTen[std::max(decimals, 0)];
  if (negative) out = -out;
  return true;
}

// Rounded to the nearest integer, halves away from zero (as lround, without the libm call).
std::int64_t rounded(double value) { return std::int64_t(value + (value >= 0 ? 0.5 : -0.5)); }

std::int16_t tenths(double value) { return std::int16_t(rounded(value * 10)); }

}  // namespace

std::string_view trimField(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

bool isAisPlaceholder(std::string_view text) {
  return text == "Unknown" || text == "Unknown value" || text == "Undefined" || text == "NA";
}

bool parseAisNumber(std::string_view field, double& out) {
  field = trimField(field);
  if (parsePlainDecimal(field, out)) return true;  // nearly every field: checked first
  if (field.empty() || isAisPlaceholder(field)) {
    out = kMissing;
    return true;
  }
  if (field.front() == '+') field.remove_prefix(1);
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), out);
  return ec == std::errc() && end == field.data() + field.size() && std::isfinite(out);
}

bool isVesselMmsi(std::int64_t mmsi) { return mmsi >= 200'000'000 && mmsi < 800'000'000; }

std::optional<core::UtcMicros> parseAisTime(std::string_view text) {
  if (!text.empty() && text.back() == 'Z') text.remove_suffix(1);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::size_t timeAt = 0;
  if (text.size() >= 10 && text[2] == '/' && text[5] == '/') {
    if (!digits(text, 0, 2, day) || !digits(text, 3, 2, month) || !digits(text, 6, 4, year)) return {};
    timeAt = 10;
  } else if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    if (!digits(text, 0, 4, year) || !digits(text, 5, 2, month) || !digits(text, 8, 2, day)) return {};
    timeAt = 10;
  } else {
    return {};
  }
  std::int64_t micros = 0;
  if (text.size() > timeAt) {
    const std::string_view clock = text.substr(timeAt);
    if (clock.size() < 9 || (clock[0] != 'T' && clock[0] != ' ') || clock[3] != ':' ||
        clock[6] != ':' || !digits(clock, 1, 2, hour) || !digits(clock, 4, 2, minute) ||
        !digits(clock, 7, 2, second)) {
      return {};
    }
    if (clock.size() > 9) {
      if (clock[9] != '.' || clock.size() == 10 || clock.size() > 16) return {};
      std::int64_t scale = 100000;
      for (std::size_t i = 10; i < clock.size(); ++i, scale /= 10) {
        const unsigned d = unsigned(clock[i] - '0');
        if (d > 9) return {};
        micros += d * scale;
      }
    }
  }
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDaysInMonth[month - 1] || hour > 23 ||
      minute > 59 || second > 60) {
    return {};
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return {};
  const std::int64_t days = core::daysFromCivil(year, unsigned(month), unsigned(day));
  return ((days * 24 + hour) * 60 + minute) * 60 * core::kMicrosPerSecond +
         second * core::kMicrosPerSecond + micros;
}

std::optional<DropReason> validateRow(const AisRawRow& row, AisPoint& point, AisCounts& counts) {
  if (std::isnan(row.lat) || std::isnan(row.lon) || row.lat == 91 || row.lon == 181) {
    return DropReason::PositionNotAvailable;
  }
  if (!(std::abs(row.lat) <= 90) || !(std::abs(row.lon) <= 180)) return DropReason::PositionOutOfRange;
  if (row.baseStation || !isVesselMmsi(row.mmsi)) return DropReason::NonVesselMmsi;

  point.time = row.time;
  point.mmsi = std::uint32_t(row.mmsi);
  point.latE7 = std::int32_t(rounded(row.lat * 1e7));
  point.lonE7 = std::int32_t(rounded(row.lon * 1e7));
  // Out-of-range motion values are "not available" too; only the sentinels are counted.
  auto motion = [&](double value, double sentinel, Sentinel kind, double limit) -> double {
    if (value == sentinel) {
      ++counts.sentinels[std::size_t(kind)];
      return kMissing;
    }
    return value >= 0 && value < limit ? value : kMissing;
  };
  const double sog = motion(row.sog, 102.3, Sentinel::Sog102_3, 102.3);
  const double cog = motion(row.cog, 360, Sentinel::Cog360, 360);
  const double heading = motion(row.heading, 511, Sentinel::Heading511, 360);
  point.sogTenths = std::isnan(sog) ? std::int16_t(-1) : tenths(sog);
  point.cogTenths = std::isnan(cog) ? std::int16_t(-1) : tenths(cog);
  point.heading = std::isnan(heading) ? std::int16_t(-1) : std::int16_t(rounded(heading));
  return {};
}

}  // namespace corridor::io
