#pragma once
#include <vulkan/vulkan.h>

namespace corridor::gpu {

class Context;

struct ImageSpec {
  VkExtent2D extent{1, 1};
  VkFormat format = VK_FORMAT_R8G8B8A8_UNORM;
  VkImageUsageFlags usage = VK_IMAGE_USAGE_SAMPLED_BIT;
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
  VkImageAspectFlags aspect = VK_IMAGE_ASPECT_COLOR_BIT;
  uint32_t layers = 1;  // more than one: a 2D array image with an array view
};

// A 2D (array) device-local image with its memory and a view.
class Image {
 public:
  Image() = default;
  Image(const Context& context, const ImageSpec& spec);
  ~Image();
  Image(Image&& other) noexcept;
  Image& operator=(Image&& other) noexcept;

  VkImage handle() const { return image_; }
  VkImageView view() const { return view_; }
  const ImageSpec& spec() const { return spec_; }

 private:
  void release();
  VkDevice device_ = VK_NULL_HANDLE;
  VkImage image_ = VK_NULL_HANDLE;
  VkImageView view_ = VK_NULL_HANDLE;
  VkDeviceMemory memory_ = VK_NULL_HANDLE;
  ImageSpec spec_;
};

// A view of a whole image: 2D for a single layer, a 2D array for more.
VkImageView createImageView(VkDevice device, VkImage image, VkFormat format,
                            VkImageAspectFlags aspect, uint32_t layers = 1);

// Records a layout transition of a whole colour image (all its layers) (a full pipeline barrier: meant for
// uploads and readbacks, not for per-draw hazards).
void transitionImage(VkCommandBuffer cmd, VkImage image, VkImageLayout from, VkImageLayout to,
                     VkImageAspectFlags aspect = VK_IMAGE_ASPECT_COLOR_BIT);

// A sampled texture: image plus sampler (linear, repeat in u, clamp in v: equirectangular).
class Texture {
 public:
  Texture() = default;
  Texture(const Context& context, Image image);
  ~Texture();
  Texture(Texture&& other) noexcept;
  Texture& operator=(Texture&& other) noexcept;

  VkImageView view() const { return image_.view(); }
  VkImage image() const { return image_.handle(); }
  uint32_t layers() const { return image_.spec().layers; }
  VkSampler sampler() const { return sampler_; }

 private:
  VkDevice device_ = VK_NULL_HANDLE;
  Image image_;
  VkSampler sampler_ = VK_NULL_HANDLE;
};

}  // namespace corridor::gpu
