#pragma once
#include <vulkan/vulkan.h>

#include <glm/glm.hpp>
#include <span>

#include "gpu/PipelineBuilder.h"
#include "render/GpuBasemap.h"

namespace corridor::render {

// A run of primitives to draw (indices for fills, instances for lines).
struct DrawRange {
  uint32_t first = 0;
  uint32_t count = 0;
};

// Sets the ground shaders' push constants: the eye as a double-float pair, a colour, a width.
void pushSurface(VkCommandBuffer cmd, VkPipelineLayout layout, const glm::dvec3& eye,
                 const glm::vec4& color, float widthPixels);
// The same with all four parameters (x: width; the rest as the shader says).
void pushSurface(VkCommandBuffer cmd, VkPipelineLayout layout, const glm::dvec3& eye,
                 const glm::vec4& color, const glm::vec4& params);

// What every pass needs to build its pipeline.
struct PassSetup {
  VkDevice device;
  VkPipelineLayout layout;
  VkRenderPass renderPass;
  VkSampleCountFlagBits samples;
};

// Ocean or imagery, space and atmosphere, per pixel (shaders/background.frag); or another
// full-screen fragment shader, such as the cached basemap's.
class BackgroundPass {
 public:
  explicit BackgroundPass(const PassSetup& setup, const char* fragmentShader = "background.frag");
  void record(VkCommandBuffer cmd) const;

 private:
  gpu::Pipeline pipeline_;
};

// Land triangles (shaders/fill.*), drawn from one eye position (the flat map calls it once
// per copy of the world).
class FillPass {
 public:
  explicit FillPass(const PassSetup& setup);
  void record(VkCommandBuffer cmd, VkPipelineLayout layout, const GpuLand& land,
              const glm::dvec3& eye, std::span<const DrawRange> ranges,
              const glm::vec4& color) const;

 private:
  gpu::Pipeline pipeline_;
};

// Instanced anti-aliased segments of constant pixel width (shaders/line.*).
class LinePass {
 public:
  explicit LinePass(const PassSetup& setup);
  void record(VkCommandBuffer cmd, VkPipelineLayout layout, VkBuffer segments,
              const glm::dvec3& eye, std::span<const DrawRange> ranges, const glm::vec4& color,
              float widthPixels) const;

 private:
  gpu::Pipeline pipeline_;
};

// Point symbols of constant pixel size, one instance a point (shaders/marker.*).
class MarkerPass {
 public:
  explicit MarkerPass(const PassSetup& setup);
  void record(VkCommandBuffer cmd, VkPipelineLayout layout, VkBuffer points, uint32_t count, const glm::dvec3& eye,
              const glm::vec4& color, float radiusPixels) const;

 private:
  gpu::Pipeline pipeline_;
};

}  // namespace corridor::render
