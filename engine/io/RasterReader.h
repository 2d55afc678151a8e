#pragma once
#include <filesystem>

#include "core/Image.h"
#include "core/Result.h"

namespace corridor::io {

// Any GDAL raster in any CRS, warped to a global equirectangular WGS84 RGBA8 image
// (x: -180..180, y: 90..-90) of the given size. Grey, palette, RGB and RGBA sources work;
// non-byte data is scaled from its min/max. An image without georeferencing whose width is
// twice its height is taken to be a global plate carree (as the xplanet images are).
core::Result<core::Image> readRasterEquirectangular(const std::filesystem::path& path, int width,
                                                    int height);

}  // namespace corridor::io
