#include "core/Image.h"

#include <cstring>
#include <vector>

#include "core/OutputFile.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>
#include <stb_image_write.h>

namespace corridor::core {

Result<void> writePng(const Image& image, const std::filesystem::path& path) {
  if (image.empty()) return dataError("cannot write an empty image to " + path.string());
  // Encoded in memory, then written whole through a temporary: a full disk or a crash never
  // leaves a truncated PNG, nor destroys the previous one.
  std::vector<std::byte> encoded;
  const int ok = stbi_write_png_to_func(
      [](void* context, void* data, int size) {
        auto& bytes = *static_cast<std::vector<std::byte>*>(context);
        const auto* begin = static_cast<const std::byte*>(data);
        bytes.insert(bytes.end(), begin, begin + size);
      },
      &encoded, image.width, image.height, 4, image.pixels.data(), image.width * 4);
  if (!ok) return fail(ErrorKind::Internal, "cannot encode " + path.string() + " as PNG");
  return writeFileReplacing(path, encoded);
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
