#include "io/AisRow.h"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "core/Numeric.h"

namespace corridor::io {
namespace {

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

bool isAisPlaceholder(std::string_view text) {
  return text == "Unknown" || text == "Unknown value" || text == "Undefined" || text == "NA";
}

bool parseAisNumber(std::string_view field, double& out, const char* readableBegin) {
  // Nearly every field is a plain decimal: tried first.
  if (detail::PlainDecimal plain; detail::readPlainField(field, readableBegin, plain)) {
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
