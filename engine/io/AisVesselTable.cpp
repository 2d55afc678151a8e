#include "io/AisVesselTable.h"

namespace corridor::io {

std::size_t AisVesselTable::slotOf(std::uint32_t mmsi) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = (std::size_t(mmsi) * 0x9E3779B97F4A7C15ull >> 32) & mask;  // Fibonacci hashing
  while (slots_[slot].index != 0 && slots_[slot].mmsi != mmsi) slot = (slot + 1) & mask;
  return slot;
}

void AisVesselTable::grow() {
  slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, Slot{});
  for (std::size_t i = 0; i < vessels_.size(); ++i) {
    slots_[slotOf(vessels_[i].mmsi)] = {vessels_[i].mmsi, std::uint32_t(i + 1)};
  }
}

AisVesselInfo& AisVesselTable::operator[](std::uint32_t mmsi) {
  if (2 * (vessels_.size() + 1) > slots_.size()) grow();  // load factor at most 1/2
  const std::size_t slot = slotOf(mmsi);
  if (slots_[slot].index == 0) {
    vessels_.push_back({});
    vessels_.back().mmsi = mmsi;
    slots_[slot] = {mmsi, std::uint32_t(vessels_.size())};
  }
  return vessels_[slots_[slot].index - 1];
}

std::int64_t AisVesselTable::indexOf(std::uint32_t mmsi) const {
  if (slots_.empty()) return -1;
  const std::size_t slot = slotOf(mmsi);
  return std::int64_t(slots_[slot].index) - 1;
}

void AisVesselTable::merge(const AisVesselTable& other) {
  for (const AisVesselInfo& info : other.vessels_) (*this)[info.mmsi].merge(info);
}

std::vector<AisVesselInfo> AisVesselTable::release() {
  slots_.clear();
  return std::move(vessels_);
}

}  // namespace corridor::io
