#include "render/Passes.h"

#include "corridor/EmbeddedShaders.h"
#include "render/FrameGlobals.h"

namespace corridor::render {
namespace {

constexpr uint32_t kSplitPositionBytes = 6 * sizeof(float);

gpu::PipelineBuilder builder(const PassSetup& setup, const char* vertex, const char* fragment) {
  gpu::PipelineBuilder b(setup.device, setup.layout, setup.renderPass);
  b.shaders(shaders::spirv(vertex), shaders::spirv(fragment)).samples(setup.samples);
  return b;
}

// A blended pipeline whose one vertex input is a double-float position pair, per vertex (fills)
// or per instance (symbols).
gpu::Pipeline splitPositionPipeline(const PassSetup& setup, const char* vertex, const char* fragment,
                                    VkVertexInputRate rate) {
  return builder(setup, vertex, fragment)
      .vertexBinding(0, kSplitPositionBytes, rate)
      .vertexAttribute(0, 0, VK_FORMAT_R32G32B32_SFLOAT, 0)
      .vertexAttribute(1, 0, VK_FORMAT_R32G32B32_SFLOAT, 3 * sizeof(float))
      .alphaBlending(true)
      .build();
}

}  // namespace

void pushSurface(VkCommandBuffer cmd, VkPipelineLayout layout, const glm::dvec3& eye,
                 const glm::vec4& color, float widthPixels) {
  pushSurface(cmd, layout, eye, color, glm::vec4(widthPixels, 0.0f, 0.0f, 0.0f));
}

void pushSurface(VkCommandBuffer cmd, VkPipelineLayout layout, const glm::dvec3& eye,
                 const glm::vec4& color, const glm::vec4& params) {
  const SplitVec3 split = splitDouble(eye);
  const SurfacePush push{glm::vec4(split.high, 0.0f), glm::vec4(split.low, 0.0f), color, params};
  vkCmdPushConstants(cmd, layout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                     sizeof push, &push);
}

BackgroundPass::BackgroundPass(const PassSetup& setup, const char* fragmentShader)
    : pipeline_(builder(setup, "fullscreen.vert", fragmentShader).build()) {}

void BackgroundPass::record(VkCommandBuffer cmd) const {
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.handle());
  vkCmdDraw(cmd, 3, 1, 0, 0);
}

FillPass::FillPass(const PassSetup& setup)
    : pipeline_(splitPositionPipeline(setup, "fill.vert", "fill.frag", VK_VERTEX_INPUT_RATE_VERTEX)) {}

void FillPass::record(VkCommandBuffer cmd, VkPipelineLayout layout, const GpuLand& land,
                      const glm::dvec3& eye, std::span<const DrawRange> ranges,
                      const glm::vec4& color) const {
  if (ranges.empty()) return;
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.handle());
  const VkDeviceSize offset = 0;
  const VkBuffer vertices = land.vertices.handle();
  vkCmdBindVertexBuffers(cmd, 0, 1, &vertices, &offset);
  vkCmdBindIndexBuffer(cmd, land.indices.handle(), 0, VK_INDEX_TYPE_UINT32);
  pushSurface(cmd, layout, eye, color, 0.0f);
  for (const DrawRange& range : ranges) vkCmdDrawIndexed(cmd, range.count, 1, range.first, 0, 0);
}

LinePass::LinePass(const PassSetup& setup)
    : pipeline_(builder(setup, "line.vert", "line.frag")
                    .vertexBinding(0, 2 * kSplitPositionBytes, VK_VERTEX_INPUT_RATE_INSTANCE)
                    .vertexAttribute(0, 0, VK_FORMAT_R32G32B32_SFLOAT, 0)
                    .vertexAttribute(1, 0, VK_FORMAT_R32G32B32_SFLOAT, 3 * sizeof(float))
                    .vertexAttribute(2, 0, VK_FORMAT_R32G32B32_SFLOAT, 6 * sizeof(float))
                    .vertexAttribute(3, 0, VK_FORMAT_R32G32B32_SFLOAT, 9 * sizeof(float))
                    .alphaBlending(true)
                    .build()) {}

void LinePass::record(VkCommandBuffer cmd, VkPipelineLayout layout, VkBuffer segments,
                      const glm::dvec3& eye, std::span<const DrawRange> ranges,
                      const glm::vec4& color, float widthPixels) const {
  if (ranges.empty()) return;
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.handle());
  const VkDeviceSize offset = 0;
  vkCmdBindVertexBuffers(cmd, 0, 1, &segments, &offset);
  pushSurface(cmd, layout, eye, color, widthPixels);
  for (const DrawRange& range : ranges) vkCmdDraw(cmd, 6, range.count, 0, range.first);
}

MarkerPass::MarkerPass(const PassSetup& setup)
    : pipeline_(splitPositionPipeline(setup, "marker.vert", "marker.frag", VK_VERTEX_INPUT_RATE_INSTANCE)) {}

void MarkerPass::record(VkCommandBuffer cmd, VkPipelineLayout layout, VkBuffer points, uint32_t count,
                        const glm::dvec3& eye, const glm::vec4& color, float radiusPixels) const {
  if (count == 0) return;
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.handle());
  const VkDeviceSize offset = 0;
  vkCmdBindVertexBuffers(cmd, 0, 1, &points, &offset);
  pushSurface(cmd, layout, eye, color, radiusPixels);
  vkCmdDraw(cmd, 6, count, 0, 0);
}

}  // namespace corridor::render
