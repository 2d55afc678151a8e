#pragma once
#include "core/Image.h"
#include "gpu/Buffer.h"
#include "gpu/Image.h"
#include "gpu/Target.h"

namespace corridor::gpu {

class Context;

// Renders without a window: colour + depth (+ MSAA resolve), read back to RGBA8.
class OffscreenTarget final : public Target {
 public:
  OffscreenTarget(const Context& context, VkExtent2D extent,
                  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT);
  ~OffscreenTarget() override;
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  VkRenderPass renderPass() const override { return renderPass_; }
  VkFramebuffer framebuffer() const override { return framebuffer_; }
  VkExtent2D extent() const override { return extent_; }
  VkSampleCountFlagBits samples() const override { return samples_; }

  // After the render pass: copies the picture into the host-visible readback buffer.
  void recordReadback(VkCommandBuffer cmd) const;
  // After the render pass: copies the picture into `destination` (same size and format,
  // TRANSFER_DST layout).
  void recordCopy(VkCommandBuffer cmd, VkImage destination) const;
  // Once the commands above have completed.
  core::Image pixels() const;

 private:
  VkDevice device_;
  VkExtent2D extent_;
  VkSampleCountFlagBits samples_;
  Image color_, depth_, resolved_;
  Buffer readback_;
  VkRenderPass renderPass_ = VK_NULL_HANDLE;
  VkFramebuffer framebuffer_ = VK_NULL_HANDLE;
};

// The highest sample count up to `wanted` that the device supports for colour and depth.
VkSampleCountFlagBits supportedSamples(const Context& context, int wanted);

}  // namespace corridor::gpu
