#include "io/RasterReader.h"

#include <gtest/gtest.h>

#include "GdalFixtures.h"
#include "core/Image.h"

namespace corridor::io {
namespace {

using core::Rgba;
using test::ScratchDir;

constexpr Rgba kOpaqueRed{255, 0, 0, 255};
constexpr Rgba kOpaqueGreen{0, 255, 0, 255};
constexpr Rgba kOpaqueBlue{0, 0, 255, 255};

// The output pixel whose centre is nearest to lon/lat in a width x height global image.
Rgba pixelAt(const core::Image& image, double lon, double lat) {
  const int x = static_cast<int>((lon + 180.0) / 360.0 * image.width);
  const int y = static_cast<int>((90.0 - lat) / 180.0 * image.height);
  return image.at(x, y);
}

TEST(RasterReader, GlobalGeoTiffKeepsHemispheres) {
  ScratchDir dir;
  const auto path = dir / "world.tif";
  test::writeWorldGeoTiff(path);

  const auto image = readRasterEquirectangular(path, 64, 32);
  ASSERT_TRUE(image.has_value()) << image.error().message;
  ASSERT_EQ(image->width, 64);
  ASSERT_EQ(image->height, 32);
  EXPECT_EQ(image->at(16, 16), kOpaqueRed);   // lon -87.2
  EXPECT_EQ(image->at(48, 16), kOpaqueBlue);  // lon 92.8
  EXPECT_EQ(image->at(16, 0), kOpaqueGreen);  // lat 87.2: north is up
  EXPECT_EQ(image->at(16, 31), kOpaqueRed);   // lat -87.2
}

TEST(RasterReader, WarpsWebMercatorRegion) {
  ScratchDir dir;
  const auto path = dir / "region.tif";
  // lon 0..90, lat 0..60 in Web Mercator metres, 90 x 84 pixels.
  const test::Xy corner = test::webMercator({90.0, 60.0});
  test::writeRgbGeoTiff(path, {90, 84, 3857, {0.0, corner.x / 90, 0.0, corner.y, 0.0, -corner.y / 84},
                               [](int, int) { return test::kGreen; }});

  const auto image = readRasterEquirectangular(path, 360, 180);
  ASSERT_TRUE(image.has_value()) << image.error().message;
  EXPECT_EQ(pixelAt(*image, 45.5, 30.5), kOpaqueGreen);
  EXPECT_EQ(pixelAt(*image, 5.5, 55.5), kOpaqueGreen);
  // Outside the region nothing is green (the header does not say transparent or black).
  for (const auto& [lon, lat] : {std::pair{-89.5, 30.5}, std::pair{45.5, 70.5},
                                 std::pair{45.5, -30.5}, std::pair{120.5, 30.5}}) {
    EXPECT_NE(pixelAt(*image, lon, lat)[1], 255) << lon << ", " << lat;
  }
}

TEST(RasterReader, UngeoreferencedTwoToOneImageIsGlobal) {
  ScratchDir dir;
  const auto path = dir / "plain.png";
  core::Image picture(64, 32);
  for (int y = 0; y < picture.height; ++y) {
    for (int x = 0; x < picture.width; ++x) {
      const test::Rgb colour = x < 32 ? test::kRed : test::kBlue;
      const std::size_t i = (static_cast<std::size_t>(y) * picture.width + x) * 4;
      picture.pixels[i] = colour[0];
      picture.pixels[i + 1] = colour[1];
      picture.pixels[i + 2] = colour[2];
      picture.pixels[i + 3] = 255;
    }
  }
  ASSERT_TRUE(core::writePng(picture, path).has_value());

  const auto image = readRasterEquirectangular(path, 128, 64);
  ASSERT_TRUE(image.has_value()) << image.error().message;
  EXPECT_EQ(pixelAt(*image, -90.0, 0.0), kOpaqueRed);
  EXPECT_EQ(pixelAt(*image, 90.0, 0.0), kOpaqueBlue);
}

TEST(RasterReader, NonRasterFileIsAnError) {
  ScratchDir dir;
  const auto path = dir / "hello.txt";
  test::writeTextFile(path, "Hello! This is a short letter and certainly not an image.\n");
  const auto image = readRasterEquirectangular(path, 64, 32);
  ASSERT_FALSE(image.has_value());
  EXPECT_TRUE(test::containsText(image.error().message, "hello.txt"));
}

TEST(RasterReader, MissingFileIsAnError) {
  ScratchDir dir;
  const auto image = readRasterEquirectangular(dir / "absent.tif", 64, 32);
  ASSERT_FALSE(image.has_value());
  EXPECT_TRUE(test::containsText(image.error().message, "absent.tif"));
}

}  // namespace
}  // namespace corridor::io
