#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/AisTypes.h"

namespace corridor::io {

// Vessels by key (the MMSI, or a text id's key) in insertion order, behind an open-addressing index: the parser looks one up
// per row, so this must cost a probe, not a node walk.
class AisVesselTable {
 public:
  // The vessel's entry, created (with its key set) when new.
  AisVesselInfo& operator[](std::uint32_t key);
  // The vessel's position in insertion order, created when new. With complete(), a parser
  // passes over the reports of a vessel it knows all about without touching its entry: the
  // entries of thousands of vessels, met in random order, miss the cache on every report.
  std::size_t insert(std::uint32_t key);
  AisVesselInfo& at(std::size_t index) { return vessels_[index]; }
  bool complete(std::size_t index) const { return complete_[index] != 0; }
  void markComplete(std::size_t index) { complete_[index] = 1; }
  // Position in insertion order; -1 when absent.
  std::int64_t indexOf(std::uint32_t key) const;
  // Adds other's vessels; for known ones, fills missing fields.
  void merge(const AisVesselTable& other);
  // Gives every vessel the key `newKey` maps its key to (a one-to-one map).
  void rekey(const std::function<std::uint32_t(std::uint32_t)>& newKey);
  // Room for this many vessels without growing: a parser's table would otherwise be rebuilt
  // and its entries moved a few times for every chunk of a file.
  void reserve(std::size_t vessels);

  std::size_t size() const { return vessels_.size(); }
  const std::vector<AisVesselInfo>& vessels() const { return vessels_; }
  // Hands the vessels over (the table is left empty).
  std::vector<AisVesselInfo> release();

 private:
  std::size_t slotOf(std::uint32_t key) const;
  void grow();
  void rebuildSlots(std::size_t slotCount);

  struct Slot {
    std::uint32_t key = 0;
    std::uint32_t index = 0;  // + 1 into vessels_; 0 for an empty slot
  };
  std::vector<Slot> slots_;
  std::vector<AisVesselInfo> vessels_;
  std::vector<std::uint8_t> complete_;  // by index: markComplete() said so
};

// Text vessel ids and their keys, kTextIdKeys + n in order of first appearance.
class AisTextIds {
 public:
  // The id's key, a new one for an id not seen before.
  std::uint32_t keyOf(std::string_view id);
  const std::string& id(std::uint32_t key) const { return ids_[key - kTextIdKeys]; }
  std::size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t> keys_;  // id -> n
  std::vector<std::string> ids_;
  std::size_t last_ = 0;
};

}  // namespace corridor::io
