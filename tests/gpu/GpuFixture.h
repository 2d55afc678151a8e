#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/Image.h"
#include "gpu/Context.h"
#include "scene/Frame.h"

namespace corridor::test {

// A Vulkan context with the validation layer on for the whole test (its device made for the test,
// on an instance shared by the process); any validation warning or error (including the
// device's teardown, which reports what the test left undestroyed) fails the test.
class GpuTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Renders the basemap with the given camera, 320x180 unless told otherwise; on failure of
  // a later expectation the picture is kept as build-tree artefact `name`.png.
  core::Image render(const std::shared_ptr<const scene::Basemap>& basemap,
                     const timeline::CameraPose& camera, scene::ViewMode mode,
                     const std::string& name, int width = 320, int height = 180);

  std::unique_ptr<gpu::Context> context_;
  scene::BasemapStyle style_;

 private:
  std::vector<std::string> validationMessages_;
};

// The default Natural Earth countries (from scripts/fetch-geodata's cache).
std::shared_ptr<const scene::Basemap> defaultBasemap();
// A basemap made only of the polygons and lines in one vector dataset.
std::shared_ptr<const scene::Basemap> basemapFrom(const std::filesystem::path& dataset);

// Colour classification against the style (the globe shades by up to ~30% toward the limb).
double colorDistance(const core::Rgba& pixel, const glm::vec3& color);
bool looksLike(const core::Rgba& pixel, const glm::vec3& color, const glm::vec3& other);

inline timeline::CameraPose cameraAt(double lon, double lat, double altitudeKm) {
  timeline::CameraPose pose;
  pose.lon = lon;
  pose.lat = lat;
  pose.altitude = altitudeKm * 1000.0;
  return pose;
}

std::filesystem::path artefactDir();

}  // namespace corridor::test
