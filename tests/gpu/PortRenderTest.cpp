// Port plumes and ground-concentration heatmaps as the renderer draws them: where they appear
// on screen, and where they must not.
#include "GpuFixture.h"
#include "ImageChecks.h"
#include "TestSupport.h"
#include "render/OffscreenRenderer.h"
#include "scene/PortLayer.h"
#include "sim/ScenarioFile.h"

namespace corridor::test {
namespace {

using PortRender = GpuTest;

const geo::LonLat kBerth{-118.27, 33.74};

// Renders the frame with and without the ports' layer; returns how many pixels it changed in
// each screen region, with the pictures kept as artefacts.
struct Change {
  core::Image with, without;
  int pixels(int x0, int y0, int x1, int y1) const {
    int changed = 0;
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        const core::Rgba a = with.at(x, y), b = without.at(x, y);
        changed += std::abs(int(a[0]) - int(b[0])) + std::abs(int(a[1]) - int(b[1])) + std::abs(int(a[2]) - int(b[2])) > 12;
      }
    }
    return changed;
  }
};

Change renderPorts(const gpu::Context& context, const scene::BasemapStyle& style, std::shared_ptr<const scene::PortLayer> ports,
                   const scene::View& view, const std::string& name) {
  render::OffscreenRenderer renderer(context, {uint32_t(view.width), uint32_t(view.height)}, 1);
  scene::Frame frame;
  frame.view = view;
  frame.style = style;
  frame.basemap = scene::buildBasemap({});
  Change change;
  change.without = renderer.render(frame);
  frame.ports = std::move(ports);
  change.with = renderer.render(frame);
  core::writePng(change.with, artefactDir() / (name + ".png"));
  return change;
}

std::shared_ptr<scene::PortLayer> plumeAtLosAngeles() {
  scene::PlumeSource source;
  source.berth = kBerth;
  source.weather.windFromDegrees = 270;  // blowing due east
  source.kgPerHour = source.referenceKgPerHour = 50;
  auto layer = std::make_shared<scene::PortLayer>();
  layer->puffs = scene::plumePuffs(source, sim::Pollutant::NOx, 2.0);
  return layer;
}

TEST_F(PortRender, APlumeAtGlobeScaleDriftsDownwindOfItsPort) {
  const scene::View view = scene::makeView(cameraAt(kBerth.lon, kBerth.lat, 8000), scene::ViewMode::Globe, 320, 180);
  const auto berth = scene::projectToScreen(view, kBerth);
  ASSERT_TRUE(berth.visible);
  const Change change = renderPorts(*context_, style_, plumeAtLosAngeles(), view, "plume_globe");
  const int x = int(berth.x), y = int(berth.y);
  // East of the berth (on screen: right) the plume shows; west of it, nothing.
  EXPECT_GT(change.pixels(x + 2, y - 6, x + 16, y + 6), 20);
  EXPECT_EQ(change.pixels(x - 30, y - 15, x - 3, y + 15), 0);
  EXPECT_EQ(change.pixels(0, 0, 320, y - 20) + change.pixels(0, y + 20, 320, 180), 0);
}

TEST_F(PortRender, APlumeBeyondTheHorizonIsNotDrawn) {
  const scene::View view = scene::makeView(cameraAt(60, 0, 8000), scene::ViewMode::Globe, 320, 180);
  const Change change = renderPorts(*context_, style_, plumeAtLosAngeles(), view, "plume_hidden");
  EXPECT_EQ(change.pixels(0, 0, 320, 180), 0);
}

