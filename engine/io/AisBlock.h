#pragma once
// Private to engine/io: a run of one vessel's reports packed into bytes, as an AIS archive keeps
// them (a row per block instead of a row per report: a day of US AIS is ~30 k rows, read in one
// range scan of the time index, at ~14 bytes a report instead of ~140).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Time.h"
#include "io/AisTracks.h"

namespace corridor::io {

// Blocks never span a UTC boundary of this many hours, so a window's blocks are those that
// start from the boundary before it on: one index range, whatever the archive's length.
inline constexpr core::UtcMicros kAisBlockSpan = 6LL * 3600 * core::kMicrosPerSecond;
// The start of the block period holding `time`.
core::UtcMicros aisBlockPeriod(core::UtcMicros time);

// Format, per report after a version byte: zig-zag varint deltas of time (from the block's
// start), latitude and longitude (1e-7 degrees, from 0), then SOG, COG and heading as
// little-endian int16.
std::string encodeAisBlock(const AisTrackSet& set, std::uint32_t begin, std::uint32_t end, core::UtcMicros start);

// The most reports `bytes` bytes of a block can hold: each takes at least 9 (three one-byte
// varints and three int16), after the version byte.
inline std::size_t aisBlockMostReports(std::size_t bytes) { return bytes == 0 ? 0 : (bytes - 1) / 9; }

// The reports of a block, appended to `out` with vessel, file and line (the block's row) set;
// nothing appended and false when the bytes do not hold `count` reports.
bool decodeAisBlock(const std::string& bytes, core::UtcMicros start, std::size_t count, AisPoint proto,
                    std::vector<AisPoint>& out);

}  // namespace corridor::io
