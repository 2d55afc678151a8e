// The legend of the port plumes and heatmaps (app::airLegend): the pollutant's fixed scale with
// its unit, and the air-quality references ticked where they fall on the logarithmic ramp.
#include <gtest/gtest.h>

#include <array>

#include <cmath>

#include "ImageChecks.h"
#include "app/VideoOverlay.h"
#include "scene/PortLayer.h"

namespace corridor {
namespace {

// An overlay with a one-entry ships' legend in pure red (easy to find) and the NOx air legend.
core::Result<app::VideoOverlay> overlayWithShipsAndAir() {
  app::OverlayContent content;
  content.legendTitle = "Fuel";
  content.legend = {{{255, 0, 0, 255}, "VLSFO", {}, {}}};
  content.airTitle = "NOx";
  content.air = app::airLegend(sim::Pollutant::NOx);
  return app::VideoOverlay::create(content);
}

TEST(AirLegend, NamesTheScaleAndItsUnitAndTicksTheReferences) {
  const auto legend = app::airLegend(sim::Pollutant::NOx);
  ASSERT_EQ(legend.size(), 3u);
  EXPECT_EQ(legend[0].label, "plumes: ships in the port area");
  EXPECT_TRUE(legend[0].ramp.empty());
  EXPECT_EQ(legend[1].label, "at ground, 0.5 to 200 \u00b5g/m\u00b3");
  EXPECT_EQ(legend[2].label, "ticks: WHO 10, US 100 (annual)");
  EXPECT_EQ(legend[2].color[3], 0);  // a line of text under the ramp: no swatch
  ASSERT_EQ(legend[1].marks.size(), 2u);
  // log10(10 / 0.5) / log10(200 / 0.5) = 1.301 / 2.602 = 0.5; log10(100 / 0.5) / 2.602 = 0.884.
  EXPECT_NEAR(legend[1].marks[0], 0.5, 1e-6);
  EXPECT_NEAR(legend[1].marks[1], 0.884, 1e-3);
  EXPECT_EQ(legend[1].ramp.size(), 16u);
  // The plume swatch is the plume colour: smoke, not a ship colour.
  const glm::vec4 plume = scene::plumeColor(sim::Pollutant::NOx);
  EXPECT_EQ(legend[0].color[0], std::uint8_t(std::lround(plume.r * 255)));
  const auto pm = app::airLegend(sim::Pollutant::PM);
  EXPECT_EQ(pm[1].label, "at ground, 0.05 to 50 \u00b5g/m\u00b3");
  EXPECT_EQ(pm[2].label, "ticks: WHO 5, US 9 (annual)");
}

TEST(AirLegend, ARecordingBurnsItInAboveTheShipsLegend) {
  auto overlay = overlayWithShipsAndAir();
  ASSERT_TRUE(overlay) << overlay.error().message;
  core::Image frame(1280, 720);
  overlay->paint(frame, 0, 10.0, 20.0, "");
  auto red = [](const core::Rgba& p) { return p[0] > 200 && p[1] < 40 && p[2] < 40; };
  auto purple = [](const core::Rgba& p) { return p[0] > 100 && p[2] > 90 && p[1] < 40; };  // the ramp's top end
  int redTop = 720, purpleBottom = 0;
  for (int y = 0; y < 720; ++y) {
    for (int x = 640; x < 1280; ++x) {
      if (red(frame.at(x, y))) redTop = std::min(redTop, y);
      if (purple(frame.at(x, y))) purpleBottom = std::max(purpleBottom, y);
    }
  }
  EXPECT_GT(purpleBottom, 360) << "no ramp at the bottom right";
  EXPECT_LT(purpleBottom, redTop) << "the air legend is not above the ships' legend";
}

TEST(AirLegend, TheLegendsMoveToTheTopRightWhenAPortIsUnderThem) {
  auto overlay = overlayWithShipsAndAir();
  ASSERT_TRUE(overlay) << overlay.error().message;
  auto red = [](const core::Rgba& p) { return p[0] > 200 && p[1] < 40 && p[2] < 40; };
  core::Image clear(1280, 720), port(1280, 720);
  overlay->paint(clear, 0, 10.0, 20.0, "", {{200.0f, 300.0f, 200.0f, 300.0f}});   // a port far from the corner
  overlay->paint(port, 0, 10.0, 20.0, "", {{1200.0f, 650.0f, 1200.0f, 650.0f}});   // a port at the bottom right
  EXPECT_GT(test::countPixels(clear, 900, 360, 1280, 720, red), 100);
  EXPECT_EQ(test::countPixels(clear, 900, 0, 1280, 360, red), 0);
  EXPECT_GT(test::countPixels(port, 900, 0, 1280, 360, red), 100);
  EXPECT_EQ(test::countPixels(port, 900, 360, 1280, 720, red), 0);
}

// Burned-in text is in points of a 1080-pixel-high frame: at 3840x2160 the year and a counter
// panel's rows measure twice their 1920x1080 size, within a pixel.
TEST(AirLegend, TextAt4KIsTwiceItsSizeAt1080p) {
  auto overlay = overlayWithShipsAndAir();
  ASSERT_TRUE(overlay) << overlay.error().message;
  const std::vector<app::HeadlineRow> rows{{"12,345 t", "CO2e 2035 to date"}, {"-40 %", "vs baseline"}};
  // The bounding box of near-white pixels inside a region.
  auto whiteBox = [](const core::Image& image, int x0, int y0, int x1, int y1) {
    int left = x1, right = x0, top = y1, bottom = y0;
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        const core::Rgba p = image.at(x, y);
        if (p[0] <= 200 || p[1] <= 200 || p[2] <= 200) continue;
        left = std::min(left, x), right = std::max(right, x), top = std::min(top, y), bottom = std::max(bottom, y);
      }
    }
    return std::array<int, 2>{right - left + 1, bottom - top + 1};
  };
  std::array<int, 2> year[2], panel[2];
  for (int scale = 1; scale <= 2; ++scale) {
    core::Image frame(1920 * scale, 1080 * scale);
    overlay->paint(frame, 0, 10.0, 20.0, "", {}, {{0, 1920 * scale, "", {}, rows}});
    year[scale - 1] = whiteBox(frame, 0, 0, 300 * scale, 120 * scale);                 // "1970"
    panel[scale - 1] = whiteBox(frame, 0, 190 * scale, 900 * scale, 300 * scale);  // the panel's text
  }
  EXPECT_GT(year[0][1], 40);  // the year is there, large
  EXPECT_GT(panel[0][1], 30);
  for (int i = 0; i < 2; ++i) {
    EXPECT_NEAR(year[1][i], 2 * year[0][i], 2) << "year, dimension " << i;
    EXPECT_NEAR(panel[1][i], 2 * panel[0][i], 2) << "panel, dimension " << i;
  }
}

