// Vector data to land: a GeoJSON read through OGR, checked, densified and triangulated as the
// basemap's land is.
#include "FuzzInput.h"
#include "io/LandGeometry.h"
#include "io/VectorReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const corridor::fuzz::MemoryFile file("land.geojson", data, size);
  auto vectors = corridor::io::readVector({file.path(), ""});
  if (vectors) (void)corridor::io::landGeometry(*vectors);
  return 0;
}
