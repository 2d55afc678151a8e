#pragma once
#include <vulkan/vulkan.h>

#include <glm/glm.hpp>
#include <vector>

#include "gpu/Buffer.h"
#include "gpu/PipelineBuilder.h"
#include "render/Passes.h"
#include "scene/VesselLayer.h"
#include "scene/View.h"

namespace corridor::gpu {
class Context;
}

namespace corridor::render {

// Vessel trails and glyphs built on the CPU for one moment (corridor lanes; ships, from scenarios
// and AIS, are GPU-resident trips, TripPass). Their instance data changes every frame, so each
// frame in flight has its own host-visible buffers, grown when a frame needs more.
class VesselPass {
 public:
  VesselPass(const PassSetup& setup, uint32_t framesInFlight);

  // Converts the layer into instance data for this view (before the render pass begins).
  void upload(const gpu::Context& context, uint32_t slot, const scene::VesselLayer& layer,
              const scene::View& view);
  // The x range of what was uploaded, for the flat map's world copies.
  glm::dvec2 mapRange(uint32_t slot) const { return slots_.at(slot).xRange; }
  void record(VkCommandBuffer cmd, VkPipelineLayout layout, uint32_t slot,
              const glm::dvec3& eye) const;

 private:
  struct Slot {
    gpu::Buffer trails, glyphs;
    uint32_t trailCount = 0, glyphCount = 0;
    glm::dvec2 xRange{0.0};
  };
  gpu::Pipeline trailPipeline_, glyphPipeline_;
  std::vector<Slot> slots_;
};

}  // namespace corridor::render
