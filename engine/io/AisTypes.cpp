#include "io/AisTypes.h"

#include <numeric>
#include <utility>

namespace corridor::io {

std::string AisVesselInfo::label() const { return hasMmsi() ? "MMSI " + std::to_string(key) : "id " + textId; }

void AisVesselInfo::merge(const AisVesselInfo& other) {
  if (textId.empty()) textId = other.textId;
  if (name.empty()) name = other.name;
  if (imo.empty()) imo = other.imo;
  if (callSign.empty()) callSign = other.callSign;
  if (aisType == 0) aisType = other.aisType;
  if (lengthM == 0) lengthM = other.lengthM;
  if (widthM == 0) widthM = other.widthM;
}

bool AisVesselInfo::complete() const {
  return (hasMmsi() || !textId.empty()) && !name.empty() && !imo.empty() && !callSign.empty() && aisType != 0 &&
         lengthM > 0 && widthM > 0;
}

const char* dropReasonKey(DropReason reason) {
  switch (reason) {
    case DropReason::WrongColumnCount: return "wrong_column_count";
    case DropReason::BadNumber: return "bad_number";
    case DropReason::BadTime: return "bad_time";
    case DropReason::PositionNotAvailable: return "position_not_available";
    case DropReason::PositionOutOfRange: return "position_out_of_range";
    case DropReason::NonVesselMmsi: return "non_vessel_mmsi";
    case DropReason::Duplicate: return "duplicate";
    case DropReason::ImplausibleJump: return "implausible_jump";
    case DropReason::MissingId: return "missing_id";
  }
  return "unknown";
}

const char* sentinelKey(Sentinel sentinel) {
  switch (sentinel) {
    case Sentinel::Heading511: return "heading_511";
    case Sentinel::Cog360: return "cog_360";
    case Sentinel::Sog102_3: return "sog_102_3";
  }
  return "unknown";
}

std::string describeBadRow(const AisBadRow& row) {
  return row.file + (row.feature ? ": feature " : ":") + std::to_string(row.line) + ": " + row.detail;
}

std::int64_t AisCounts::droppedTotal() const {
  return std::accumulate(dropped.begin(), dropped.end(), std::int64_t{0});
}

void AisCounts::merge(AisCounts other) {
  // other's rows come after this one's: each reason keeps its first rowsPerReason.
  std::array<std::int64_t, kDropReasonCount> seen = dropped;
  for (AisBadRow& row : other.rows) {
    if (std::size_t(seen[std::size_t(row.reason)]++) < rowsPerReason) rows.push_back(std::move(row));
  }
  rowsRead += other.rowsRead;
  bytesRead += other.bytesRead;
  outsideWindow += other.outsideWindow;
  for (int i = 0; i < kDropReasonCount; ++i) dropped[i] += other.dropped[i];
  for (int i = 0; i < kSentinelCount; ++i) sentinels[i] += other.sentinels[i];
}

}  // namespace corridor::io
