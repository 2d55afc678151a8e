#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "gpu/Image.h"
#include "gpu/Target.h"

namespace corridor::gpu {

class Context;

// The window's images as a render target. The surface comes from outside (the viewer owns the
// window). recreate() follows a resize; an extent of 0 (minimised) is the caller's cue to wait.
class Swapchain final : public Target {
 public:
  Swapchain(const Context& context, VkExtent2D wanted);
  ~Swapchain() override;
  Swapchain(const Swapchain&) = delete;
  Swapchain& operator=(const Swapchain&) = delete;

  void recreate(VkExtent2D wanted);

  // The index of the next image, signalling `ready` when it may be drawn; nothing when the
  // swapchain is out of date (recreate, then try again).
  std::optional<uint32_t> acquire(VkSemaphore ready);
  // False when the swapchain went out of date or suboptimal (recreate).
  bool present(uint32_t index, VkSemaphore renderFinished);

  VkRenderPass renderPass() const override { return renderPass_; }
  VkFramebuffer framebuffer() const override { return framebuffers_[current_]; }
  VkExtent2D extent() const override { return extent_; }
  VkSampleCountFlagBits samples() const override { return VK_SAMPLE_COUNT_1_BIT; }
  // After the render pass of the current image: copies it into `buffer` (width*height*4 bytes,
  // host-visible) for screenshots; the image goes back to the present layout.
  void recordReadback(VkCommandBuffer cmd, VkBuffer buffer) const;
  // Whether the pixels read back are in B,G,R,A order.
  bool isBgra() const { return format_ == VK_FORMAT_B8G8R8A8_UNORM; }
  uint32_t imageCount() const { return static_cast<uint32_t>(images_.size()); }
  uint32_t minImageCount() const { return minImageCount_; }

 private:
  void create(VkExtent2D wanted, VkSwapchainKHR old);
  void destroyImages();

  const Context& context_;
  VkFormat format_ = VK_FORMAT_UNDEFINED;
  VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
  VkRenderPass renderPass_ = VK_NULL_HANDLE;
  VkExtent2D extent_{0, 0};
  uint32_t minImageCount_ = 2;
  uint32_t current_ = 0;
  std::vector<VkImage> images_;
  std::vector<VkImageView> views_;
  std::vector<Image> depth_;
  std::vector<VkFramebuffer> framebuffers_;
};

}  // namespace corridor::gpu
