// The default basemap at port zoom: land and water where GSHHG full has them (GMT's own
// point-in-polygon test on the installed data is the reference), where Natural Earth 1:10m
// alone gets the harbour wrong.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>
#include <utility>

#include "GpuFixture.h"
#include "RunCommand.h"
#include "TestSupport.h"
#include "app/SceneOptions.h"
#include "scene/View.h"

namespace corridor::test {
namespace {

class PortCoast : public GpuTest {};

struct Harbour {
  const char* name;       // of its pictures
  const char* testName;
  geo::LonLat centre;
  double naturalEarthAtMost;  // its share of the grid right: the test must be able to fail
};

class HarbourCoast : public GpuTest, public ::testing::WithParamInterface<Harbour> {};

struct Sample {
  geo::LonLat position;
  bool land = false;  // by GSHHG full
};

// A 10 x 8 km grid over a harbour, classified by 'gmt select -Df'.
std::vector<Sample> harbourGrid(const ScratchDir& dir, const geo::LonLat& centre) {
  std::vector<Sample> samples;
  std::string points;
  char row[64];
  for (int i = 0; i < 30; ++i) {
    for (int j = 0; j < 16; ++j) {
      const geo::LonLat p{centre.lon - 0.0525 + i * 0.0035, centre.lat - 0.036 + j * 0.0045};
      samples.push_back({p, false});
      std::snprintf(row, sizeof row, "%.6f %.6f\n", p.lon, p.lat);
      points += row;
    }
  }
  writeTextFile(dir / "grid.txt", points);
  const CommandResult land = runCommand("gmt select -Df -Ns/k " + (dir / "grid.txt").string());
  EXPECT_EQ(land.exitCode, 0) << land.output;
  std::set<std::pair<long, long>> onLand;
  double lon = 0, lat = 0;
  for (const char* line = land.output.c_str(); std::sscanf(line, "%lf %lf", &lon, &lat) == 2;) {
    onLand.insert({std::lround(lon * 1e6), std::lround(lat * 1e6)});
    line = std::strchr(line, '\n');
    if (!line) break;
    ++line;
  }
  for (Sample& sample : samples) {
    sample.land = onLand.count({std::lround(sample.position.lon * 1e6), std::lround(sample.position.lat * 1e6)}) > 0;
  }
  return samples;
}

// The share of the samples whose pixel has the colour of what GSHHG says is there.
double agreement(const core::Image& image, const scene::View& view, const std::vector<Sample>& samples,
                 const scene::BasemapStyle& style) {
  int agree = 0;
  for (const Sample& sample : samples) {
    const auto at = scene::projectToScreen(view, sample.position);
    EXPECT_TRUE(at.visible);
    const bool land = looksLike(image.at(int(at.x), int(at.y)), style.land, style.ocean);
    agree += land == sample.land;
  }
  return double(agree) / double(samples.size());
}

TEST_P(HarbourCoast, LandAndWaterAgreeWithGshhgFull) {
  const Harbour& harbour = GetParam();
  ScratchDir dir;
  const std::vector<Sample> samples = harbourGrid(dir, harbour.centre);
  int land = 0;
  for (const Sample& sample : samples) land += sample.land;
  ASSERT_GT(land, 100);  // the grid has both
  ASSERT_LT(land, 380);
  style_.outlines = false;  // the fill alone decides
  const timeline::CameraPose camera = cameraAt(harbour.centre.lon, harbour.centre.lat, 14);
  const int width = 960, height = 540;
  const scene::View view = scene::makeView(camera, scene::ViewMode::Globe, width, height);

  auto portZoom = app::loadBasemap({}, false);
  ASSERT_TRUE(portZoom) << portZoom.error().message;
  const std::string name = harbour.name;
  const core::Image full = render(*portZoom, camera, scene::ViewMode::Globe, "coast-" + name + "-gshhg", width, height);
  const core::Image coarse =
      render(defaultBasemap(), camera, scene::ViewMode::Globe, "coast-" + name + "-natural-earth", width, height);
  // A grid point a few metres from the shore can fall either side of a pixel's edge.
  EXPECT_GT(agreement(full, view, samples, style_), 0.97);
  EXPECT_LT(agreement(coarse, view, samples, style_), harbour.naturalEarthAtMost);
}

// GSHHG full gets 99.8 % and 100 % of the grid right; Natural Earth alone 78 % over Los Angeles
// and Long Beach, 82.5 % over Yokohama.
INSTANTIATE_TEST_SUITE_P(
    CorridorPorts, HarbourCoast,
    ::testing::Values(Harbour{"los-angeles-long-beach", "LosAngelesLongBeach", {-118.2475, 33.734}, 0.85},
                      Harbour{"yokohama", "Yokohama", {139.665, 35.445}, 0.90}),
    [](const ::testing::TestParamInfo<Harbour>& instance) { return std::string(instance.param.testName); });

TEST_F(PortCoast, FiveHundredMetresOverTheQuaysTheShoreMovesSmoothlyWithTheCamera) {
  // The camera creeps east 2 m a frame at 500 m over the west side of the Los Angeles main
  // channel; the shore crosses the middle row about 3 pixels further left each frame. Positions
  // in float32 would make it stutter by a metre (1.5 pixels) here.
  auto basemap = app::loadBasemap({}, false);
  ASSERT_TRUE(basemap) << basemap.error().message;
  style_.outlines = false;
  const int width = 960, height = 540;
  std::vector<double> crossings;
  for (int step = 0; step < 8; ++step) {
    timeline::CameraPose camera = cameraAt(-118.2785, 33.733, 0.5);
    camera.lon += step * 2.0 / (111'320.0 * std::cos(camera.lat * M_PI / 180.0));
    const core::Image image = render(*basemap, camera, scene::ViewMode::Globe, "coast-500m", width, height);
    int x = 0;
    while (x < width && !looksLike(image.at(x, height / 2), style_.ocean, style_.land)) ++x;
    ASSERT_LT(x, width) << "no shore on the middle row";
    ASSERT_GT(x, 0) << "no land on the middle row";
    crossings.push_back(x);
  }
  const double metresPerPixel = 2 * 500.0 * std::tan(scene::kVerticalFieldOfViewDegrees / 2 * M_PI / 180.0) / height;
  for (std::size_t i = 1; i < crossings.size(); ++i) {
    EXPECT_NEAR(crossings[i - 1] - crossings[i], 2.0 / metresPerPixel, 1.0) << "frame " << i;
  }
}

}  // namespace
}  // namespace corridor::test
