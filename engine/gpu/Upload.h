#pragma once
#include <cstddef>
#include <functional>
#include <span>

#include "core/Image.h"
#include "gpu/Buffer.h"
#include "gpu/Image.h"

namespace corridor::gpu {

// Copies data into a new device-local buffer through a staging buffer (waits for the copy).
Buffer uploadBuffer(const Context& context, std::span<const std::byte> data,
                    VkBufferUsageFlags usage);

// A new device-local buffer of `bytes` (not 0) that `fill` writes through the staging buffer's
// mapping: large data computed for the GPU is held once on the way, not also in a vector.
Buffer uploadBuffer(const Context& context, VkDeviceSize bytes, VkBufferUsageFlags usage,
                    const std::function<void(std::span<std::byte>)>& fill);

template <class T>
Buffer uploadBuffer(const Context& context, std::span<const T> data, VkBufferUsageFlags usage) {
  return uploadBuffer(context, std::as_bytes(data), usage);
}

// An RGBA8 texture with the image's pixels, ready for sampling in fragment shaders.
Texture uploadTexture(const Context& context, const core::Image& image);

}  // namespace corridor::gpu
