#pragma once
#include <span>

#include "core/Image.h"
#include "gpu/Buffer.h"
#include "gpu/Image.h"

namespace corridor::gpu {

// Copies data into a new device-local buffer through a staging buffer (waits for the copy).
Buffer uploadBuffer(const Context& context, std::span<const std::byte> data,
                    VkBufferUsageFlags usage);

template <class T>
Buffer uploadBuffer(const Context& context, std::span<const T> data, VkBufferUsageFlags usage) {
  return uploadBuffer(context, std::as_bytes(data), usage);
}

// An RGBA8 texture with the image's pixels, ready for sampling in fragment shaders.
Texture uploadTexture(const Context& context, const core::Image& image);

}  // namespace corridor::gpu
