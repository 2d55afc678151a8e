#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/Time.h"

namespace corridor::io {

// One accepted AIS position report, compact: positions in 1e-7 degrees (AIS itself resolves
// 1/10000 minute, ~1.7e-6 degrees), speeds and courses in tenths, -1 for "not available".
// Trivial (no member initialisers) so that arrays of millions are allocated without being
// written twice; validateRow sets every field.
struct AisPoint {
  core::UtcMicros time;
  std::uint32_t mmsi;
  std::int32_t latE7;
  std::int32_t lonE7;
  std::int16_t sogTenths;  // knots * 10
  std::int16_t cogTenths;  // degrees * 10
  std::int16_t heading;    // whole degrees

  double lat() const { return latE7 * 1e-7; }
  double lon() const { return lonE7 * 1e-7; }
};

// What AIS says about a vessel besides its positions; the first non-empty value of each field
// wins. Missing numbers are 0, missing text is empty.
struct AisVesselInfo {
  std::uint32_t mmsi = 0;
  std::string name;
  std::string imo;  // digits only; empty for missing or the IMO0000000 placeholder
  std::string callSign;
  int aisType = 0;  // AIS "type of ship and cargo" (0 = not available)
  double lengthM = 0;
  double widthM = 0;

  // Fills the fields that are still missing from another report of the same vessel.
  void merge(const AisVesselInfo& other);
};

// Why a row was not kept. Every row read is either accepted or counted under one reason.
enum class DropReason : std::uint8_t {
  WrongColumnCount,
  BadNumber,
  BadTime,
  PositionNotAvailable,  // lat 91 / lon 181 (the AIS "not available" values) or empty
  PositionOutOfRange,
  NonVesselMmsi,  // base stations, aids to navigation, SAR aircraft, EPIRBs ...
  Duplicate,      // same vessel, time and position as a row already kept
  ImplausibleJump,
};
inline constexpr int kDropReasonCount = 8;
// snake_case, as in `corridor ais stats --json`.
const char* dropReasonKey(DropReason reason);

// Fields set to "not available" on a kept row (the position is kept).
enum class Sentinel : std::uint8_t { Heading511, Cog360, Sog102_3 };
inline constexpr int kSentinelCount = 3;
const char* sentinelKey(Sentinel sentinel);

// A row that was dropped, kept as an example for the user.
struct AisBadRow {
  std::string file;
  std::int64_t line = 0;  // 1-based, header included
  DropReason reason{};
  std::string detail;
};

struct AisCounts {
  std::int64_t rowsRead = 0;
  std::int64_t bytesRead = 0;
  std::array<std::int64_t, kDropReasonCount> dropped{};
  std::array<std::int64_t, kSentinelCount> sentinels{};
  std::vector<AisBadRow> examples;  // the first kMaxExamples dropped rows, in file order

  static constexpr std::size_t kMaxExamples = 10;

  void drop(DropReason reason, std::int64_t count = 1) { dropped[std::size_t(reason)] += count; }
  std::int64_t droppedTotal() const;
  void merge(const AisCounts& other);
};

}  // namespace corridor::io
