#pragma once
#include <vulkan/vulkan.h>

#include "core/Image.h"
#include "gpu/OffscreenTarget.h"
#include "render/Renderer.h"

namespace corridor::render {

// Headless stills and video frames: a Renderer drawing into an OffscreenTarget.
class OffscreenRenderer {
 public:
  OffscreenRenderer(const gpu::Context& context, VkExtent2D size, int msaaSamples = 1);

  // Renders and reads back (waits for the GPU).
  core::Image render(const scene::Frame& frame);
  // Renders and waits, leaving the picture on the GPU (to time drawing alone).
  void renderOnly(const scene::Frame& frame);
  VkExtent2D size() const { return target_.extent(); }

 private:
  const gpu::Context& context_;
  gpu::OffscreenTarget target_;
  Renderer renderer_;
};

}  // namespace corridor::render
