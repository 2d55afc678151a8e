#include "render/PortPass.h"

#include "render/InstanceData.h"

#include <algorithm>
#include <cmath>

namespace corridor::render {
namespace {

// Per vertex: position (double-float pair), place in the cell (u, v), the cell's four corner
// values (south-west, south-east, north-east, north-west) and the border fade.
constexpr uint32_t kHeatmapFloats = 13, kPuffFloats = 26;

// Two triangles per cell with anything to show; the fragment shader interpolates the corner
// values bilinearly in log10, so the field has no cell edges and no diagonal creases.
void putHeatmap(std::vector<float>& out, GroundPlacer& placer, const scene::GroundHeatmap& heatmap) {
  const std::size_t stride = std::size_t(heatmap.columns) + 1;
  const float visible = float(heatmap.scale.bottom * 0.1);  // heatmapColor is transparent below
  for (int row = 0; row < heatmap.rows; ++row) {
    for (int column = 0; column < heatmap.columns; ++column) {
      const std::size_t sw = std::size_t(row) * stride + std::size_t(column);
      const std::size_t corners[4] = {sw, sw + 1, sw + stride + 1, sw + stride};
      const glm::vec4 values(heatmap.cornerValues[corners[0]], heatmap.cornerValues[corners[1]],
                             heatmap.cornerValues[corners[2]], heatmap.cornerValues[corners[3]]);
      if (std::max(std::max(values.x, values.y), std::max(values.z, values.w)) <= visible) continue;
      auto corner = [&](int dx, int dy, std::size_t index) {
        placer.put(out, geo::LonLat{heatmap.southWest.lon + (column + dx) * heatmap.cellLonDegrees,
                                    heatmap.southWest.lat + (row + dy) * heatmap.cellLatDegrees});
        out.insert(out.end(), {float(dx), float(dy), values.x, values.y, values.z, values.w, heatmap.cornerFades[index]});
      };
      corner(0, 0, corners[0]);
      corner(1, 0, corners[1]);
      corner(1, 1, corners[2]);
      corner(0, 0, corners[0]);
      corner(1, 1, corners[2]);
      corner(0, 1, corners[3]);
    }
  }
}

// Binds the pipeline and the vertex buffer and draws, unless there is nothing to draw.
void drawBuffer(VkCommandBuffer cmd, VkPipelineLayout layout, const gpu::Pipeline& pipeline, const gpu::Buffer& data,
                const glm::dvec3& eye, uint32_t vertices, uint32_t instances, const glm::vec4& params = glm::vec4(0.0f)) {
  if (vertices == 0 || instances == 0) return;
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
  const VkBuffer buffer = data.handle();
  const VkDeviceSize offset = 0;
  vkCmdBindVertexBuffers(cmd, 0, 1, &buffer, &offset);
  pushSurface(cmd, layout, eye, glm::vec4(1.0f), params);
  vkCmdDraw(cmd, vertices, instances, 0, 0);
}

}  // namespace

PortPass::PortPass(const PassSetup& setup, uint32_t framesInFlight) : slots_(framesInFlight) {
  constexpr VkFormat kFloat = VK_FORMAT_R32_SFLOAT, kVec2 = VK_FORMAT_R32G32_SFLOAT,
                     kVec3 = VK_FORMAT_R32G32B32_SFLOAT, kVec4 = VK_FORMAT_R32G32B32A32_SFLOAT;
  constexpr uint32_t f = sizeof(float);
  heatmapPipeline_ = blendedPipeline(setup, "heatmap.vert", "heatmap.frag", kHeatmapFloats * f,
                                     VK_VERTEX_INPUT_RATE_VERTEX,
                                     {{0, kVec3}, {3 * f, kVec3}, {6 * f, kVec2}, {8 * f, kVec4}, {12 * f, kFloat}});
  plumePipeline_ = blendedPipeline(setup, "plume.vert", "plume.frag", kPuffFloats * f, VK_VERTEX_INPUT_RATE_INSTANCE,
                                   {{0, kVec3}, {3 * f, kVec3}, {6 * f, kVec3}, {9 * f, kVec3},
                                    {12 * f, kVec3}, {15 * f, kVec3}, {18 * f, kVec4}, {22 * f, kVec4}});
}

void PortPass::upload(const gpu::Context& context, uint32_t slotIndex, const scene::PortLayer& layer,
                      const scene::View& view) {
  Slot& slot = slots_.at(slotIndex);
  GroundPlacer placer{view};
  std::vector<float> heatmaps;
  for (const scene::GroundHeatmap& heatmap : layer.heatmaps) putHeatmap(heatmaps, placer, heatmap);
  std::vector<float> puffs;
  puffs.reserve(layer.puffs.size() * kPuffFloats);
  for (const scene::PlumePuff& puff : layer.puffs) {
    placer.put(puffs, puff.source);
    placer.put(puffs, puff.downwind);
    placer.put(puffs, puff.position);
    puffs.insert(puffs.end(), {float(puff.radiusMeters), puff.minRadiusPixels, puff.minOffsetPixels, 0.0f});
    putColor(puffs, puff.color);
  }
  storeVertices(context, slot.heatmaps, heatmaps);
  storeVertices(context, slot.puffs, puffs);
  slot.heatmapVertices = uint32_t(heatmaps.size() / kHeatmapFloats);
  if (!layer.heatmaps.empty()) {
    const scene::HeatmapScale& scale = layer.heatmaps.front().scale;  // one pollutant: one scale
    slot.heatmapScale = glm::vec4(float(std::log10(scale.bottom)), float(std::log10(scale.top)), 0.0f, 0.0f);
  }
  slot.puffCount = uint32_t(layer.puffs.size());
  slot.xRange = placer.xRange;
}

void PortPass::recordHeatmaps(VkCommandBuffer cmd, VkPipelineLayout layout, uint32_t slotIndex,
                              const glm::dvec3& eye) const {
  const Slot& slot = slots_.at(slotIndex);
  drawBuffer(cmd, layout, heatmapPipeline_, slot.heatmaps, eye, slot.heatmapVertices, 1, slot.heatmapScale);
}

void PortPass::recordPlumes(VkCommandBuffer cmd, VkPipelineLayout layout, uint32_t slotIndex,
                            const glm::dvec3& eye) const {
  const Slot& slot = slots_.at(slotIndex);
  drawBuffer(cmd, layout, plumePipeline_, slot.puffs, eye, 6, slot.puffCount);
}

}  // namespace corridor::render
