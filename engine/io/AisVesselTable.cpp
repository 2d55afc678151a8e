#include "io/AisVesselTable.h"

namespace corridor::io {

std::size_t AisVesselTable::slotOf(std::uint32_t key) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = (std::size_t(key) * 0x9E3779B97F4A7C15ull >> 32) & mask;  // Fibonacci hashing
  while (slots_[slot].index != 0 && slots_[slot].key != key) slot = (slot + 1) & mask;
  return slot;
}

void AisVesselTable::grow() { rebuildSlots(slots_.empty() ? 1024 : slots_.size() * 2); }

void AisVesselTable::rebuildSlots(std::size_t slotCount) {
  slots_.assign(slotCount, Slot{});
  for (std::size_t i = 0; i < vessels_.size(); ++i) {
    slots_[slotOf(vessels_[i].key)] = {vessels_[i].key, std::uint32_t(i + 1)};
  }
}

std::size_t AisVesselTable::insert(std::uint32_t key) {
  if (2 * (vessels_.size() + 1) > slots_.size()) grow();  // load factor at most 1/2
  const std::size_t slot = slotOf(key);
  if (slots_[slot].index == 0) {
    vessels_.push_back({});
    vessels_.back().key = key;
    complete_.push_back(0);
    slots_[slot] = {key, std::uint32_t(vessels_.size())};
  }
  return slots_[slot].index - 1;
}

AisVesselInfo& AisVesselTable::operator[](std::uint32_t key) { return vessels_[insert(key)]; }

std::int64_t AisVesselTable::indexOf(std::uint32_t key) const {
  if (slots_.empty()) return -1;
  const std::size_t slot = slotOf(key);
  return std::int64_t(slots_[slot].index) - 1;
}

void AisVesselTable::merge(const AisVesselTable& other) {
  for (const AisVesselInfo& info : other.vessels_) (*this)[info.key].merge(info);
}

void AisVesselTable::rekey(const std::function<std::uint32_t(std::uint32_t)>& newKey) {
  for (AisVesselInfo& info : vessels_) info.key = newKey(info.key);
  if (!slots_.empty()) rebuildSlots(slots_.size());
}

void AisVesselTable::reserve(std::size_t vessels) {
  std::size_t slotCount = 1024;
  while (slotCount < 2 * vessels) slotCount *= 2;
  vessels_.reserve(vessels);
  complete_.reserve(vessels);
  if (slotCount > slots_.size()) rebuildSlots(slotCount);
}

std::uint32_t AisTextIds::keyOf(std::string_view id) {
  if (last_ < ids_.size() && ids_[last_] == id) return kTextIdKeys + std::uint32_t(last_);  // rows come by vessel
  const auto [at, added] = keys_.try_emplace(std::string(id), std::uint32_t(ids_.size()));
  if (added) ids_.emplace_back(id);
  last_ = at->second;
  return kTextIdKeys + at->second;
}

std::vector<AisVesselInfo> AisVesselTable::release() {
  slots_.clear();
  complete_.clear();
  return std::move(vessels_);
}

}  // namespace corridor::io
