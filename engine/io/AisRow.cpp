#include "io/AisRow.h"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

#include "core/Numeric.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace corridor::io {
namespace {

constexpr std::uint64_t kPowersOfTen[] = {1,           10,           100,           1000,           10000,
                                          100000,      1000000,      10000000,      100000000,      1000000000,
                                          10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000,
                                          1000000000000000};

// Up to 15 digits as an integer over an exact power of ten: the correctly rounded value.
// A whole number (MMSI, heading: a third of a row's numbers) is not divided. Below 2^63:
// converted as signed, without the check an unsigned conversion makes.
double decimalValue(std::uint64_t digits, std::size_t decimals, bool negative) {
  double value = double(std::int64_t(digits));
  if (decimals != 0) value /= double(std::int64_t(kPowersOfTen[decimals]));
  return negative ? -value : value;
}

// [-]digits[.digits] with at most 15 digits, the form of nearly every AIS number: the digits
// as an integer divided by an exact power of ten is the correctly rounded value, as from_chars
// gives, at a fraction of its cost. False for anything else (from_chars decides then).
bool parsePlainDecimal(std::string_view text, double& out) {
  const char* p = text.data();
  const char* const end = p + text.size();
  const bool negative = p < end && *p == '-';
  p += negative;
  std::uint64_t digits = 0;
  const char* const whole = p;
  for (; p < end && unsigned(*p - '0') <= 9; ++p) digits = digits * 10 + unsigned(*p - '0');
  const auto wholeDigits = p - whole;
  std::ptrdiff_t decimals = 0;
  if (p < end && *p == '.') {
    const char* const fraction = ++p;
    for (; p < end && unsigned(*p - '0') <= 9; ++p) digits = digits * 10 + unsigned(*p - '0');
    decimals = p - fraction;
  }
  // Past 15 digits the integer may have wrapped; from_chars decides then.
  if (p != end || wholeDigits + decimals == 0 || wholeDigits + decimals > 15) return false;
  out = decimalValue(digits, std::size_t(decimals), negative);
  return true;
}

#ifdef __SSE2__
// The value of k digits (1 to 8) at p, 8 bytes readable there: the digits right-aligned in a
// word, then summed in pairs, fours and eights by three multiplications (no loop whose length
// varies from field to field, and so no mispredicted exit).
std::uint64_t eightDigits(const char* p, std::size_t k) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  word = (word & 0x0F0F0F0F0F0F0F0Full) << (8 * (8 - k));  // leading zero digits in front
  word = word * 10 + (word >> 8);
  return (((word & 0x000000FF000000FFull) * (100 + (1000000ull << 32))) +
          (((word >> 16) & 0x000000FF000000FFull) * (1 + (10000ull << 32)))) >>
         32;
}

// Up to 15 digits at p, 16 bytes readable there.
std::uint64_t digitsValue(const char* p, std::size_t k) {
  if (k == 0) return 0;
  if (k <= 8) return eightDigits(p, k);
  return eightDigits(p, k - 8) * 100000000 + eightDigits(p + k - 8, 8);
}

// parsePlainDecimal where kReadableAfterNumber bytes can be read from the field's start: digits
// and the point are found in one 16-byte compare, the digits summed without a loop.
bool parsePlainDecimalWide(std::string_view text, double& out) {
  const char* p = text.data();
  std::size_t n = text.size();
  const bool negative = n > 0 && *p == '-';
  p += negative;
  n -= negative;
  if (n == 0 || n > 16) return false;
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const unsigned valid = (1u << n) - 1;
  const unsigned digits = unsigned(_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)),
                                                                 _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1))))) &
                          valid;
  const unsigned points = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('.')))) & valid;
  if ((digits | points) != valid || (points & (points - 1)) != 0) return false;  // other bytes, or two points
  const std::size_t whole = points ? std::size_t(__builtin_ctz(points)) : n;
  const std::size_t decimals = points ? n - whole - 1 : 0;
  if (whole + decimals == 0 || whole + decimals > 15) return false;
  out = decimalValue(digitsValue(p, whole) * kPowersOfTen[decimals] + digitsValue(p + whole + 1, decimals), decimals,
                     negative);
  return true;
}
#endif

