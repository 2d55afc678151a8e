#pragma once
#include <vulkan/vulkan.h>

namespace corridor::gpu {

inline constexpr VkFormat kColorFormat = VK_FORMAT_R8G8B8A8_UNORM;
inline constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;

// Something to draw into: an offscreen image for stills and video, or a window's swapchain.
// Both use one render pass layout: colour (maybe multisampled), depth, and a resolve target
// when multisampled, so pipelines built for one work with the other if formats and samples
// agree.
class Target {
 public:
  virtual ~Target() = default;
  virtual VkRenderPass renderPass() const = 0;
  virtual VkFramebuffer framebuffer() const = 0;  // the one to draw into now
  virtual VkExtent2D extent() const = 0;
  virtual VkSampleCountFlagBits samples() const = 0;
};

// Colour + depth (+ resolve when samples > 1); the colour that is kept ends in finalLayout.
VkRenderPass createRenderPass(VkDevice device, VkFormat colorFormat,
                              VkSampleCountFlagBits samples, VkImageLayout finalLayout);

// Clears all attachments and begins the target's render pass with a full viewport/scissor.
void beginRenderPass(VkCommandBuffer cmd, const Target& target, const float clearColor[4]);

}  // namespace corridor::gpu
