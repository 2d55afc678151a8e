#include "io/AisTypes.h"

#include <numeric>

namespace corridor::io {

void AisVesselInfo::merge(const AisVesselInfo& other) {
  if (name.empty()) name = other.name;
  if (imo.empty()) imo = other.imo;
  if (callSign.empty()) callSign = other.callSign;
  if (aisType == 0) aisType = other.aisType;
  if (lengthM == 0) lengthM = other.lengthM;
  if (widthM == 0) widthM = other.widthM;
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

std::int64_t AisCounts::droppedTotal() const {
  return std::accumulate(dropped.begin(), dropped.end(), std::int64_t{0});
}

void AisCounts::merge(const AisCounts& other) {
  rowsRead += other.rowsRead;
  bytesRead += other.bytesRead;
  for (int i = 0; i < kDropReasonCount; ++i) dropped[i] += other.dropped[i];
  for (int i = 0; i < kSentinelCount; ++i) sentinels[i] += other.sentinels[i];
  for (const AisBadRow& row : other.examples) {
    if (examples.size() >= kMaxExamples) break;
    examples.push_back(row);
  }
}

}  // namespace corridor::io
