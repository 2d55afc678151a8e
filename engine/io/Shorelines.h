#pragma once
// Full-resolution shorelines of a region (GSHHG, as GMT exports it) as land polygons, and the
// basemap's land replaced by them inside their regions.
#include <filesystem>
#include <vector>

#include "core/Result.h"
#include "geo/Types.h"
#include "io/VectorReader.h"

namespace corridor::io {

struct ShorelineRegion {
  geo::LonLatBox box;
  std::vector<geo::Polygon> land;  // clipped to the box
};

// One file of scripts/fetch-geodata: a '# region WEST/EAST/SOUTH/NORTH' line, then the output
// of 'gmt coast -M -W' for that region: '>' headers with 'Level N' (1 land, 2 lake, 3 island in
// a lake, 4 pond), then 'lon lat' rows, with the land always on the left (a lake's shore runs
// clockwise). Shorelines cut by the region are closed along its sides. Errors name the file and
// line.
core::Result<ShorelineRegion> readShorelineRegion(const std::filesystem::path& file);

// Inside each region, `data`'s polygons give way to the region's land (cut at its sides, which
// become seams: no outline is drawn along them).
core::Result<void> replaceLandInRegions(VectorData& data, const std::vector<ShorelineRegion>& regions);

}  // namespace corridor::io
