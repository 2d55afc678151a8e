#include "core/Image.h"

#include <cstring>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>
#include <stb_image_write.h>

namespace corridor::core {

Result<void> writePng(const Image& image, const std::filesystem::path& path) {
  if (image.empty()) return dataError("cannot write an empty image to " + path.string());
  const int ok = stbi_write_png(path.c_str(), image.width, image.height, 4, image.pixels.data(),
                                image.width * 4);
  if (!ok) {
    return fail(ErrorKind::Io, "cannot write " + path.string() + ": " + std::strerror(errno));
  }
  return {};
}

Result<Image> readPng(const std::filesystem::path& path) {
  int width = 0, height = 0, channels = 0;
  stbi_uc* data = stbi_load(path.c_str(), &width, &height, &channels, 4);
  if (!data) {
    return dataError(path.string() + ": not a readable PNG (" + stbi_failure_reason() + ")");
  }
  Image image(width, height);
  std::memcpy(image.pixels.data(), data, image.pixels.size());
  stbi_image_free(data);
  return image;
}

}  // namespace corridor::core
