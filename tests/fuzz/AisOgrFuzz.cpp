// The OGR AIS reader's row mapping: the input as a CSV that GDAL's CSV driver reads.
#include "FuzzInput.h"
#include "io/AisOgrReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const corridor::fuzz::MemoryFile file("ais.csv", data, size);
  corridor::io::AisRawData raw;
  (void)corridor::io::readAisOgr(file.path(), {}, raw);
  return 0;
}
