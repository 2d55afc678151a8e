#include "render/OffscreenRenderer.h"

#include "gpu/Context.h"

namespace corridor::render {

OffscreenRenderer::OffscreenRenderer(const gpu::Context& context, VkExtent2D size, int msaaSamples)
    : context_(context),
      target_(context, size, gpu::supportedSamples(context, msaaSamples)),
      renderer_(context, target_.renderPass(), target_.samples()) {}

core::Image OffscreenRenderer::render(const scene::Frame& frame) {
  // Uploads (first use of a basemap) happen in draw() through their own submissions, so the
  // frame's own command buffer only records drawing and the readback copy.
  context_.submitNow([&](VkCommandBuffer cmd) {
    renderer_.draw(cmd, frame, target_);
    target_.recordReadback(cmd);
  });
  return target_.pixels();
}

void OffscreenRenderer::renderOnly(const scene::Frame& frame) {
  context_.submitNow([&](VkCommandBuffer cmd) { renderer_.draw(cmd, frame, target_); });
}

}  // namespace corridor::render
