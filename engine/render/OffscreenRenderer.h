#pragma once
#include <vulkan/vulkan.h>

#include <optional>

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
  // For video with a still camera: once two frames in a row have the same basemap (camera,
  // size, style, and the sun where night lights show), it is kept and later such frames draw
  // only the ships over it. Off by default.
  void cacheStillBasemap(bool enable) { caching_ = enable; }
  // Frames drawn over the kept basemap so far.
  long framesOverCachedBasemap() const { return framesOverCache_; }
  VkExtent2D size() const { return target_.extent(); }
  const TileStats& tileStats() const { return renderer_.tileStats(); }

 private:
  struct BasemapKey {
    const scene::Basemap* basemap = nullptr;
    scene::ViewMode mode{};
    glm::dvec3 eye{0.0};
    glm::mat4 viewProjection{1.0f};
    scene::BasemapStyle style;
    geo::LonLat sun;  // only where night lights show
    bool operator==(const BasemapKey& other) const;
  };
  static BasemapKey keyOf(const scene::Frame& frame);
  void captureBasemap(VkCommandBuffer cmd, const scene::Frame& frame);

  const gpu::Context& context_;
  gpu::OffscreenTarget target_;
  Renderer renderer_;
  bool caching_ = false;
  long framesOverCache_ = 0;
  std::optional<gpu::Texture> cache_;
  std::optional<BasemapKey> cachedKey_, previousKey_;
};

}  // namespace corridor::render
