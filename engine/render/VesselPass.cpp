#include "render/VesselPass.h"

#include "render/InstanceData.h"

namespace corridor::render {
namespace {

constexpr float kTrailWidthPixels = 2.0f;
constexpr float kGlyphSizePixels = 7.0f;
constexpr float kTrailOpacity = 0.8f;
constexpr uint32_t kTrailFloats = 18, kGlyphFloats = 16;

}  // namespace

VesselPass::VesselPass(const PassSetup& setup, uint32_t framesInFlight) : slots_(framesInFlight) {
  constexpr VkFormat kVec2 = VK_FORMAT_R32G32_SFLOAT, kVec3 = VK_FORMAT_R32G32B32_SFLOAT,
                     kVec4 = VK_FORMAT_R32G32B32A32_SFLOAT;
  constexpr uint32_t f = sizeof(float);
  trailPipeline_ = blendedPipeline(setup, "trail.vert", "trail.frag", kTrailFloats * f, VK_VERTEX_INPUT_RATE_INSTANCE,
                                     {{0, kVec3}, {3 * f, kVec3}, {6 * f, kVec3}, {9 * f, kVec3},
                                      {12 * f, kVec2}, {14 * f, kVec4}});
  glyphPipeline_ = blendedPipeline(setup, "glyph.vert", "glyph.frag", kGlyphFloats * f, VK_VERTEX_INPUT_RATE_INSTANCE,
                                     {{0, kVec3}, {3 * f, kVec3}, {6 * f, kVec3}, {9 * f, kVec3},
                                      {12 * f, kVec4}});
}

void VesselPass::upload(const gpu::Context& context, uint32_t slotIndex,
                        const scene::VesselLayer& layer, const scene::View& view) {
  Slot& slot = slots_.at(slotIndex);
  GroundPlacer placer{view};
  std::vector<float> trails;
  trails.reserve(layer.trails.size() * kTrailFloats);
  for (const scene::TrailSegment& segment : layer.trails) {
    placer.put(trails, segment.a);
    placer.put(trails, segment.b);
    trails.insert(trails.end(), {segment.ageA, segment.ageB});
    putColor(trails, segment.color);
  }
  std::vector<float> glyphs;
  glyphs.reserve(layer.glyphs.size() * kGlyphFloats);
  for (const scene::VesselGlyph& glyph : layer.glyphs) {
    placer.put(glyphs, glyph.position);
    placer.put(glyphs, glyph.ahead);
    putColor(glyphs, glyph.color);
  }
  storeVertices(context, slot.trails, trails);
  storeVertices(context, slot.glyphs, glyphs);
  slot.trailCount = uint32_t(layer.trails.size());
  slot.glyphCount = uint32_t(layer.glyphs.size());
  slot.xRange = placer.xRange;
}

void VesselPass::record(VkCommandBuffer cmd, VkPipelineLayout layout, uint32_t slotIndex,
                        const glm::dvec3& eye) const {
  const Slot& slot = slots_.at(slotIndex);
  const VkDeviceSize offset = 0;
  if (slot.trailCount > 0) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, trailPipeline_.handle());
    const VkBuffer buffer = slot.trails.handle();
    vkCmdBindVertexBuffers(cmd, 0, 1, &buffer, &offset);
    pushSurface(cmd, layout, eye, glm::vec4(1.0f, 1.0f, 1.0f, kTrailOpacity), kTrailWidthPixels);
    vkCmdDraw(cmd, 6, slot.trailCount, 0, 0);
  }
  if (slot.glyphCount > 0) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, glyphPipeline_.handle());
    const VkBuffer buffer = slot.glyphs.handle();
    vkCmdBindVertexBuffers(cmd, 0, 1, &buffer, &offset);
    pushSurface(cmd, layout, eye, glm::vec4(1.0f), kGlyphSizePixels);
    vkCmdDraw(cmd, 3, slot.glyphCount, 0, 0);
  }
}

}  // namespace corridor::render
