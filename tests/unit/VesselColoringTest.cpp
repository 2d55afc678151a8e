// Ship colours by fuel, class and CO2 per hour, and the legends that explain them.
#include <gtest/gtest.h>

#include <set>

#include "TripHeads.h"
#include "app/DefaultScenario.h"
#include "app/VesselSource.h"
#include "scene/VesselLayer.h"

namespace corridor {
namespace {

TEST(VesselColoring, IntensityRampRunsFromTealToRedAndClamps) {
  const glm::vec4 none = scene::intensityColor(0), half = scene::intensityColor(scene::kIntensityScaleMax / 2),
                  full = scene::intensityColor(scene::kIntensityScaleMax);
  EXPECT_GT(none.g, none.r);  // teal
  EXPECT_GT(full.r, 0.9f);    // red
  EXPECT_LT(full.g, 0.3f);
  EXPECT_NE(half, none);
  EXPECT_NE(half, full);
  EXPECT_EQ(scene::intensityColor(10 * scene::kIntensityScaleMax), full);
  EXPECT_EQ(scene::intensityColor(-1), none);
}

TEST(VesselColoring, ClassAndCo2ColouringsWithTheirLegends) {
  const core::UtcMicros t = *core::parseIso8601("2030-06-01T00:00Z");
  for (const scene::VesselColoring coloring : {scene::VesselColoring::VesselClass, scene::VesselColoring::Co2Intensity}) {
    app::VesselSourceOptions options{.scenario = "default", .variant = "baseline", .coloring = coloring};
    auto source = app::VesselSource::load(options, app::VesselSource::Period{t, t});
    ASSERT_TRUE(source && *source);
    app::OverlayContent content;
    (*source)->describe(content);
    scene::Frame frame;
    (*source)->fill(frame, t, app::FrameClock::Export);
    ASSERT_TRUE(frame.trips);
    const std::vector<test::TripHead> heads = test::tripHeadsAt(*frame.trips, t);
    ASSERT_FALSE(heads.empty());
    if (coloring == scene::VesselColoring::VesselClass) {
      EXPECT_EQ(content.legendTitle, "Vessel class");
      EXPECT_EQ(content.legend.size(), 3u);  // panamax, neo-panamax, ulcv-lng
      std::set<std::size_t> classes;
      for (const test::TripHead& head : heads) {
        std::size_t found = 99;
        for (std::size_t c = 0; c < 3; ++c) found = test::sameTripColor(head.color, scene::classColor(c)) ? c : found;
        EXPECT_NE(found, 99u) << "a glyph in no class colour";
        classes.insert(found);
      }
      EXPECT_GT(classes.size(), 1u);
    } else {
      EXPECT_EQ(content.legendTitle, "CO2 (t per hour)");
      EXPECT_EQ(content.legend.size(), 5u);
      std::set<float> reds;
      for (const test::TripHead& head : heads) reds.insert(head.color.r);
      EXPECT_GT(reds.size(), 1u);  // at berth and at sea differ
    }
  }
}

TEST(VesselColoring, ByVariantDrawsTheShipsOfEveryVariantInTheirColours) {
  const core::UtcMicros t = *core::parseIso8601("2030-06-01T00:00Z");
  app::VesselSourceOptions options{.scenario = "default", .variant = "green-corridor", .coloring = scene::VesselColoring::Variant};
  auto source = app::VesselSource::load(options, app::VesselSource::Period{t, t});
  ASSERT_TRUE(source && *source);
  app::OverlayContent content;
  (*source)->describe(content);
  EXPECT_EQ(content.legendTitle, "Variant");
  ASSERT_EQ(content.legend.size(), 2u);
  EXPECT_EQ(content.legend[0].label, "baseline");
  EXPECT_EQ(content.legend[1].label, "green-corridor (playing)");
  scene::Frame frame;
  (*source)->fill(frame, t, app::FrameClock::Export);
  ASSERT_TRUE(frame.trips);
  int baseline = 0, green = 0;
  for (const test::TripHead& head : test::tripHeadsAt(*frame.trips, t)) {
    baseline += test::sameTripColor(head.color, scene::variantColor("baseline", 0));
    green += test::sameTripColor(head.color, scene::variantColor("green-corridor", 1));
  }
  EXPECT_GT(baseline, 5);
  EXPECT_EQ(baseline, green);  // the same services in both variants
}

TEST(VesselColoring, VariantColoursSayWhatTheVariantIs) {
  const glm::vec4 green{0.35f, 0.82f, 0.55f, 1.0f}, amber{0.94f, 0.67f, 0.31f, 1.0f};
  EXPECT_EQ(scene::variantColor("green-corridor", 0), green);  // wherever it is in the list
  EXPECT_EQ(scene::variantColor("Zero-emission 2040", 3), green);
  EXPECT_EQ(scene::variantColor("baseline", 1), amber);
  EXPECT_EQ(scene::variantColor("", 0), amber);  // the base
  EXPECT_NE(scene::variantColor("high-lng", 2), green);
  EXPECT_NE(scene::variantColor("high-lng", 2), amber);
  EXPECT_NE(scene::variantColor("high-lng", 2), scene::variantColor("methanol-push", 3));
}

TEST(VesselColoring, TheDefaultVariantIsTheScenariosFirstNamedOne) {
  EXPECT_EQ(app::defaultVariant("default"), "baseline");
  EXPECT_EQ(app::defaultVariant("none"), "");
  EXPECT_EQ(app::defaultVariant("/no/such/file.toml"), "");
}

}  // namespace
}  // namespace corridor
