#include "gpu/Upload.h"

#include <cstring>

#include "gpu/Context.h"

namespace corridor::gpu {
namespace {

Buffer stagingBuffer(const Context& context, VkDeviceSize bytes) {
  return Buffer(context, bytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
}

}  // namespace

Buffer uploadBuffer(const Context& context, VkDeviceSize bytes, VkBufferUsageFlags usage,
                    const std::function<void(std::span<std::byte>)>& fill) {
  Buffer buffer(context, bytes, usage | VK_BUFFER_USAGE_TRANSFER_DST_BIT, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  Buffer staging = stagingBuffer(context, bytes);
  fill(std::span(static_cast<std::byte*>(staging.mapped()), std::size_t(bytes)));
  context.submitNow([&](VkCommandBuffer cmd) {
    const VkBufferCopy region{0, 0, bytes};
    vkCmdCopyBuffer(cmd, staging.handle(), buffer.handle(), 1, &region);
  });
  return buffer;
}

Buffer uploadBuffer(const Context& context, std::span<const std::byte> data,
                    VkBufferUsageFlags usage) {
  if (data.empty()) {  // Vulkan forbids empty buffers
    return Buffer(context, 16, usage | VK_BUFFER_USAGE_TRANSFER_DST_BIT, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  }
  return uploadBuffer(context, data.size(), usage,
                      [&](std::span<std::byte> staging) { std::memcpy(staging.data(), data.data(), data.size()); });
}

Texture uploadTexture(const Context& context, const core::Image& source) {
  ImageSpec spec;
  spec.extent = {static_cast<uint32_t>(source.width), static_cast<uint32_t>(source.height)};
  spec.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  Image image(context, spec);
  const auto pixels = std::as_bytes(std::span(source.pixels));
  Buffer staging = stagingBuffer(context, pixels.size());
  std::memcpy(staging.mapped(), pixels.data(), pixels.size());
  context.submitNow([&](VkCommandBuffer cmd) {
    transitionImage(cmd, image.handle(), VK_IMAGE_LAYOUT_UNDEFINED,
                    VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {spec.extent.width, spec.extent.height, 1};
    vkCmdCopyBufferToImage(cmd, staging.handle(), image.handle(),
                           VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
    transitionImage(cmd, image.handle(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                    VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
  });
  return Texture(context, std::move(image));
}

}  // namespace corridor::gpu
