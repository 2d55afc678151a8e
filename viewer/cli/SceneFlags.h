#pragma once
#include <CLI/CLI.hpp>

#include "app/SceneOptions.h"

namespace corridor::cli {

// The flags of the geodata, the look and the camera that render, view and record share:
// --vector, --raster, --basemap, --view, --camera, --time, --graticule, --night,
// --no-atmosphere, --no-outlines, --validation, --device.
void addSceneOptions(CLI::App& command, app::SceneOptions& options);

}  // namespace corridor::cli