// Rounded to the nearest integer, halves away from zero (as lround, without the libm call).
std::int64_t rounded(double value) { return std::int64_t(value + (value >= 0 ? 0.5 : -0.5)); }

std::int16_t tenths(double value) { return std::int16_t(rounded(value * 10)); }

// DMA writes the ship type as text; the AIS type code of the group stands for it.
int dmaShipTypeCode(std::string_view text) {
  static constexpr std::pair<std::string_view, int> kCodes[] = {
      {"WIG", 20},      {"Fishing", 30},     {"Towing", 31},          {"Towing long/wide", 32},
      {"Dredging", 33}, {"Diving", 34},      {"Military", 35},        {"Sailing", 36},
      {"Pleasure", 37}, {"HSC", 40},         {"Pilot", 50},           {"SAR", 51},
      {"Tug", 52},      {"Port tender", 53}, {"Anti-pollution", 54},  {"Law enforcement", 55},
      {"Medical", 58},  {"Passenger", 60},   {"Cargo", 70},           {"Tanker", 80},
      {"Other", 90},
  };
  for (const auto& [name, code] : kCodes) {
    if (text == name) return code;
  }
  return 0;
}

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

bool parseAisNumber(std::string_view field, double& out, [[maybe_unused]] const char* readableEnd) {
  field = trimField(field);
  // Nearly every field is a plain decimal: checked first.
#ifdef __SSE2__
  const bool wide = readableEnd != nullptr && readableEnd - field.data() >= kReadableAfterNumber;
  if (wide ? parsePlainDecimalWide(field, out) : parsePlainDecimal(field, out)) return true;
#else
  if (parsePlainDecimal(field, out)) return true;
#endif
  if (field.empty() || isAisPlaceholder(field)) {
    out = kMissing;
    return true;
  }
  if (field.front() == '+') field.remove_prefix(1);
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), out);
  return ec == std::errc() && end == field.data() + field.size() && std::isfinite(out);
}

int shipTypeCode(std::string_view field) {
  double code = kMissing;
  if (!parseAisNumber(field, code)) return dmaShipTypeCode(trimField(field));
  return core::integerOr(code > 0 ? code : 0.0, 0);
}

std::string imoDigits(std::string_view field) {
  field = trimField(field);
  if (field.starts_with("IMO")) field.remove_prefix(3);
  if (field.empty() || field.find_first_not_of("0123456789") != field.npos ||
      field.find_first_not_of('0') == field.npos) {
    return {};
  }
  return std::string(field);
}

// In range first: converting a double beyond int64's range is undefined. Cheaper than floor,
// a libm call.
bool isMmsiNumber(double value) { return value > 0 && value <= 4e9 && value == double(std::int64_t(value)); }

bool isMissingTextId(std::string_view id) { return id.empty() || isAisPlaceholder(id); }

bool isVesselMmsi(std::int64_t mmsi) { return mmsi >= 200'000'000 && mmsi < 800'000'000; }

std::optional<DropReason> validateRow(const AisRawRow& row, AisPoint& point, AisCounts& counts) {
  if (std::isnan(row.lat) || std::isnan(row.lon) || row.lat == 91 || row.lon == 181) {
    return DropReason::PositionNotAvailable;
  }
  if (!(std::abs(row.lat) <= 90) || !(std::abs(row.lon) <= 180)) return DropReason::PositionOutOfRange;
  if (row.baseStation || (row.textIdKey == 0 && !isVesselMmsi(row.mmsi))) return DropReason::NonVesselMmsi;

  point.time = row.time;
  point.vessel = row.textIdKey != 0 ? row.textIdKey : std::uint32_t(row.mmsi);
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
