#include "SceneFlags.h"

namespace corridor::cli {

void addSceneOptions(CLI::App& command, app::SceneOptions& options) {
  command.add_option("--vector", options.vectors,
                     "Vector dataset PATH[:LAYER] (any OGR format and CRS; repeatable). Replaces "
                     "the default countries: polygons are land, lines are borders/coastlines");
  command.add_option("--raster", options.raster,
                     "Raster imagery (any GDAL format and CRS) replacing the default day image; "
                     "implies --basemap imagery");
  command.add_option("--basemap", options.basemap, "Basemap style: vector or imagery")
      ->check(CLI::IsMember({"vector", "imagery"}));
  command.add_option("--view", options.view, "globe (3D) or map (flat, Pacific-centred)")
      ->check(CLI::IsMember({"globe", "map"}));
  command.add_option("--camera", options.camera,
                     "LON,LAT,ALT_KM: the point at the image centre and the height above it "
                     "(default -170,35,12000: the North Pacific)");
  command.add_option("--time", options.time,
                     "UTC time (ISO 8601) for the sun position of --night");
  command.add_flag("--graticule", options.graticule, "Draw meridians and parallels every 15 degrees");
  command.add_flag("--night", options.night, "Imagery: city lights on the night side");
  command.add_flag("--no-atmosphere", options.noAtmosphere, "No atmosphere rim or haze");
  command.add_flag("--no-outlines", options.noOutlines, "No coastlines or borders");
  command.add_flag("--validation", options.validation,
                   "Enable the Vulkan validation layer (also CORRIDOR_VALIDATION=1)");
  command.add_option("--device", options.device,
                     "Use the Vulkan device whose name contains this text (also CORRIDOR_DEVICE)");
}

}  // namespace corridor::cli
