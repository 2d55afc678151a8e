#pragma once
#include <vulkan/vulkan.h>

#include <glm/glm.hpp>
#include <memory>

#include "core/Time.h"
#include "gpu/Buffer.h"
#include "gpu/PipelineBuilder.h"
#include "render/Passes.h"
#include "scene/Trips.h"
#include "scene/View.h"

namespace corridor::gpu {
class Context;
}

namespace corridor::render {

// Draws scene::Trips: the set lives in two device-local storage buffers (its points, 20 bytes
// each, and its legs by start time, 4 bytes each), uploaded once per set (and again when the
// flat map's projection changes); a frame pushes its time and draws the legs that can show, the
// vertex shader reading each leg by vertex index (shaders/trips.glsl).
class TripPass {
 public:
  explicit TripPass(const PassSetup& setup);

  // Makes `trips` resident for this view (waits for the GPU before replacing an older set).
  // The pass keeps no reference to them: a set the caller lets go (the trips of a window the
  // clock has left) is freed while the next window is built, not a frame later.
  void use(const gpu::Context& context, const scene::Trips& trips, const scene::View& view);
  glm::dvec2 mapRange() const { return xRange_; }
  // The storage buffers the shaders read (descriptor bindings 4 and 6), and how many sets have
  // been uploaded so far: a descriptor written for an earlier upload is stale (a handle may be
  // reused).
  VkBuffer points() const { return points_.handle(); }
  VkBuffer legs() const { return legs_.handle(); }
  std::uint64_t uploads() const { return uploads_; }
  // Draws `trips`, the set last made resident.
  void record(VkCommandBuffer cmd, VkPipelineLayout layout, const scene::Trips& trips, const glm::dvec3& eye,
              core::UtcMicros time) const;

 private:
  gpu::Pipeline trailPipeline_, glyphPipeline_;
  gpu::Buffer points_, legs_;
  std::uint64_t revision_ = 0;  // of the set resident; 0: none
  scene::ViewMode mode_ = scene::ViewMode::Globe;
  double centralMeridian_ = 0;
  glm::dvec2 xRange_{0.0};
  core::UtcMicros origin_ = 0;  // of the ticks the points' times are counted in
  std::uint64_t uploads_ = 0;
};

}  // namespace corridor::render
