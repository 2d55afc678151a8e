// The fast AIS CSV parser: the first line as the header, the rest as one chunk of rows, its
// times read as the input's length picks (auto, decided from the rows, or a given order or
// epoch unit).
#include <string_view>

#include "io/AisCsv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = text.find('\n');
  auto layout = corridor::io::detectAisCsvLayout(text.substr(0, newline));
  if (!layout || newline == std::string_view::npos) return 0;
  const std::string_view rows = text.substr(newline + 1);
  const auto given = corridor::io::AisTimeFormat(size % 5);
  layout->timeFormat = corridor::io::fileTimeFormat(given, corridor::io::sampleAisCsvTimes(rows, *layout, 100), "fuzz");
  const corridor::io::AisCsvChunk chunk = corridor::io::parseAisCsvChunk(rows, *layout);
  return chunk.counts.rowsRead >= 0 ? 0 : 1;
}
