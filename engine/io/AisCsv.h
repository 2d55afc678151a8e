#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"
#include "io/AisTypes.h"
#include "io/AisVesselTable.h"

namespace corridor::io {

// The CSV layouts of the AIS files people have (FACTS.md), told apart by their header line.
enum class AisCsvFormat { MarineCadastre, MarineCadastre2024, Dma };
const char* aisCsvFormatName(AisCsvFormat format);

// Where each field sits in a row; -1 where the format has no such column.
struct AisCsvLayout {
  AisCsvFormat format{};
  int columns = 0;
  int mmsi = -1, time = -1, lat = -1, lon = -1, sog = -1, cog = -1, heading = -1;
  int name = -1, imo = -1, callSign = -1, shipType = -1, length = -1, width = -1;
  int typeOfMobile = -1;
};

// Recognises a header line (a UTF-8 BOM and a CR are allowed); the error says which headers
// were expected.
core::Result<AisCsvLayout> detectAisCsvLayout(std::string_view headerLine);

// What parsing one piece of a file (whole lines) gave.
struct AisCsvChunk {
  std::vector<AisPoint> points;
  AisVesselTable vessels;
  AisCounts counts;  // example line numbers relative to the chunk's first line (1)
  std::int64_t lines = 0;
};

// Parses whole lines (the last may lack its newline). Thread-safe: no shared state.
AisCsvChunk parseAisCsvChunk(std::string_view text, const AisCsvLayout& layout);

}  // namespace corridor::io
