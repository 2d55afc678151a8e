// --layer's text (app::parseLayer): where the dataset ends and its style begins, the default
// palette, and every bad style refused as a usage error naming the option; and the layers'
// legend burned into a recording's frames.
#include <gtest/gtest.h>

#include "ImageChecks.h"
#include "TestSupport.h"
#include "app/VectorLayers.h"
#include "app/VideoOverlay.h"

namespace corridor {
namespace {

TEST(VectorLayers, PathLayerAndStyle) {
  auto layer = app::parseLayer("ports.gpkg:terminals:color=#ff8000,opacity=0.5,width=3", 0);
  ASSERT_TRUE(layer) << layer.error().message;
  EXPECT_EQ(layer->source.path, "ports.gpkg");
  EXPECT_EQ(layer->source.layer, "terminals");
  EXPECT_FLOAT_EQ(layer->fillColor.r, 1.0f);
  EXPECT_FLOAT_EQ(layer->fillColor.g, 128.0f / 255.0f);
  EXPECT_FLOAT_EQ(layer->fillColor.b, 0.0f);
  EXPECT_FLOAT_EQ(layer->fillColor.a, 0.5f);
  EXPECT_FLOAT_EQ(layer->line.widthPixels, 3.0f);
  EXPECT_FLOAT_EQ(layer->line.color.r, 1.0f);

  auto plain = app::parseLayer("/data/berths.geojson", 1);  // no layer, no style: the palette's second
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_EQ(plain->source.path, "/data/berths.geojson");
  EXPECT_TRUE(plain->source.layer.empty());
  EXPECT_NEAR(plain->fillColor.b, 0.914f, 1e-3);  // sky blue
  EXPECT_FLOAT_EQ(plain->fillColor.a, 0.35f);
  EXPECT_FLOAT_EQ(plain->line.widthPixels, 1.5f);

  auto styled = app::parseLayer("zone.shp:width=2", 7);  // the palette comes round again
  ASSERT_TRUE(styled) << styled.error().message;
  EXPECT_EQ(styled->source.path, "zone.shp");
  EXPECT_NEAR(styled->fillColor.r, 0.902f, 1e-3);
}

TEST(VectorLayers, BadStylesAreUsageErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"a.shp:color=red", "color must be #RRGGBB, not 'red'"},
      {"a.shp:color=#12345", "color must be #RRGGBB"},
      {"a.shp:opacity=2", "opacity must be within 0..1"},
      {"a.shp:width=0", "width must be within 0.5..20 pixels"},
      {"a.shp:weight=2", "unknown style 'weight'"},
  };
  for (const auto& [text, message] : cases) {
    auto layer = app::parseLayer(text, 0);
    ASSERT_FALSE(layer) << text;
    EXPECT_EQ(layer.error().kind, core::ErrorKind::Usage);
    EXPECT_TRUE(test::containsText(layer.error().message, std::string("--layer '") + text + "': " + message))
        << layer.error().message;
  }
}

TEST(VectorLayers, ARecordingBurnsInTheLayersLegendTopRight) {
  scene::Basemap basemap;
  basemap.layers.push_back({"terminals.gpkg", {}, {{}, {{1.0f, 0.0f, 0.0f, 0.9f}, 1.5f}}, {1.0f, 0.0f, 0.0f, 0.35f}});
  basemap.layerStack = {{nullptr, 0, 1.0f}};
  app::OverlayContent content;
  content.layers = app::layerLegend(basemap);
  ASSERT_EQ(content.layers.size(), 1u);
  EXPECT_EQ(content.layers[0].label, "terminals.gpkg");
  auto overlay = app::VideoOverlay::create(content);
  ASSERT_TRUE(overlay) << overlay.error().message;
  core::Image frame(640, 360);  // black
  overlay->paint(frame, 0, 10.0, 20.0, "");
  auto red = [](const core::Rgba& p) { return p[0] > 200 && p[1] < 40 && p[2] < 40; };
  EXPECT_GT(test::countPixels(frame, 440, 0, 640, 120, red), 30);  // the swatch, top right
  EXPECT_EQ(test::countPixels(frame, 0, 120, 640, 360, red), 0);
}

}  // namespace
}  // namespace corridor
