#include "gpu/OffscreenTarget.h"

#include <cstring>

#include "gpu/Check.h"
#include "gpu/Context.h"

namespace corridor::gpu {

OffscreenTarget::OffscreenTarget(const Context& context, VkExtent2D extent,
                                 VkSampleCountFlagBits samples)
    : device_(context.device()), extent_(extent), samples_(samples) {
  const bool multisampled = samples != VK_SAMPLE_COUNT_1_BIT;
  ImageSpec color{extent, kColorFormat, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT, samples,
                  VK_IMAGE_ASPECT_COLOR_BIT};
  if (!multisampled) color.usage |= VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  color_ = Image(context, color);
  depth_ = Image(context, {extent, kDepthFormat, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT,
                           samples, VK_IMAGE_ASPECT_DEPTH_BIT});
  if (multisampled) {
    resolved_ = Image(context, {extent, kColorFormat,
                                VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                                VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_ASPECT_COLOR_BIT});
  }
  readback_ = Buffer(context, VkDeviceSize(extent.width) * extent.height * 4,
                     VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                     VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  renderPass_ = createRenderPass(device_, kColorFormat, samples,
                                 VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL);
  const VkImageView views[] = {color_.view(), depth_.view(), resolved_.view()};
  VkFramebufferCreateInfo info{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
  info.renderPass = renderPass_;
  info.attachmentCount = multisampled ? 3 : 2;
  info.pAttachments = views;
  info.width = extent.width;
  info.height = extent.height;
  info.layers = 1;
  CORRIDOR_VK(vkCreateFramebuffer(device_, &info, nullptr, &framebuffer_));
}

OffscreenTarget::~OffscreenTarget() {
  if (framebuffer_) vkDestroyFramebuffer(device_, framebuffer_, nullptr);
  if (renderPass_) vkDestroyRenderPass(device_, renderPass_, nullptr);
}

void OffscreenTarget::recordReadback(VkCommandBuffer cmd) const {
  const Image& source = samples_ == VK_SAMPLE_COUNT_1_BIT ? color_ : resolved_;
  VkBufferImageCopy region{};
  region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  region.imageExtent = {extent_.width, extent_.height, 1};
  vkCmdCopyImageToBuffer(cmd, source.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                         readback_.handle(), 1, &region);
  VkBufferMemoryBarrier barrier{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER};
  barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
  barrier.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
  barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  barrier.buffer = readback_.handle();
  barrier.size = VK_WHOLE_SIZE;
  vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 0,
                       nullptr, 1, &barrier, 0, nullptr);
}

void OffscreenTarget::recordCopy(VkCommandBuffer cmd, VkImage destination) const {
  const Image& source = samples_ == VK_SAMPLE_COUNT_1_BIT ? color_ : resolved_;
  // The render pass's writes land before the copy reads.
  transitionImage(cmd, source.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL);
  VkImageCopy region{};
  region.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  region.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  region.extent = {extent_.width, extent_.height, 1};
  vkCmdCopyImage(cmd, source.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, destination,
                 VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
}

core::Image OffscreenTarget::pixels() const {
  core::Image image(static_cast<int>(extent_.width), static_cast<int>(extent_.height));
  std::memcpy(image.pixels.data(), readback_.mapped(), image.pixels.size());
  return image;
}

VkSampleCountFlagBits supportedSamples(const Context& context, int wanted) {
  const auto& limits = context.deviceInfo().properties().limits;
  const VkSampleCountFlags supported =
      limits.framebufferColorSampleCounts & limits.framebufferDepthSampleCounts;
  for (int count = 64; count > 1; count /= 2) {
    if (count <= wanted && (supported & static_cast<VkSampleCountFlags>(count))) {
      return static_cast<VkSampleCountFlagBits>(count);
    }
  }
  return VK_SAMPLE_COUNT_1_BIT;
}

}  // namespace corridor::gpu
