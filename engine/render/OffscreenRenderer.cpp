#include "render/OffscreenRenderer.h"

#include "gpu/Context.h"
#include "gpu/Image.h"

namespace corridor::render {

OffscreenRenderer::OffscreenRenderer(const gpu::Context& context, VkExtent2D size, int msaaSamples)
    : context_(context),
      target_(context, size, gpu::supportedSamples(context, msaaSamples)),
      renderer_(context, target_.renderPass(), target_.samples()) {}

bool OffscreenRenderer::BasemapKey::operator==(const BasemapKey& other) const {
  return basemap == other.basemap && mode == other.mode && eye == other.eye && viewProjection == other.viewProjection &&
         style == other.style && sun.lon == other.sun.lon && sun.lat == other.sun.lat;
}

OffscreenRenderer::BasemapKey OffscreenRenderer::keyOf(const scene::Frame& frame) {
  const bool sunShows = frame.style.kind == scene::BasemapKind::Imagery && frame.style.nightLights;
  return {frame.basemap.get(), frame.view.mode, frame.view.eye, frame.view.viewProjection, frame.style,
          sunShows ? frame.subsolarPoint : geo::LonLat{}};
}

void OffscreenRenderer::captureBasemap(VkCommandBuffer cmd, const scene::Frame& frame) {
  if (!cache_) {
    const VkExtent2D extent = target_.extent();
    cache_.emplace(context_, gpu::Image(context_, {extent, gpu::kColorFormat,
                                                   VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
                                                   VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_ASPECT_COLOR_BIT}));
    renderer_.setCachedBackground(&*cache_);
  }
  renderer_.draw(cmd, frame, target_, 0, {}, Renderer::Parts::Basemap);
  gpu::transitionImage(cmd, cache_->image(), VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
  target_.recordCopy(cmd, cache_->image());
  gpu::transitionImage(cmd, cache_->image(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                       VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
}

core::Image OffscreenRenderer::render(const scene::Frame& frame) {
  std::optional<BasemapKey> key;
  if (caching_) key = keyOf(frame);
  const bool cached = key && cachedKey_ == key;
  const bool capture = key && !cached && previousKey_ == key;
  if (capture) cachedKey_.reset();
  // Uploads (first use of a basemap) happen in draw() through their own submissions, so the
  // frame's own command buffer only records drawing and the readback copy.
  context_.submitNow([&](VkCommandBuffer cmd) {
    if (capture) captureBasemap(cmd, frame);
    renderer_.draw(cmd, frame, target_, 0, {},
                   cached || capture ? Renderer::Parts::ShipsOverCachedBasemap : Renderer::Parts::All);
    target_.recordReadback(cmd);
  });
  if (capture) cachedKey_ = key;
  framesOverCache_ += cached || capture;
  previousKey_ = key;
  return target_.pixels();
}

void OffscreenRenderer::renderOnly(const scene::Frame& frame) {
  context_.submitNow([&](VkCommandBuffer cmd) { renderer_.draw(cmd, frame, target_); });
}

}  // namespace corridor::render
