#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/Time.h"

namespace corridor::io {

// A vessel's key: its MMSI, or kTextIdKeys + n for the n-th vessel known by a text id (a
// track or segment id, "A17"), which no MMSI reaches.
inline constexpr std::uint32_t kTextIdKeys = 0x80000000u;

// One accepted AIS position report, compact: positions in 1e-7 degrees (AIS itself resolves
// 1/10000 minute, ~1.7e-6 degrees), speeds and courses in tenths, -1 for "not available", and
// where it came from (for the rows cleaning drops). 32 bytes, as without the source: it fills
// what was padding. Trivial (no member initialisers) so that arrays of millions are allocated
// without being written twice; the readers set every field.
struct AisPoint {
  core::UtcMicros time;
  std::uint32_t vessel;  // the vessel's key
  std::int32_t latE7;
  std::int32_t lonE7;
  std::uint32_t line;      // in its file (1-based, header included), or the OGR feature id
  std::int16_t sogTenths;  // knots * 10
  std::int16_t cogTenths;  // degrees * 10
  std::int16_t heading;    // whole degrees
  std::uint16_t file;      // index into the data set's files

  double lat() const { return latE7 * 1e-7; }
  double lon() const { return lonE7 * 1e-7; }
};
static_assert(sizeof(AisPoint) == 32);

// What AIS says about a vessel besides its positions; the first non-empty value of each field
// wins. Missing numbers are 0, missing text is empty.
struct AisVesselInfo {
  std::uint32_t key = 0;  // the MMSI, or a text id's key
  std::string textId;     // the id as written, for vessels not known by MMSI
  std::string name;
  std::string imo;  // digits only; empty for missing or the IMO0000000 placeholder
  std::string callSign;
  int aisType = 0;  // AIS "type of ship and cargo" (0 = not available)
  double lengthM = 0;
  double widthM = 0;

  bool hasMmsi() const { return key < kTextIdKeys; }
  // Every field known: later reports have nothing to add.
  bool complete() const;
  // "MMSI 367000001" or "id A17".
  std::string label() const;
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
  MissingId,      // an empty vessel id in a text-id column
};
inline constexpr int kDropReasonCount = 9;
// snake_case, as in `corridor ais stats --json`.
const char* dropReasonKey(DropReason reason);

// Fields set to "not available" on a kept row (the position is kept).
enum class Sentinel : std::uint8_t { Heading511, Cog360, Sog102_3 };
inline constexpr int kSentinelCount = 3;
const char* sentinelKey(Sentinel sentinel);

// A row that was dropped, kept to show the user.
struct AisBadRow {
  std::string file;
  std::int64_t line = 0;  // 1-based, header included; the feature id where `feature`
  DropReason reason{};
  std::string detail;
  bool feature = false;  // read through OGR from a format without lines
};

// "FILE:LINE: detail", or "FILE: feature N: detail".
std::string describeBadRow(const AisBadRow& row);

struct AisCounts {
  std::int64_t rowsRead = 0;
  std::int64_t bytesRead = 0;
  // Good rows left out because they lie outside the window asked for (not dropped).
  std::int64_t outsideWindow = 0;
  std::array<std::int64_t, kDropReasonCount> dropped{};
  std::array<std::int64_t, kSentinelCount> sentinels{};
  // The first `rowsPerReason` dropped rows of each reason, in the order they were found (file
  // order for the readers' reasons, vessel order for cleaning's).
  std::vector<AisBadRow> rows;
  std::size_t rowsPerReason = kExamplesPerReason;

  static constexpr std::size_t kExamplesPerReason = 10;
  static constexpr std::size_t kEveryRow = std::size_t(-1);

  // Counts a dropped row and keeps it if its reason has room; `makeRow` is only called then.
  template <typename MakeRow>
  void drop(DropReason reason, MakeRow&& makeRow) {
    if (std::size_t(dropped[std::size_t(reason)]++) < rowsPerReason) rows.push_back(makeRow());
  }
  std::int64_t droppedTotal() const;
  // Adds other's counts and, within this one's limit per reason, its rows (moved: with
  // --dropped there may be millions).
  void merge(AisCounts other);
};

}  // namespace corridor::io
