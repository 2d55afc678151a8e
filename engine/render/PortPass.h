#pragma once
#include <vulkan/vulkan.h>

#include <glm/glm.hpp>
#include <vector>

#include "gpu/Buffer.h"
#include "gpu/PipelineBuilder.h"
#include "render/Passes.h"
#include "scene/PortLayer.h"
#include "scene/View.h"

namespace corridor::gpu {
class Context;
}

namespace corridor::render {

// The ports' ground-concentration heatmaps (smooth fields on the ground) and plumes
// (soft camera-facing puffs, shaders/plume.*). Rebuilt every frame, like the vessels.
class PortPass {
 public:
  PortPass(const PassSetup& setup, uint32_t framesInFlight);

  void upload(const gpu::Context& context, uint32_t slot, const scene::PortLayer& layer,
              const scene::View& view);
  glm::dvec2 mapRange(uint32_t slot) const { return slots_.at(slot).xRange; }
  void recordHeatmaps(VkCommandBuffer cmd, VkPipelineLayout layout, uint32_t slot,
                      const glm::dvec3& eye) const;
  void recordPlumes(VkCommandBuffer cmd, VkPipelineLayout layout, uint32_t slot,
                    const glm::dvec3& eye) const;

 private:
  struct Slot {
    gpu::Buffer heatmaps, puffs;
    uint32_t heatmapVertices = 0, puffCount = 0;
    glm::vec4 heatmapScale{0.0f};  // log10 of the scale's bottom and top
    glm::dvec2 xRange{0.0};
  };
  gpu::Pipeline heatmapPipeline_, plumePipeline_;
  std::vector<Slot> slots_;
};

}  // namespace corridor::render
