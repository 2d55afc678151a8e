#pragma once
#include <cstdint>
#include <vector>

#include "io/AisTypes.h"

namespace corridor::io {

// Vessels by MMSI in insertion order, behind an open-addressing index: the parser looks one up
// per row, so this must cost a probe, not a node walk.
class AisVesselTable {
 public:
  // The vessel's entry, created (with its MMSI set) when new.
  AisVesselInfo& operator[](std::uint32_t mmsi);
  // Position in insertion order; -1 when absent.
  std::int64_t indexOf(std::uint32_t mmsi) const;
  // Adds other's vessels; for known ones, fills missing fields.
  void merge(const AisVesselTable& other);

  std::size_t size() const { return vessels_.size(); }
  const std::vector<AisVesselInfo>& vessels() const { return vessels_; }
  // Hands the vessels over (the table is left empty).
  std::vector<AisVesselInfo> release();

 private:
  std::size_t slotOf(std::uint32_t mmsi) const;
  void grow();

  struct Slot {
    std::uint32_t mmsi = 0;
    std::uint32_t index = 0;  // + 1 into vessels_; 0 for an empty slot
  };
  std::vector<Slot> slots_;
  std::vector<AisVesselInfo> vessels_;
};

}  // namespace corridor::io
