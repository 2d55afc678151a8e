#include "Screenshot.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>

#include "core/Time.h"

namespace corridor::ui {

std::string newScreenshotName() {
  const auto now = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch());
  std::string stem = "corridor-" + core::formatIso8601(now.count()).substr(0, 19);
  std::replace(stem.begin(), stem.end(), ':', '-');
  std::string name = stem + ".png";
  for (int n = 2; std::filesystem::exists(name); ++n) name = stem + "-" + std::to_string(n) + ".png";
  return name;
}

core::Image screenshotPixels(const gpu::Buffer& buffer, VkExtent2D extent, bool bgra) {
  core::Image image(int(extent.width), int(extent.height));
  std::memcpy(image.pixels.data(), buffer.mapped(), image.pixels.size());
  for (std::size_t i = 0; i < image.pixels.size(); i += 4) {
    if (bgra) std::swap(image.pixels[i], image.pixels[i + 2]);
    image.pixels[i + 3] = 255;
  }
  return image;
}

}  // namespace corridor::ui
