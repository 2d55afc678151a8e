#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "io/AisNumbers.h"
#include "io/AisTypes.h"

namespace corridor::io {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// A position report as read, before any check; NaN is "field empty". Shared by the fast CSV
// parser and the OGR reader so both apply exactly the same rules.
struct AisRawRow {
  std::int64_t mmsi = 0;        // from an MMSI column
  std::uint32_t textIdKey = 0;  // the key of a text id (MMSI rules do not apply); 0 for an MMSI
  core::UtcMicros time = 0;
  double lat = kMissing, lon = kMissing;
  double sog = kMissing, cog = kMissing, heading = kMissing;
  bool baseStation = false;  // DMA "Type of mobile" says so
};

// Vessels have nine-digit MMSIs whose first digit (from the Maritime Identification Digits) is
// 2-7; base stations (00MID...), aids to navigation (99...), SAR aircraft (111...), AIS-SART,
// MOB and EPIRB devices (97...) and seven-digit station numbers are not vessels (ITU-R M.585).
bool isVesselMmsi(std::int64_t mmsi);

// Checks the position and identity, turns the AIS "not available" sentinels (heading 511,
// COG 360, SOG 102.3) into missing values (counted) and fills `point` but for its source (file
// and line). Returns why the row must be dropped, if it must.
std::optional<DropReason> validateRow(const AisRawRow& row, AisPoint& point, AisCounts& counts);

// A row's position and motion as the integers a point keeps (E7 degrees, tenths of a knot and of
// a degree, whole degrees), read exactly: what nearly every row of every export holds. -1 for a
// motion column the file does not have.
struct AisExactNumbers {
  std::int64_t latE7 = 0, lonE7 = 0;
  std::int64_t sogTenths = -1, cogTenths = -1, heading = -1;
};

// validateRow with the row's position and motion given exactly (its doubles are not read): the
// same checks on integers, the same point, with no double in between.
std::optional<DropReason> validateRow(const AisRawRow& row, const AisExactNumbers& numbers, AisPoint& point,
                                      AisCounts& counts);

// DMA's "Unknown", "Unknown value", "Undefined" (and "NA") mean "not available".
bool isAisPlaceholder(std::string_view field);

// False when the field holds something that is not a number; empty fields and placeholders
// are "missing" (NaN). Integers written as 57.0 are fine. Where the 16 bytes before the field's
// end can be read (from `readableBegin` on: a parser's chunk of text), the field is read 16 bytes
// at a time; the value is the same.
bool parseAisNumber(std::string_view field, double& out, const char* readableBegin = nullptr);

// The AIS "type of ship and cargo" code of a field: the number, or for DMA's text types
// ("Cargo", "Tug") the code of the group; 0 when not available.
int shipTypeCode(std::string_view field);

// An IMO number's digits ("IMO9481374" or "9481374"); empty for a missing field, text or the
// IMO0000000 placeholder.
std::string imoDigits(std::string_view field);

// A number that can be an MMSI column's value: a positive integer of at most 4e9 (not NaN).
bool isMmsiNumber(double value);

// True when a text vessel-id field (trimmed) says nothing: empty or a placeholder.
bool isMissingTextId(std::string_view id);

}  // namespace corridor::io
