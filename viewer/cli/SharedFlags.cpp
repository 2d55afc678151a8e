#include "SharedFlags.h"

#include "TerminalProgress.h"
#include "app/DefaultScenario.h"

namespace corridor::cli {
namespace {

scene::VesselColoring coloringNamed(const std::string& name) {
  return name == "class"     ? scene::VesselColoring::VesselClass
         : name == "co2"     ? scene::VesselColoring::Co2Intensity
         : name == "variant" ? scene::VesselColoring::Variant
                             : scene::VesselColoring::Fuel;
}

sim::Pollutant pollutantNamed(const std::string& name) {
  return name == "co2"    ? sim::Pollutant::CO2
         : name == "sox"  ? sim::Pollutant::SOx
         : name == "pm25" ? sim::Pollutant::PM
                          : sim::Pollutant::NOx;
}

}  // namespace

std::vector<std::string> inputArguments(const app::SceneOptions& scene, const app::VesselSourceOptions& vessels) {
  std::vector<std::string> inputs = scene.vectors;
  inputs.insert(inputs.end(), scene.layers.begin(), scene.layers.end());
  inputs.insert(inputs.end(), vessels.ais.begin(), vessels.ais.end());
  for (const std::string* single : {&scene.raster, &vessels.scenario}) {
    if (!single->empty()) inputs.push_back(*single);
  }
  return inputs;
}

void addForceFlag(CLI::App& command, bool& force, const std::string& kind) {
  command.add_flag("--force", force, "Replace an existing --out even when it is not a " + kind +
                                         " (without it, Corridor replaces only a " + kind +
                                         " and never one of the inputs)");
}

core::Result<std::shared_ptr<const scene::Basemap>> loadBasemapShowingProgress(const app::SceneOptions& options,
                                                                              bool withImagery) {
  TerminalProgress progress;
  auto basemap = app::loadBasemap(options, withImagery, [&](double fraction, const std::string& what) {
    progress.show(fraction, what);
  });
  progress.finish();
  return basemap;
}

void addSceneOptions(CLI::App& command, app::SceneOptions& options) {
  command.add_option("--vector", options.vectors,
                     "Vector dataset PATH[:LAYER] (any OGR format and CRS; repeatable). Replaces "
                     "the default countries: polygons are land, lines are borders/coastlines");
  command.add_option("--layer", options.layers,
                     "A layer over the basemap (repeatable, bottom first; any GDAL format and CRS, .zip and .gz too). "
                     "Vector PATH[:LAYER][:color=#RRGGBB,opacity=0.35,width=1.5,label=FIELD]: polygons filled and "
                     "outlined in the colour, lines as lines, points as discs, each feature named by FIELD; colours by "
                     "default from a palette, one per layer. Raster PATH[:ramp=NAME,range=MIN,MAX,opacity=1]: drawn at "
                     "its own resolution from tiles; a single band through a ramp (viridis, cividis, magma, greys, "
                     "blues; range from its statistics), nodata transparent; RGB(A) as it is");
  command.add_option("--raster", options.raster,
                     "Raster imagery (any GDAL format and CRS) replacing the default day image; "
                     "implies --basemap imagery");
  command.add_option("--basemap", options.basemap, "Basemap style: vector or imagery")
      ->check(CLI::IsMember({"vector", "imagery"}));
  command.add_option("--view", options.view, "globe (3D) or map (flat, Pacific-centred)")
      ->check(CLI::IsMember({"globe", "map"}));
  command.add_option("--camera", options.camera,
                     "LON,LAT,ALT_KM[,HEADING,TILT]: the point at the image centre and the distance to it "
                     "(0.5 to 60000 km), optionally turned (degrees from north) and tilted (0 straight down "
                     "to 80); default: the scenario's ports and routes framed, or -170,35,12000 (the North "
                     "Pacific) without a scenario");
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

VesselFlags::VesselFlags(CLI::App& command, std::string defaultScenario, const std::string& scenarioHelp)
    : defaultScenario_(std::move(defaultScenario)) {
  scenarioOption_ = command.add_option("--scenario", scenario_, scenarioHelp);
  command.add_option("--variant", variant_, "Scenario variant (default: the base)");
  command.add_option("--ais", ais_,
                     "Draw AIS tracks instead of a scenario: files as for 'corridor ais stats' "
                     "(CSV, .gz, .zip, GeoPackage, ...)");
  aisReader_ = std::make_unique<AisReaderFlags>(command, true);
  holdOption_ = command.add_option("--hold-minutes", holdMinutes_,
                                   "AIS: how long a vessel stays at its last report, fading, after its track ends "
                                   "(default: 30, or --gap-hours if shorter)")
                    ->check(CLI::Range(0.0, 24.0 * 60));
  command.add_option("--color-by", colorBy_,
                     "Scenario ships coloured by fuel, vessel class, CO2 per hour or variant (every variant of the "
                     "scenario file drawn at once, the one playing over the others)")
      ->check(CLI::IsMember({"fuel", "class", "co2", "variant"}))
      ->capture_default_str();
  command.add_option("--pollutant", pollutant_, "What the port plumes and heatmaps show")
      ->check(CLI::IsMember({"co2", "nox", "sox", "pm25"}))
      ->capture_default_str();
  command.add_flag("--no-plumes", noPlumes_, "No port plumes or heatmaps");
  trailOption_ = command.add_option("--trail-hours", trailHours_,
                                    "Length of the vessel trails (default: 72; AIS, whose reports are minutes apart: 1)")
                     ->check(CLI::Range(0.0, 24.0 * 90));
}

app::VesselSourceOptions VesselFlags::options() const {
  app::VesselSourceOptions options;
  const bool given = scenarioOption_->count() > 0;
  options.scenario = !given && ais_.empty() ? defaultScenario_ : scenario_;
  options.ais = ais_;
  options.aisRead = aisReader_->readOptions();
  options.aisTracks = aisReader_->trackOptions();
  if (holdOption_->count() > 0) options.aisHoldMinutes = holdMinutes_;
  // An explicit --scenario, even an empty one, with --ais is the usage error VesselSource names.
  if (given && scenario_.empty() && !ais_.empty()) options.scenario = "none";
  options.variant = variant_.empty() && options.ais.empty() ? app::defaultVariant(options.scenario) : variant_;
  constexpr double kAisTrailHours = 1;
  options.trailHours = trailOption_->count() > 0 || ais_.empty() ? trailHours_ : kAisTrailHours;
  options.coloring = coloringNamed(colorBy_);
  options.pollutant = pollutantNamed(pollutant_);
  options.plumes = !noPlumes_;
  return options;
}

PaneFlags::PaneFlags(CLI::App& command, bool headlineByDefault, bool swipeOnly) {
  request_.headline = headlineByDefault;
  command.add_option("--compare", request_.compare,
                     std::string("VARIANT_A,VARIANT_B: two variants of the scenario on one clock and one camera, each "
                                 "pane labelled with its own headline numbers (e.g. baseline,green-corridor)") +
                         (swipeOnly ? "; A left and B right of a divider that the mouse drags" : ""));
  if (swipeOnly) request_.layout = "swipe";
  if (!swipeOnly) command.add_option("--compare-style", request_.layout,
                     "side-by-side (two half-width views) or swipe (whole views split at the middle)")
      ->check(CLI::IsMember({"side-by-side", "swipe"}))
      ->capture_default_str();
  command.add_flag("--headline,!--no-headline", request_.headline,
                   std::string("Counter panel: ships under way and at berth, zero-emission shares, CO2e this year to "
                               "date against the other variant and CO2e avoided since the start (default: ") +
                       (headlineByDefault ? "on" : "off") + ")");
}

}  // namespace corridor::cli
