#include "gpu/Upload.h"

#include <cstring>

#include "gpu/Context.h"

namespace corridor::gpu {
namespace {

Buffer stagingBuffer(const Context& context, std::span<const std::byte> data) {
  Buffer staging(context, data.size(), VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                 VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  std::memcpy(staging.mapped(), data.data(), data.size());
  return staging;
}

}  // namespace

Buffer uploadBuffer(const Context& context, std::span<const std::byte> data,
                    VkBufferUsageFlags usage) {
  const VkDeviceSize size = data.empty() ? 16 : data.size();  // Vulkan forbids empty buffers
  Buffer buffer(context, size, usage | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  if (data.empty()) return buffer;
  Buffer staging = stagingBuffer(context, data);
  context.submitNow([&](VkCommandBuffer cmd) {
    const VkBufferCopy region{0, 0, data.size()};
    vkCmdCopyBuffer(cmd, staging.handle(), buffer.handle(), 1, &region);
  });
  return buffer;
}

Texture uploadTexture(const Context& context, const core::Image& source) {
  ImageSpec spec;
  spec.extent = {static_cast<uint32_t>(source.width), static_cast<uint32_t>(source.height)};
  spec.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  Image image(context, spec);
  Buffer staging = stagingBuffer(context, std::as_bytes(std::span(source.pixels)));
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
