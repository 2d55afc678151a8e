#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"
#include "io/AisFields.h"
#include "io/AisTime.h"
#include "io/AisTypes.h"
#include "io/AisVesselTable.h"

namespace corridor::io {

// Where each field sits in a row of a comma-separated file, found by column names (AisFields).
struct AisCsvLayout {
  std::string formatName;  // "MarineCadastre", "Danish Maritime Authority", ... or "CSV"
  int columns = 0;
  AisColumnMap map;
  AisTimeFormat timeFormat = AisTimeFormat::Auto;
  std::size_t rowsPerReason = AisCounts::kExamplesPerReason;  // dropped rows kept per reason
};

// Reads a header line (a UTF-8 BOM and a CR are allowed). The known layouts of FACTS.md are
// named; any other header with id, time and position columns (common names or `given`) reads
// too. The error shows the line, names the columns and says how to read them.
core::Result<AisCsvLayout> detectAisCsvLayout(std::string_view headerLine, const AisFieldNames& given = {});

// The time fields of up to `maxLines` lines of `text` (whole lines, no header): what decides a
// file's date order.
std::vector<std::string> sampleAisCsvTimes(std::string_view text, const AisCsvLayout& layout, std::size_t maxLines);

// What parsing one piece of a file (whole lines) gave.
struct AisCsvChunk {
  std::vector<AisPoint> points;  // lines relative to the chunk's first line (1), file 0
  AisVesselTable vessels;
  AisTextIds textIds;  // the chunk's own keys for text ids
  AisCounts counts;    // row line numbers relative to the chunk's first line (1)
  std::int64_t lines = 0;
  int timeResolutionSeconds = 1;  // the coarsest of the chunk's kept rows' times
};

// Parses whole lines (the last may lack its newline). Thread-safe: no shared state.
AisCsvChunk parseAisCsvChunk(std::string_view text, const AisCsvLayout& layout);

}  // namespace corridor::io
