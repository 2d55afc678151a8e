#include "gpu/Swapchain.h"

#include <algorithm>

#include "gpu/Check.h"
#include "gpu/Context.h"

namespace corridor::gpu {
namespace {

VkSurfaceFormatKHR chooseFormat(VkPhysicalDevice device, VkSurfaceKHR surface) {
  uint32_t count = 0;
  vkGetPhysicalDeviceSurfaceFormatsKHR(device, surface, &count, nullptr);
  std::vector<VkSurfaceFormatKHR> formats(count);
  vkGetPhysicalDeviceSurfaceFormatsKHR(device, surface, &count, formats.data());
  // UNORM like the offscreen target, so a window and a recorded frame look the same.
  for (VkFormat wanted : {VK_FORMAT_B8G8R8A8_UNORM, VK_FORMAT_R8G8B8A8_UNORM}) {
    for (const auto& format : formats) {
      if (format.format == wanted) return format;
    }
  }
  return formats.at(0);
}

}  // namespace

Swapchain::Swapchain(const Context& context, VkExtent2D wanted) : context_(context) {
  format_ = chooseFormat(context.physicalDevice(), context.surface()).format;
  renderPass_ = createRenderPass(context.device(), format_, VK_SAMPLE_COUNT_1_BIT,
                                 VK_IMAGE_LAYOUT_PRESENT_SRC_KHR);
  create(wanted, VK_NULL_HANDLE);
}

Swapchain::~Swapchain() {
  vkDeviceWaitIdle(context_.device());
  destroyImages();
  if (swapchain_) vkDestroySwapchainKHR(context_.device(), swapchain_, nullptr);
  if (renderPass_) vkDestroyRenderPass(context_.device(), renderPass_, nullptr);
}

void Swapchain::recreate(VkExtent2D wanted) {
  CORRIDOR_VK(vkDeviceWaitIdle(context_.device()));
  destroyImages();
  VkSwapchainKHR old = swapchain_;
  create(wanted, old);
  if (old) vkDestroySwapchainKHR(context_.device(), old, nullptr);
}

void Swapchain::create(VkExtent2D wanted, VkSwapchainKHR old) {
  const VkSurfaceKHR surface = context_.surface();
  VkSurfaceCapabilitiesKHR caps;
  CORRIDOR_VK(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(context_.physicalDevice(), surface, &caps));
  if (caps.currentExtent.width != UINT32_MAX) {
    extent_ = caps.currentExtent;
  } else {
    extent_.width = std::clamp(wanted.width, caps.minImageExtent.width, caps.maxImageExtent.width);
    extent_.height =
        std::clamp(wanted.height, caps.minImageExtent.height, caps.maxImageExtent.height);
  }
  if (extent_.width == 0 || extent_.height == 0) {
    swapchain_ = VK_NULL_HANDLE;  // minimised: nothing to draw into until it is restored
    return;
  }
  minImageCount_ = std::max(2u, caps.minImageCount);
  uint32_t imageCount = caps.minImageCount + 1;
  if (caps.maxImageCount > 0) imageCount = std::min(imageCount, caps.maxImageCount);

  VkSwapchainCreateInfoKHR info{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
  info.surface = surface;
  info.minImageCount = imageCount;
  info.imageFormat = format_;
  info.imageColorSpace = VK_COLOR_SPACE_SRGB_NONLINEAR_KHR;
  info.imageExtent = extent_;
  info.imageArrayLayers = 1;
  info.imageUsage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
  info.preTransform = caps.currentTransform;
  info.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
  info.presentMode = VK_PRESENT_MODE_FIFO_KHR;  // always available; paces to the display
  info.clipped = VK_TRUE;
  info.oldSwapchain = old;
  CORRIDOR_VK(vkCreateSwapchainKHR(context_.device(), &info, nullptr, &swapchain_));

  uint32_t count = 0;
  vkGetSwapchainImagesKHR(context_.device(), swapchain_, &count, nullptr);
  images_.resize(count);
  vkGetSwapchainImagesKHR(context_.device(), swapchain_, &count, images_.data());
  for (VkImage image : images_) {
    const VkImageView view =
        createImageView(context_.device(), image, format_, VK_IMAGE_ASPECT_COLOR_BIT);
    views_.push_back(view);
    depth_.emplace_back(context_, ImageSpec{extent_, kDepthFormat,
                                            VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT,
                                            VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_ASPECT_DEPTH_BIT});
    const VkImageView attachments[] = {view, depth_.back().view()};
    VkFramebufferCreateInfo fb{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    fb.renderPass = renderPass_;
    fb.attachmentCount = 2;
    fb.pAttachments = attachments;
    fb.width = extent_.width;
    fb.height = extent_.height;
    fb.layers = 1;
    VkFramebuffer framebuffer;
    CORRIDOR_VK(vkCreateFramebuffer(context_.device(), &fb, nullptr, &framebuffer));
    framebuffers_.push_back(framebuffer);
  }
}

void Swapchain::destroyImages() {
  for (VkFramebuffer fb : framebuffers_) vkDestroyFramebuffer(context_.device(), fb, nullptr);
  for (VkImageView view : views_) vkDestroyImageView(context_.device(), view, nullptr);
  framebuffers_.clear();
  views_.clear();
  depth_.clear();
  images_.clear();
}

std::optional<uint32_t> Swapchain::acquire(VkSemaphore ready) {
  if (!swapchain_) return std::nullopt;
  uint32_t index = 0;
  const VkResult result =
      vkAcquireNextImageKHR(context_.device(), swapchain_, UINT64_MAX, ready, VK_NULL_HANDLE, &index);
  if (result == VK_ERROR_OUT_OF_DATE_KHR) return std::nullopt;
  if (result != VK_SUBOPTIMAL_KHR) check(result, "vkAcquireNextImageKHR");
  current_ = index;
  return index;
}

bool Swapchain::present(uint32_t index, VkSemaphore renderFinished) {
  VkPresentInfoKHR info{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
  info.waitSemaphoreCount = 1;
  info.pWaitSemaphores = &renderFinished;
  info.swapchainCount = 1;
  info.pSwapchains = &swapchain_;
  info.pImageIndices = &index;
  const VkResult result = vkQueuePresentKHR(context_.queue(), &info);
  if (result == VK_ERROR_OUT_OF_DATE_KHR || result == VK_SUBOPTIMAL_KHR) return false;
  check(result, "vkQueuePresentKHR");
  return true;
}

}  // namespace corridor::gpu

namespace corridor::gpu {

void Swapchain::recordReadback(VkCommandBuffer cmd, VkBuffer buffer) const {
  const VkImage image = images_.at(current_);
  transitionImage(cmd, image, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL);
  VkBufferImageCopy region{};
  region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  region.imageExtent = {extent_.width, extent_.height, 1};
  vkCmdCopyImageToBuffer(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer, 1, &region);
  transitionImage(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR);
}

}  // namespace corridor::gpu
