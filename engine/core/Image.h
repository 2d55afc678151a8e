#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/Result.h"

namespace corridor::core {

using Rgba = std::array<std::uint8_t, 4>;

// An RGBA8 picture, rows top to bottom, no padding.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;

  Image() = default;
  Image(int w, int h) : width(w), height(h), pixels(static_cast<std::size_t>(w) * h * 4, 0) {}

  Rgba at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 4;
    return {pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]};
  }
  bool empty() const { return pixels.empty(); }
};

Result<void> writePng(const Image& image, const std::filesystem::path& path);
Result<Image> readPng(const std::filesystem::path& path);

}  // namespace corridor::core