// The counter panel goes under the date unless a port or its name is there; then beside the
// date in the top row, or else at the bottom left.
TEST(AirLegend, TheCounterPanelMovesOffThePortsAndTheirNames) {
  auto overlay = overlayWithShipsAndAir();
  ASSERT_TRUE(overlay) << overlay.error().message;
  const std::vector<app::PaneOverlay> panes{{0, 1920, "", {}, {{"12,345 t", "CO2e 2035 to date"}, {"29", "under way"}}}};
  auto panelText = [](const core::Image& frame, int x0, int y0, int x1, int y1) { return test::whitePixels(frame, x0, y0, x1, y1); };
  core::Image free(1920, 1080), underDate(1920, 1080), both(1920, 1080);
  overlay->paint(free, 0, 10.0, 20.0, "", {}, panes);
  overlay->paint(underDate, 0, 10.0, 20.0, "", {{150, 240, 400, 270}}, panes);  // a port's name there
  overlay->paint(both, 0, 10.0, 20.0, "", {{150, 240, 400, 270}, {500, 100, 700, 130}}, panes);
  EXPECT_GT(panelText(free, 20, 190, 600, 300), 200);        // under the date
  EXPECT_EQ(panelText(free, 450, 20, 1000, 120), 0);
  EXPECT_GT(panelText(underDate, 450, 20, 1000, 120), 200);  // beside it
  EXPECT_LT(panelText(underDate, 150, 240, 400, 270), 5);
  EXPECT_GT(panelText(both, 20, 850, 600, 1000), 200);       // at the bottom left
  EXPECT_EQ(panelText(both, 450, 20, 1000, 120), 0);
}

}  // namespace
}  // namespace corridor
