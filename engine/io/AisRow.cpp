#include "io/AisRow.h"

#include <charconv>
#include <cstddef>
#include <cstdint>
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

// [-]digits[.digits] with at most 15 digits, the form of nearly every AIS number, as its digits
// and where the point was.
struct PlainDecimal {
  std::uint64_t digits = 0;
  std::size_t decimals = 0;
  bool negative = false;

  // The digits as an integer over an exact power of ten: the correctly rounded value, as
  // from_chars gives, at a fraction of its cost. A whole number (MMSI, heading: a third of a
  // row's numbers) is not divided. Below 2^63: converted as signed, without the check an
  // unsigned conversion makes.
  double value() const {
    double value = double(std::int64_t(digits));
    if (decimals != 0) value /= double(std::int64_t(kPowersOfTen[decimals]));
    return negative ? -value : value;
  }
};

bool readPlainDecimal(std::string_view text, PlainDecimal& out) {
  const char* p = text.data();
  const char* const end = p + text.size();
  out.negative = p < end && *p == '-';
  p += out.negative;
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
  out.digits = digits;
  out.decimals = std::size_t(decimals);
  return true;
}

#ifdef __SSE2__
// A mask of the first `count` (0 to 16) lanes, loaded from where 16 set bytes meet 16 clear ones:
// cheaper than broadcasting the count, which SSE2 does in four steps.
__m128i firstLanes(std::size_t count) {
  alignas(32) static constexpr unsigned char kSetThenClear[32] = {
      0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(kSetThenClear + 16 - count));
}

// readPlainDecimal for a field whose last 16 bytes can be read from its end backwards (inside a
// parser's chunk, every field but those of its first bytes): loaded so that the field ends the
// register, checked by two compares, the integer part moved one byte up over the point, and the
// digits summed in pairs, fours and eights by three multiply-adds. No branch depends on how many
// digits the field has, which varies from row to row.
bool readPlainDecimalRightAligned(std::string_view text, PlainDecimal& out) {
  const char* p = text.data();
  std::size_t n = text.size();
  out.negative = n > 0 && *p == '-';
  p += out.negative;
  n -= out.negative;
  if (n - 1 >= 16) return false;  // empty, or longer than a register
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
  const __m128i values = _mm_sub_epi8(bytes, _mm_set1_epi8('0'));
  const unsigned field = (0xFFFFu << (16 - n)) & 0xFFFFu;  // the lanes holding the field
  const unsigned digits =
      unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(values, _mm_set1_epi8(9)), values))) & field;
  const unsigned points = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('.')))) & field;
  const std::size_t digitCount = n - (points != 0);
  if ((digits | points) != field || (points & (points - 1)) != 0 || digitCount == 0 || digitCount > 15) return false;
  const int point = points != 0 ? __builtin_ctz(points) : -1;  // its lane
  out.decimals = points != 0 ? std::size_t(15 - point) : 0;
  // Lanes up to the point take the lane below: the digits end the register, without a gap.
  const __m128i moved = firstLanes(std::size_t(point + 1));
  __m128i number = _mm_or_si128(_mm_and_si128(moved, _mm_slli_si128(values, 1)), _mm_andnot_si128(moved, values));
  number = _mm_andnot_si128(firstLanes(16 - digitCount), number);  // leading zeros
  const __m128i zero = _mm_setzero_si128(), tens = _mm_setr_epi16(10, 1, 10, 1, 10, 1, 10, 1);
  const __m128i pairs = _mm_packs_epi32(_mm_madd_epi16(_mm_unpacklo_epi8(number, zero), tens),
                                        _mm_madd_epi16(_mm_unpackhi_epi8(number, zero), tens));
  const __m128i fours = _mm_madd_epi16(pairs, _mm_setr_epi16(100, 1, 100, 1, 100, 1, 100, 1));
  const __m128i eights =
      _mm_madd_epi16(_mm_packs_epi32(fours, fours), _mm_setr_epi16(10000, 1, 10000, 1, 10000, 1, 10000, 1));
  const auto high = std::uint64_t(std::uint32_t(_mm_cvtsi128_si32(eights)));
  const auto low = std::uint64_t(std::uint32_t(_mm_cvtsi128_si32(_mm_srli_si128(eights, 4))));
  out.digits = high * 100000000 + low;
  return true;
}
#endif

// A field that is a plain decimal as it stands (16 bytes at a time where the bytes before its end
// can be read from `readableBegin` on), or once trimmed.
bool readPlainField(std::string_view field, [[maybe_unused]] const char* readableBegin, PlainDecimal& out) {
#ifdef __SSE2__
  const bool wide = readableBegin != nullptr && field.data() + field.size() - readableBegin >= 16;
  if (wide && readPlainDecimalRightAligned(field, out)) return true;
#endif
  return readPlainDecimal(trimField(field), out);
}

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