TEST_F(PortRender, TheHeatmapAtPortZoomLiesDownwindOfTheBerthOnGlobeAndMap) {
  auto scenario = sim::loadScenario(std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets/scenarios/transpacific.toml", "baseline");
  ASSERT_TRUE(scenario) << scenario.error().message;
  std::size_t la = 0;
  while (scenario->ports[la].id != "LAX") ++la;
  const sim::Weather fromWestSouthWest{3.5, 250, sim::StabilityClass::D, sim::Terrain::Urban};
  const sim::PortFootprint footprint = sim::momentFootprint(*scenario, la, fromWestSouthWest);
  sim::PortSources sources;
  sources.atBerth.nox = 100;  // kg/h: a few ships at berth on auxiliary engines
  sources.landside.resize(footprint.landside.size());
  const auto layer = std::make_shared<scene::PortLayer>();
  const scene::HeatmapScale scale = scene::heatmapScale(sim::Pollutant::NOx);
  layer->heatmaps.push_back(scene::groundHeatmap(footprint, sim::groundField(footprint, sources, sim::Pollutant::NOx), scale));
  const geo::LonLat berth = scenario->ports[la].position;
  for (const scene::ViewMode mode : {scene::ViewMode::Globe, scene::ViewMode::Map}) {
    const scene::View view = scene::makeView(cameraAt(berth.lon, berth.lat, 60), mode, 320, 180);
    const Change change = renderPorts(*context_, style_, layer, view, mode == scene::ViewMode::Globe ? "heatmap_globe" : "heatmap_map");
    // Wind from 250 degrees: the field stretches east-north-east (right, a little up).
    const auto at = scene::projectToScreen(view, berth);
    const int x = int(at.x), y = int(at.y);
    EXPECT_GT(change.pixels(x + 10, y - 30, x + 80, y + 5), 300) << (mode == scene::ViewMode::Globe ? "globe" : "map");
    EXPECT_EQ(change.pixels(0, 0, x - 25, 180), 0) << (mode == scene::ViewMode::Globe ? "globe" : "map");
  }
}

TEST_F(PortRender, AKnownConcentrationIsDrawnInItsLegendColourAndTheFieldIsSmooth) {
  // A 20 x 20 grid of 0.01-degree cells over the ocean: the west half at a known concentration,
  // the east half rising linearly with longitude.
  const scene::HeatmapScale scale = scene::heatmapScale(sim::Pollutant::NOx);
  auto layer = std::make_shared<scene::PortLayer>();
  scene::GroundHeatmap heatmap{{-140.1, 29.9}, 0.01, 0.01, 20, 20, {}, {}, scale};
  constexpr float kKnown = 10.0f;  // the WHO guideline
  for (int row = 0; row <= 20; ++row) {
    for (int column = 0; column <= 20; ++column) {
      heatmap.cornerValues.push_back(column <= 10 ? kKnown : kKnown * float(column - 9));
      heatmap.cornerFades.push_back(1.0f);
    }
  }
  layer->heatmaps.push_back(heatmap);
  const scene::View view = scene::makeView(cameraAt(-140.0, 30.0, 12), scene::ViewMode::Map, 320, 180);
  const Change change = renderPorts(*context_, style_, layer, view, "heatmap_known");
  const glm::vec4 legend = scene::heatmapColor(kKnown, scale);
  const glm::vec3 expected = glm::vec3(legend) * legend.a + style_.ocean * (1.0f - legend.a);
  const auto at = scene::projectToScreen(view, {-140.05, 30.0});
  const core::Rgba drawn = change.with.at(int(at.x), int(at.y));
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(drawn[c], expected[c] * 255.0f, 3.0f) << "channel " << c;
  // East of it the colour changes a little from pixel to pixel: no steps at the cell edges.
  const auto from = scene::projectToScreen(view, {-140.0, 30.0}), to = scene::projectToScreen(view, {-139.95, 30.0});
  ASSERT_TRUE(to.visible && to.x < 320);
  int largest = 0;
  for (int x = int(from.x) + 1; x < int(to.x); ++x) {
    const core::Rgba a = change.with.at(x - 1, int(from.y)), b = change.with.at(x, int(from.y));
    largest = std::max(largest, std::abs(int(a[0]) - int(b[0])) + std::abs(int(a[1]) - int(b[1])) + std::abs(int(a[2]) - int(b[2])));
  }
  EXPECT_LE(largest, 6) << "a step in the field";
}

TEST_F(PortRender, AFieldsSlantingEdgeBesideNothingIsNotAStaircaseOfCells) {
  // A field at 100 ug/m3 south-west of a diagonal through the grid, nothing north-east of it, as
  // beside a road's strip upwind. Blending the values linearly kept the colour to the edge of
  // the last cell with any value, a staircase of cells; blended in log10, the edge moves with
  // every row of pixels.
  const scene::HeatmapScale scale = scene::heatmapScale(sim::Pollutant::NOx);
  auto layer = std::make_shared<scene::PortLayer>();
  scene::GroundHeatmap heatmap{{-140.1, 29.9}, 0.01, 0.01, 20, 20, {}, {}, scale};
  for (int row = 0; row <= 20; ++row) {
    for (int column = 0; column <= 20; ++column) {
      heatmap.cornerValues.push_back(column + row <= 20 ? 100.0f : 0.0f);
      heatmap.cornerFades.push_back(1.0f);
    }
  }
  layer->heatmaps.push_back(heatmap);
  const scene::View view = scene::makeView(cameraAt(-140.0, 30.0, 12), scene::ViewMode::Map, 320, 180);
  const Change change = renderPorts(*context_, style_, layer, view, "heatmap_edge");
  // Rows of pixels over the middle four cells of the diagonal: where each row's field ends.
  const auto top = scene::projectToScreen(view, {-140.02, 30.02});
  const auto bottom = scene::projectToScreen(view, {-139.98, 29.98});
  ASSERT_TRUE(top.visible && bottom.visible);
  const double cellPixels = (bottom.x - top.x) / 4;
  ASSERT_GT(cellPixels, 8.0);
  ASSERT_GT(bottom.y - top.y, 3 * cellPixels);
  int largestJump = 0, previousEnd = -1;
  for (int y = int(top.y); y <= int(bottom.y); ++y) {
    int end = 0;
    for (int x = 0; x < 320; ++x) end = change.pixels(x, y, x + 1, y + 1) > 0 ? x : end;
    // Each row's field ends within a cell of the diagonal: drawn, and not across the row.
    const double diagonal = top.x + (y - top.y) * (bottom.x - top.x) / (bottom.y - top.y);
    EXPECT_NEAR(end, diagonal, cellPixels) << "row " << y;
    if (previousEnd >= 0) largestJump = std::max(largestJump, std::abs(end - previousEnd));
    previousEnd = end;
  }
  EXPECT_LT(largestJump, 0.4 * cellPixels) << "cells of " << cellPixels << " pixels";
}

}  // namespace
}  // namespace corridor::test
