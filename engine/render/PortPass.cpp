#include "render/PortPass.h"

#include "render/InstanceData.h"

namespace corridor::render {
namespace {

constexpr uint32_t kHeatmapFloats = 10, kPuffFloats = 26;

// Two triangles per cell that is not transparent at all four corners.
void putHeatmap(std::vector<float>& out, GroundPlacer& placer, const scene::GroundHeatmap& heatmap) {
  const int stride = heatmap.columns + 1;
  auto corner = [&](int column, int row) {
    const geo::LonLat p{heatmap.southWest.lon + column * heatmap.cellLonDegrees,
                        heatmap.southWest.lat + row * heatmap.cellLatDegrees};
    placer.put(out, p);
    putColor(out, heatmap.cornerColors[std::size_t(row) * std::size_t(stride) + std::size_t(column)]);
  };
  for (int row = 0; row < heatmap.rows; ++row) {
    for (int column = 0; column < heatmap.columns; ++column) {
      const std::size_t sw = std::size_t(row) * std::size_t(stride) + std::size_t(column);
      if (heatmap.cornerColors[sw].a <= 0 && heatmap.cornerColors[sw + 1].a <= 0 &&
          heatmap.cornerColors[sw + std::size_t(stride)].a <= 0 &&
          heatmap.cornerColors[sw + std::size_t(stride) + 1].a <= 0) {
        continue;
      }
      corner(column, row);
      corner(column + 1, row);
      corner(column + 1, row + 1);
      corner(column, row);
      corner(column + 1, row + 1);
      corner(column, row + 1);
    }
  }
}

// Binds the pipeline and the vertex buffer and draws, unless there is nothing to draw.
void drawBuffer(VkCommandBuffer cmd, VkPipelineLayout layout, const gpu::Pipeline& pipeline, const gpu::Buffer& data,
                const glm::dvec3& eye, uint32_t vertices, uint32_t instances) {
  if (vertices == 0 || instances == 0) return;
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
  const VkBuffer buffer = data.handle();
  const VkDeviceSize offset = 0;
  vkCmdBindVertexBuffers(cmd, 0, 1, &buffer, &offset);
  pushSurface(cmd, layout, eye, glm::vec4(1.0f), 0.0f);
  vkCmdDraw(cmd, vertices, instances, 0, 0);
}

}  // namespace

PortPass::PortPass(const PassSetup& setup, uint32_t framesInFlight) : slots_(framesInFlight) {
  constexpr VkFormat kVec3 = VK_FORMAT_R32G32B32_SFLOAT, kVec4 = VK_FORMAT_R32G32B32A32_SFLOAT;
  constexpr uint32_t f = sizeof(float);
  heatmapPipeline_ = blendedPipeline(setup, "heatmap.vert", "heatmap.frag", kHeatmapFloats * f,
                                     VK_VERTEX_INPUT_RATE_VERTEX, {{0, kVec3}, {3 * f, kVec3}, {6 * f, kVec4}});
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
  slot.puffCount = uint32_t(layer.puffs.size());
  slot.xRange = placer.xRange;
}

void PortPass::recordHeatmaps(VkCommandBuffer cmd, VkPipelineLayout layout, uint32_t slotIndex,
                              const glm::dvec3& eye) const {
  const Slot& slot = slots_.at(slotIndex);
  drawBuffer(cmd, layout, heatmapPipeline_, slot.heatmaps, eye, slot.heatmapVertices, 1);
}

void PortPass::recordPlumes(VkCommandBuffer cmd, VkPipelineLayout layout, uint32_t slotIndex,
                            const glm::dvec3& eye) const {
  const Slot& slot = slots_.at(slotIndex);
  drawBuffer(cmd, layout, plumePipeline_, slot.puffs, eye, 6, slot.puffCount);
}

}  // namespace corridor::render
