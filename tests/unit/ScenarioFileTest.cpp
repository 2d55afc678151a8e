#include "sim/ScenarioFile.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "TestSupport.h"

namespace corridor::test {
namespace {

const std::filesystem::path kDefaultScenario =
    std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets" / "scenarios" / "transpacific.toml";

// The default scenario with one line replaced (by the first match of `from`).
std::filesystem::path edited(const ScratchDir& dir, const std::string& from, const std::string& to) {
  std::string text = readTextFile(kDefaultScenario);
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  const auto path = dir / "edited.toml";
  writeTextFile(path, text);
  copyScenarioFiles(kDefaultScenario.parent_path(), dir);
  return path;
}

// ":LINE:" for the line of the file that holds `needle`, as messages write it.
std::string lineTag(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  const auto line = 1 + std::count(text.begin(), text.begin() + std::ptrdiff_t(at), '\n');
  char tag[32];
  std::snprintf(tag, sizeof tag, ":%ld:", long(line));
  return tag;
}

TEST(ScenarioFile, DefaultScenarioLoadsWithBothVariants) {
  const auto variants = sim::scenarioVariants(kDefaultScenario);
  ASSERT_TRUE(variants) << variants.error().message;
  EXPECT_EQ(*variants, (std::vector<std::string>{"baseline", "green-corridor"}));
  for (const auto& variant : *variants) {
    const auto scenario = sim::loadScenario(kDefaultScenario, variant);
    ASSERT_TRUE(scenario) << scenario.error().message;
    EXPECT_EQ(scenario->ports.size(), 6u);
    EXPECT_EQ(scenario->variant, variant);
    EXPECT_EQ(scenario->startYear, 2023);
    EXPECT_EQ(scenario->endYear, 2040);
  }
}

TEST(ScenarioFile, VariantsDifferOnlyWhereTheySay) {
  const auto base = sim::loadScenario(kDefaultScenario, "baseline");
  const auto green = sim::loadScenario(kDefaultScenario, "green-corridor");
  ASSERT_TRUE(base && green);
  const sim::Port& baseLa = base->port("LAX");
  const sim::Port& greenLa = green->port("LAX");
  EXPECT_EQ(baseLa.speedReduction.radiusNm, 20.0);
  EXPECT_EQ(greenLa.speedReduction.radiusNm, 40.0);
  EXPECT_EQ(greenLa.speedReduction.speedKn, baseLa.speedReduction.speedKn);  // not overridden
  ASSERT_EQ(greenLa.windRose.entries.size(), baseLa.windRose.entries.size());
  EXPECT_EQ(greenLa.windRose.entries[0].windFromDegrees, baseLa.windRose.entries[0].windFromDegrees);
  EXPECT_EQ(greenLa.areaSources.size(), baseLa.areaSources.size());  // merged by name
  EXPECT_DOUBLE_EQ(greenLa.areaSources[0].zeroEmissionShare.at(2030), 1.0);
  EXPECT_DOUBLE_EQ(greenLa.areaSources[0].nox, baseLa.areaSources[0].nox);
  // A year table in a variant replaces the base's whole (no grey methanol left over in 2030).
  const auto mix = green->fuelMix("oil-fleet").at(2030);
  EXPECT_DOUBLE_EQ(mix[std::size_t(sim::Fuel::GreyMethanol)], 0.0);
  EXPECT_DOUBLE_EQ(mix[std::size_t(sim::Fuel::Ammonia)], 0.2);
  EXPECT_EQ(green->services.size(), base->services.size());
}

struct BadInput {
  const char* what;
  std::string from, to;
  std::string key;      // expected in the message
  std::string anchor;   // text on the line the message must name
};

TEST(ScenarioFile, BadInputNamesTheFileTheLineAndTheKey) {
  const std::vector<BadInput> cases{
      {"unknown key", "port_radius_nm = 25\nemission_control_area", "port_radius_nm = 25\nberths = 4\nemission_control_area",
       "ports[0].berths", "berths = 4"},
      {"wrong type", "ships = 6\nsailing_interval_days = 7", "ships = \"six\"\nsailing_interval_days = 7",
       "services[0].ships", "ships = \"six\""},
      {"missing port", "from = [\"LAX\", \"LGB\"]\nto = [\"TYO\", \"YOK\"]", "from = [\"LAX\", \"LGB\"]\nto = [\"TYO\", \"OSAKA\"]",
       "corridors[0]", ""},
      {"negative speed", "speed_kn = 18", "speed_kn = -18", "services[0].speed_kn", "speed_kn = -18"},
      {"fuel mix not 100 %", "2023 = { LNG = 0.9, MGO = 0.1 }", "2023 = { LNG = 0.9, MGO = 0.2 }",
       "fuel_mixes[1].shares.2023", "MGO = 0.2"},
      {"latitude 95", "position = [-118.2625, 33.7300]", "position = [-118.2625, 95.0]",
       "ports[0].position", "95.0"},
      {"duplicate id", "id = \"LGB\"", "id = \"LAX\"", "ports[1].id", ""},
      {"empty fuel mix", "shares = { 2023 = { LNG = 0.9, MGO = 0.1 } }", "shares = {}",
       "fuel_mixes[1].shares", "shares = {}"},
      {"latitude nan (passes < and > tests)", "[141.0000, 34.5000]", "[141.0000, nan]", "corridors[0].waypoints[4]",
       "nan]"},
      {"a port at both ends of a corridor", "from = \"LAX\"\nto = \"LGB\"", "from = \"LAX\"\nto = [\"LGB\", \"LAX\"]",
       "corridors[5].to: port 'LAX' is at both ends", "to = [\"LGB\", \"LAX\"]"},
      {"port id as a path", "id = \"LAX\"", "id = \"../LAX\"", "ports[0].id", "../LAX"},
      {"a rotation through an unknown port", "rotation = [\"SHA\", \"LAX\"]", "rotation = [\"SHA\", \"OAK\"]",
       "services[0].rotation[1]", ""},
      {"a leg no corridor joins", "rotation = [\"SHA\", \"LAX\"]", "rotation = [\"TYO\", \"SIN\"]",
       "services[0].rotation[0]", ""},
      {"two calls in a row at one port", "rotation = [\"SHA\", \"LAX\"]", "rotation = [\"SHA\", \"LAX\", \"LAX\"]",
       "services[0].rotation[1]: calls at 'LAX' twice in a row", ""},
      {"a dwell for a port not called at", "dwell_hours = { SHA = 24, LAX = 72 }", "dwell_hours = { SHA = 24, LAX = 72, SIN = 24 }",
       "services[0].dwell_hours.SIN", ""},
      {"a call without a dwell", "dwell_hours = { SHA = 24, LAX = 72 }", "dwell_hours = { SHA = 24 }",
       "services[0].dwell_hours", ""},
      {"both a rotation and a corridor", "rotation = [\"SHA\", \"LAX\"]", "rotation = [\"SHA\", \"LAX\"]\ncorridor = \"SPB-SHA\"",
       "services[0]: give either", ""},
      {"an empty corridor id", "rotation = [\"SHA\", \"LAX\"]", "corridor = \"\"", "services[0].corridor: unknown corridor ''", ""},
      {"a corridor with several ports at an end", "rotation = [\"SHA\", \"LAX\"]", "corridor = \"SPB-SHA\"",
       "services[0].corridor", ""},
      {"tonnes and grams per TEU mixed", "nox_g_per_teu = 10.4", "nox_g_per_teu = 10.4\nco2_t_per_year = 1000",
       "ports[0].area_sources[0]", ""},
      {"grams per TEU without a throughput", "throughput_teu = { 2023 = 8634497 }", "", "ports[0].area_sources[0]", ""},
      {"an area beyond where the heatmap draws it", "offset_km = [2.0, 17.0]", "offset_km = [2.0, 27.0]",
       "ports[0].area_sources[2].offset_km: the area's farthest corner lies 43.14 km from the port; areas may reach "
       "at most 40 km: the largest dispersion grid's 48 km less the heatmap's 8 km fade",
       "offset_km = [2.0, 27.0]"},
      {"a box whose corner lies beyond it", "size_km = [3.0, 32.0]\noffset_km = [2.0, 17.0]", "size_km = [60.0, 60.0]",
       "ports[0].area_sources[2].size_km: the area's farthest corner lies 42.43 km", "size_km = [60.0, 60.0]"},
      {"an offset beyond the dispersion grid", "offset_km = [2.0, 17.0]", "offset_km = [2.0, 41.0]",
       "ports[0].area_sources[2].offset_km: values must be within -40", "offset_km = [2.0, 41.0]"},
      {"a path of one point", "path_km = [[-1.0, 1.0], [-2.5, 2.5], [-6.5, 13.0], [-11.0, 25.5], [-14.0, 29.0]]",
       "path_km = [[-1.0, 1.0]]", "ports[4].area_sources[1].path_km: expected 2 to 200", "path_km = [[-1.0, 1.0]]"},
      {"a path of no length", "path_km = [[-1.0, 1.0], [-2.5, 2.5], [-6.5, 13.0], [-11.0, 25.5], [-14.0, 29.0]]",
       "path_km = [[-1.0, 1.0], [-1.0, 1.0]]", "ports[4].area_sources[1].path_km: the path has no length",
       "path_km = [[-1.0, 1.0], [-1.0, 1.0]]"},
      {"a path point beyond the dispersion grid", "[-11.0, 25.5], [-14.0, 29.0]]", "[-11.0, 25.5], [-14.0, 41.0]]",
       "ports[4].area_sources[1].path_km[4]: values must be within -40", "[-14.0, 41.0]"},
      {"a path whose width reaches beyond the grid", "[-11.0, 25.5], [-14.0, 29.0]]", "[-11.0, 25.5], [-14.0, 39.8]]",
       "ports[4].area_sources[1].path_km: the area's farthest corner lies 42.83 km from the port", "[-14.0, 39.8]"},
      {"both a path and a box", "width_km = 1.0", "width_km = 1.0\nsize_km = [1.0, 1.0]",
       "ports[4].area_sources[1]: give the area as path_km (with width_km) or as size_km", ""},
      {"a strip too narrow for the grid", "width_km = 1.0", "width_km = 0.4", "ports[4].area_sources[1].width_km",
       "width_km = 0.4"},
      {"a strip too large to disperse", "width_km = 1.0", "width_km = 4.0",
       "ports[4].area_sources[1].path_km: the strip covers 125 km2", "path_km = [[-1.0, 1.0]"},
      {"a width without a path", "size_km = [4.0, 3.0]", "size_km = [4.0, 3.0]\nwidth_km = 1.0",
       "ports[0].area_sources[0].width_km: width_km is the width of a path_km", "width_km = 1.0\n"},
      {"neither a box nor a path", "size_km = [4.0, 3.0]", "",
       "ports[0].area_sources[0]: give size_km (a box, with offset_km) or path_km", ""},
  };
  for (const BadInput& bad : cases) {
    ScratchDir dir;
    const auto path = edited(dir, bad.from, bad.to);
    const auto result = sim::loadScenario(path, "baseline");
    ASSERT_FALSE(result) << bad.what;
    const std::string& message = result.error().message;
    EXPECT_TRUE(containsText(message, path.string())) << bad.what;
    EXPECT_TRUE(containsText(message, bad.key)) << bad.what << ": " << message;
    if (!bad.anchor.empty()) {
      EXPECT_TRUE(containsText(message, lineTag(readTextFile(path), bad.anchor))) << bad.what << ": " << message;
    }
  }
}

// The default scenario with several edits, each of the first match.
std::filesystem::path editedAll(const ScratchDir& dir, const std::vector<std::pair<std::string, std::string>>& edits) {
  std::string text = readTextFile(kDefaultScenario);
  for (const auto& [from, to] : edits) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
  }
  const auto path = dir / "edited.toml";
  writeTextFile(path, text);
  copyScenarioFiles(kDefaultScenario.parent_path(), dir);
  return path;
}

TEST(ScenarioFile, AScheduleThatCannotBeKeptNamesTheServiceInsteadOfHanging) {
  ScratchDir dir;
  // A loop from Los Angeles to Long Beach and back with no time at berth: a few miles to fill a
  // 42-day loop (before, a zero-length cycle divided by zero; a 0.001 h dwell built a voyage
  // every few seconds).
  for (const std::string dwell : {"0", "0.001"}) {
    const auto path = editedAll(dir, {{"rotation = [\"SHA\", \"LAX\"]", "rotation = [\"LAX\", \"LGB\"]"},
                                      {"dwell_hours = { SHA = 24, LAX = 72 }", "dwell_hours = " + dwell}});
    const auto result = sim::loadScenario(path, "baseline");
    ASSERT_FALSE(result) << "dwell " << dwell;
    EXPECT_TRUE(containsText(result.error().message, "services[0] 'PSW-01': 6 ships 7 days apart make a loop of 42.0 days"))
        << result.error().message;
    EXPECT_TRUE(containsText(result.error().message, "fill only under 9 kn, half of speed_kn 18")) << result.error().message;
  }
  // 1000 ships a week apart: a loop of 7000 days that no ship fills at 9 kn.
  const auto crowded = sim::loadScenario(editedAll(dir, {{"ships = 6", "ships = 1000"}}), "baseline");
  ASSERT_FALSE(crowded);
  EXPECT_TRUE(containsText(crowded.error().message, "services[0] 'PSW-01': 1000 ships 7 days apart"))
      << crowded.error().message;
  // Two ships cannot call weekly on a loop of ~5,900 nm each way at 18 kn with 96 h at berth
  // (~31 days).
  const auto sparse = sim::loadScenario(editedAll(dir, {{"ships = 6", "ships = 2"}}), "baseline");
  ASSERT_FALSE(sparse);
  EXPECT_TRUE(containsText(sparse.error().message, "services[0] 'PSW-01': 2 ships 7 days apart make a loop of 14.0 "
                                                   "days, but the loop takes 3"))
      << sparse.error().message;
  EXPECT_TRUE(containsText(sparse.error().message, "add ships or lengthen sailing_interval_days")) << sparse.error().message;
}

TEST(ScenarioFile, LandsideSourcesCountTonnesAYearOrGramsPerTeu) {
  // Los Angeles' equipment given as 600 t of NOx a year instead of 10.4 g per TEU: with 30 %
  // zero-emission in 2030, 420 t; per TEU it is 10.4 g x 8,634,497 TEU x 0.7 = 62.859 t.
  ScratchDir dir;
  const auto path = editedAll(dir, {{"nox_g_per_teu = 10.4\npm25_g_per_teu = 0.52\nsox_g_per_teu = 0.16\nco2_g_per_teu = 17500",
                                     "nox_t_per_year = 600"}});
  const auto tonnes = sim::loadScenario(path, "baseline");
  const auto perTeu = sim::loadScenario(kDefaultScenario, "baseline");
  ASSERT_TRUE(tonnes && perTeu) << (tonnes ? perTeu.error().message : tonnes.error().message);
  const sim::Port& la = tonnes->port("LAX");
  EXPECT_FALSE(la.areaSources[0].perTeu);
  EXPECT_NEAR(sim::landsideEmissions(la, la.areaSources[0], 2030).nox, 420'000.0, 1e-6);
  EXPECT_EQ(sim::landsideEmissions(la, la.areaSources[0], 2030).co2, 0.0);
  const sim::Port& perTeuLa = perTeu->port("LAX");
  EXPECT_TRUE(perTeuLa.areaSources[0].perTeu);
  // And 0.52 g of PM2.5, 0.16 g of SOx and 17.5 kg of CO2 per TEU: 3,142.96 kg, 967.06 kg and
  // 105,772.59 t.
  const sim::Emissions equipment = sim::landsideEmissions(perTeuLa, perTeuLa.areaSources[0], 2030);
  EXPECT_NEAR(equipment.nox, 62'859.14, 0.01);
  EXPECT_NEAR(equipment.pm25, 3'142.96, 0.01);
  EXPECT_NEAR(equipment.sox, 967.06, 0.01);
  EXPECT_NEAR(equipment.co2, 105'772'588.25, 0.01);
  EXPECT_EQ(equipment.co2e, equipment.co2);
}

TEST(ScenarioFile, AVariantMayMoveALoopWithItsDwells) {
  // A variant's dwell table replaces the base's whole: PSW-01 moved from Los Angeles to Long
  // Beach does not keep a dwell at Los Angeles, which it no longer calls at.
  ScratchDir dir;
  const auto path = dir / "moved.toml";
  writeTextFile(path, readTextFile(kDefaultScenario) +
                          "\n[[variants.baseline.services]]\nid = \"PSW-01\"\nrotation = [\"SHA\", \"LGB\"]\n"
                          "dwell_hours = { SHA = 24, LGB = 60 }\n");
  copyScenarioFiles(kDefaultScenario.parent_path(), dir);
  const auto moved = sim::loadScenario(path, "baseline");
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->services[0].calls, (std::vector<std::string>{"SHA", "LGB"}));
  EXPECT_EQ(moved->services[0].dwellHours, (std::vector<double>{24, 60}));
}

TEST(ScenarioFile, ACopyWithoutTheFilesItNamesSaysWhereTheyAreLookedFor) {
  // The default scenario copied to another folder without its winds/ folder.
  ScratchDir dir;
  writeTextFile(dir / "copy.toml", readTextFile(kDefaultScenario));
  const auto copy = sim::loadScenario(dir / "copy.toml", "baseline");
  ASSERT_FALSE(copy);
  const std::string& message = copy.error().message;
  EXPECT_TRUE(containsText(message, lineTag(readTextFile(dir / "copy.toml"), "entries_file = ") + " ports[0].wind_rose.entries_file: "
                                    "'winds/san-pedro-bay-klax-2013.csv' (named relative to the scenario's folder"))
      << message;
  EXPECT_TRUE(containsText(message, "no such wind rose file")) << message;
  // And a file name left empty.
  const auto empty = sim::loadScenario(edited(dir, "entries_file = \"winds/san-pedro-bay-klax-2013.csv\"", "entries_file = \"\""),
                                       "baseline");
  ASSERT_FALSE(empty);
  EXPECT_TRUE(containsText(empty.error().message, "ports[0].wind_rose.entries_file: name a CSV file")) << empty.error().message;
}

TEST(ScenarioFile, AVariantNameThatIsAPathIsRefused) {
  ScratchDir dir;
  const auto path = dir / "escape.toml";
  writeTextFile(path, readTextFile(kDefaultScenario) + "\n[variants.\"../../x\"]\ndescription = \"writes outside --out\"\n");
  const auto names = sim::scenarioVariants(path);
  ASSERT_FALSE(names);
  EXPECT_TRUE(containsText(names.error().message, "variants.../../x")) << names.error().message;
  EXPECT_TRUE(containsText(names.error().message, "only letters, digits")) << names.error().message;
  EXPECT_FALSE(sim::loadScenario(path, "baseline"));
}

TEST(ScenarioFile, MalformedTomlNamesTheLine) {
  ScratchDir dir;
  const auto path = edited(dir, "name = \"Port of Tokyo\"", "name = \"Port of Tokyo");
  const auto result = sim::loadScenario(path, "baseline");
  ASSERT_FALSE(result);
  EXPECT_TRUE(containsText(result.error().message, lineTag(readTextFile(path), "name = \"Port of Tokyo")))
      << result.error().message;
  EXPECT_TRUE(containsText(result.error().message, "malformed TOML"));
}

TEST(ScenarioFile, UnknownVariantAndMissingFileAreErrors) {
  EXPECT_FALSE(sim::loadScenario(kDefaultScenario, "net-zero-yesterday"));
  EXPECT_TRUE(containsText(sim::loadScenario(kDefaultScenario, "x").error().message, "green-corridor"));
  EXPECT_FALSE(sim::loadScenario("/nonexistent/scenario.toml", ""));
}

TEST(YearCurve, InterpolatesBetweenYearsAndHoldsOutside) {
  sim::YearCurve curve;
  curve.points = {{2023, 0.2}, {2030, 0.9}};
  EXPECT_DOUBLE_EQ(curve.at(2020), 0.2);
  EXPECT_DOUBLE_EQ(curve.at(2023), 0.2);
  EXPECT_NEAR(curve.at(2026.5), 0.55, 1e-12);
  EXPECT_DOUBLE_EQ(curve.at(2030), 0.9);
  EXPECT_DOUBLE_EQ(curve.at(2045), 0.9);
}

}  // namespace
}  // namespace corridor::test