bool parseAisNumber(std::string_view field, double& out, const char* readableBegin) {
  // Nearly every field is a plain decimal: tried first.
  if (PlainDecimal plain; readPlainField(field, readableBegin, plain)) {
    out = plain.value();
    return true;
  }
  field = trimField(field);
  if (field.empty() || isAisPlaceholder(field)) {
    out = kMissing;
    return true;
  }
  if (field.front() == '+') field.remove_prefix(1);
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), out);
  return ec == std::errc() && end == field.data() + field.size() && std::isfinite(out);
}

bool parseAisExact(std::string_view field, std::size_t decimals, std::int64_t& out, const char* readableBegin) {
  PlainDecimal plain;
  if (decimals > 7 || !readPlainField(field, readableBegin, plain) || plain.decimals > decimals) return false;
  // 15 digits and 7 more places fit in 64 bits: 10^22 does not, so the larger are left to doubles.
  const std::uint64_t scale = kPowersOfTen[decimals - plain.decimals];
  if (plain.digits > std::uint64_t(INT64_MAX) / kPowersOfTen[7]) return false;
  const auto value = std::int64_t(plain.digits * scale);
  out = plain.negative ? -value : value;
  return true;
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

namespace {

// Dropped for who sent it, or else the point's identity and time.
std::optional<DropReason> identifyPoint(const AisRawRow& row, AisPoint& point) {
  if (row.baseStation || (row.textIdKey == 0 && !isVesselMmsi(row.mmsi))) return DropReason::NonVesselMmsi;
  point.time = row.time;
  point.vessel = row.textIdKey != 0 ? row.textIdKey : std::uint32_t(row.mmsi);
  return {};
}

// A motion value, or nothing when it is the sentinel (counted) or out of range ("not available"
// too, uncounted). NaN, an empty field, is neither.
template <class Value>
std::optional<Value> motion(Value value, Value sentinel, Value limit, Sentinel kind, AisCounts& counts) {
  if (value == sentinel) {
    ++counts.sentinels[std::size_t(kind)];
    return {};
  }
  if (value >= 0 && value < limit) return value;
  return {};
}

}  // namespace

std::optional<DropReason> validateRow(const AisRawRow& row, AisPoint& point, AisCounts& counts) {
  if (std::isnan(row.lat) || std::isnan(row.lon) || row.lat == 91 || row.lon == 181) {
    return DropReason::PositionNotAvailable;
  }
  if (!(std::abs(row.lat) <= 90) || !(std::abs(row.lon) <= 180)) return DropReason::PositionOutOfRange;
  if (const auto reason = identifyPoint(row, point)) return reason;
  point.latE7 = std::int32_t(rounded(row.lat * 1e7));
  point.lonE7 = std::int32_t(rounded(row.lon * 1e7));
  const auto sog = motion(row.sog, 102.3, 102.3, Sentinel::Sog102_3, counts);
  const auto cog = motion(row.cog, 360.0, 360.0, Sentinel::Cog360, counts);
  const auto heading = motion(row.heading, 511.0, 360.0, Sentinel::Heading511, counts);
  point.sogTenths = sog ? tenths(*sog) : std::int16_t(-1);
  point.cogTenths = cog ? tenths(*cog) : std::int16_t(-1);
  point.heading = heading ? std::int16_t(rounded(*heading)) : std::int16_t(-1);
  return {};
}

// Equal to the above for every row read exactly (a test compares them on random rows): with no
// more than 7 decimals a degree's double is within 10^-14 of the decimal, so it meets 90, 91,
// 180 and 181 exactly when the decimal does, and rounds to the same E7 integer.
std::optional<DropReason> validateRow(const AisRawRow& row, const AisExactNumbers& numbers, AisPoint& point,
                                      AisCounts& counts) {
  constexpr std::int64_t kDegree = 10'000'000;
  if (numbers.latE7 == 91 * kDegree || numbers.lonE7 == 181 * kDegree) return DropReason::PositionNotAvailable;
  if (std::abs(numbers.latE7) > 90 * kDegree || std::abs(numbers.lonE7) > 180 * kDegree) {
    return DropReason::PositionOutOfRange;
  }
  if (const auto reason = identifyPoint(row, point)) return reason;
  point.latE7 = std::int32_t(numbers.latE7);
  point.lonE7 = std::int32_t(numbers.lonE7);
  const auto sog = motion<std::int64_t>(numbers.sogTenths, 1023, 1023, Sentinel::Sog102_3, counts);
  const auto cog = motion<std::int64_t>(numbers.cogTenths, 3600, 3600, Sentinel::Cog360, counts);
  const auto heading = motion<std::int64_t>(numbers.heading, 511, 360, Sentinel::Heading511, counts);
  point.sogTenths = std::int16_t(sog.value_or(-1));
  point.cogTenths = std::int16_t(cog.value_or(-1));
  point.heading = std::int16_t(heading.value_or(-1));
  return {};
}

}  // namespace corridor::io
