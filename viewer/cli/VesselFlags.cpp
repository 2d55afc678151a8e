#include "VesselFlags.h"

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

VesselFlags::VesselFlags(CLI::App& command, std::string defaultScenario, const std::string& scenarioHelp)
    : defaultScenario_(std::move(defaultScenario)) {
  command.add_option("--scenario", scenario_, scenarioHelp);
  command.add_option("--variant", variant_, "Scenario variant (default: the base)");
  command.add_option("--ais", ais_,
                     "Draw AIS tracks instead of a scenario: files as for 'corridor ais stats' "
                     "(CSV, .gz, .zip, GeoPackage, ...)");
  command.add_option("--color-by", colorBy_,
                     "Scenario ships coloured by fuel, vessel class, CO2 per hour or variant (every variant of the "
                     "scenario file drawn at once, the one playing over the others)")
      ->check(CLI::IsMember({"fuel", "class", "co2", "variant"}))
      ->capture_default_str();
  command.add_option("--pollutant", pollutant_, "What the port plumes and heatmaps show")
      ->check(CLI::IsMember({"co2", "nox", "sox", "pm25"}))
      ->capture_default_str();
  command.add_flag("--no-plumes", noPlumes_, "No port plumes or heatmaps");
  command.add_option("--trail-hours", trailHours_, "Length of the vessel trails")
      ->check(CLI::Range(0.0, 24.0 * 90))
      ->capture_default_str();
}

app::VesselSourceOptions VesselFlags::options() const {
  app::VesselSourceOptions options;
  options.scenario = scenario_.empty() && ais_.empty() ? defaultScenario_ : scenario_;
  options.variant = variant_;
  options.ais = ais_;
  options.trailHours = trailHours_;
  options.coloring = coloringNamed(colorBy_);
  options.pollutant = pollutantNamed(pollutant_);
  options.plumes = !noPlumes_;
  return options;
}

}  // namespace corridor::cli
