#include "GpuFixture.h"

#include <cmath>
#include <mutex>

#include "core/Log.h"
#include "io/DefaultGeodata.h"
#include "io/LandGeometry.h"
#include "io/VectorReader.h"
#include "render/OffscreenRenderer.h"

namespace corridor::test {

void GpuTest::SetUp() {
  core::setLogSink([this](core::LogLevel level, std::string_view message) {
    if (message.find("Vulkan validation") != std::string_view::npos ||
        level >= core::LogLevel::Error) {
      validationMessages_.emplace_back(message);
    }
  });
  // One instance for the process, validated; a device of its own for each test, so that what a
  // test leaves undestroyed is reported when its device goes.
  static const core::Result<std::shared_ptr<gpu::Instance>> instance = gpu::InstanceBuilder().validation(true).build();
  ASSERT_TRUE(instance) << instance.error().message;
  const int errorsBefore = (*instance)->validation().errors;
  auto context = gpu::Context::create({.instance = *instance});
  ASSERT_TRUE(context) << context.error().message;
  context_ = std::move(*context);
  ASSERT_EQ(context_->validation().errors, errorsBefore);
}

void GpuTest::TearDown() {
  context_.reset();
  core::setLogSink(nullptr);
  EXPECT_TRUE(validationMessages_.empty()) << validationMessages_.size()
                                           << " validation messages, first: "
                                           << (validationMessages_.empty() ? "" : validationMessages_[0]);
}

core::Image GpuTest::render(const std::shared_ptr<const scene::Basemap>& basemap,
                            const timeline::CameraPose& camera, scene::ViewMode mode,
                            const std::string& name, int width, int height) {
  render::OffscreenRenderer renderer(*context_, {uint32_t(width), uint32_t(height)}, 1);
  scene::Frame frame;
  frame.view = scene::makeView(camera, mode, width, height);
  frame.basemap = basemap;
  frame.layers = basemap->layerStack;
  frame.waitForTiles = true;
  frame.style = style_;
  core::Image image = renderer.render(frame);
  const auto written = core::writePng(image, artefactDir() / (name + ".png"));
  EXPECT_TRUE(written) << written.error().message;
  return image;
}

namespace {

std::shared_ptr<const scene::Basemap> assemble(const io::VectorData& data) {
  auto geometry = io::landGeometry(data);
  if (!geometry) {
    ADD_FAILURE() << geometry.error().message;
    return nullptr;
  }
  return scene::buildBasemap({std::move(geometry->land), std::move(geometry->outlines), {}, {}});
}

}  // namespace

std::shared_ptr<const scene::Basemap> defaultBasemap() {
  static std::shared_ptr<const scene::Basemap> cached;
  static std::once_flag once;
  std::call_once(once, [] {
    auto geodata = io::findDefaultGeodata();
    if (!geodata) {
      ADD_FAILURE() << geodata.error().message;
      return;
    }
    auto data = io::readVector({geodata->countries, geodata->countriesLayer});
    if (!data) {
      ADD_FAILURE() << data.error().message;
      return;
    }
    cached = assemble(*data);
  });
  return cached;
}

std::shared_ptr<const scene::Basemap> basemapFrom(const std::filesystem::path& dataset) {
  auto data = io::readVector({dataset, ""});
  if (!data) {
    ADD_FAILURE() << data.error().message;
    return nullptr;
  }
  return assemble(*data);
}

double colorDistance(const core::Rgba& pixel, const glm::vec3& color) {
  const glm::vec3 p(pixel[0] / 255.0f, pixel[1] / 255.0f, pixel[2] / 255.0f);
  return glm::length(p - color);
}

bool looksLike(const core::Rgba& pixel, const glm::vec3& color, const glm::vec3& other) {
  return colorDistance(pixel, color) < 0.06 && colorDistance(pixel, color) < colorDistance(pixel, other);
}

std::filesystem::path artefactDir() {
  const std::filesystem::path dir = CORRIDOR_ARTEFACT_DIR;
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace corridor::test
