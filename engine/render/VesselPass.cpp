#include "render/VesselPass.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "corridor/EmbeddedShaders.h"
#include "geo/Ellipsoid.h"
#include "gpu/Context.h"
#include "render/FrameGlobals.h"

namespace corridor::render {
namespace {

constexpr float kTrailWidthPixels = 2.0f;
constexpr float kGlyphSizePixels = 7.0f;
constexpr float kTrailOpacity = 0.8f;
constexpr uint32_t kTrailFloats = 18, kGlyphFloats = 16;

// Ground positions for the view, as double-float pairs, tracking the map x range.
struct Placer {
  const scene::View& view;
  glm::dvec2 xRange{std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()};

  void put(std::vector<float>& out, const geo::LonLat& p) {
    glm::dvec3 position;
    if (view.mode == scene::ViewMode::Globe) {
      position = geo::toEcef(p);
    } else {
      position = glm::dvec3(view.projection.projectUnwrapped(p), 0.0);
      xRange = {std::min(xRange.x, position.x), std::max(xRange.y, position.x)};
    }
    const SplitVec3 split = splitDouble(position);
    out.insert(out.end(), {split.high.x, split.high.y, split.high.z, split.low.x, split.low.y, split.low.z});
  }
};

void putColor(std::vector<float>& out, const glm::vec4& color) {
  out.insert(out.end(), {color.r, color.g, color.b, color.a});
}

// Copies into the slot's buffer, replacing it with a larger one when needed.
void store(const gpu::Context& context, gpu::Buffer& buffer, const std::vector<float>& data) {
  const VkDeviceSize bytes = std::max<VkDeviceSize>(16, data.size() * sizeof(float));
  if (!buffer || buffer.size() < bytes) {
    buffer = gpu::Buffer(context, bytes * 3 / 2, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                         VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  }
  if (!data.empty()) std::memcpy(buffer.mapped(), data.data(), data.size() * sizeof(float));
}

gpu::Pipeline instancedPipeline(const PassSetup& setup, const char* vertex, const char* fragment,
                                uint32_t stride, const std::vector<std::pair<uint32_t, VkFormat>>& attributes) {
  gpu::PipelineBuilder builder(setup.device, setup.layout, setup.renderPass);
  builder.shaders(shaders::spirv(vertex), shaders::spirv(fragment))
      .samples(setup.samples)
      .alphaBlending(true)
      .vertexBinding(0, stride, VK_VERTEX_INPUT_RATE_INSTANCE);
  for (uint32_t location = 0; location < attributes.size(); ++location) {
    builder.vertexAttribute(location, 0, attributes[location].second, attributes[location].first);
  }
  return builder.build();
}

}  // namespace

VesselPass::VesselPass(const PassSetup& setup, uint32_t framesInFlight) : slots_(framesInFlight) {
  constexpr VkFormat kVec2 = VK_FORMAT_R32G32_SFLOAT, kVec3 = VK_FORMAT_R32G32B32_SFLOAT,
                     kVec4 = VK_FORMAT_R32G32B32A32_SFLOAT;
  constexpr uint32_t f = sizeof(float);
  trailPipeline_ = instancedPipeline(setup, "trail.vert", "trail.frag", kTrailFloats * f,
                                     {{0, kVec3}, {3 * f, kVec3}, {6 * f, kVec3}, {9 * f, kVec3},
                                      {12 * f, kVec2}, {14 * f, kVec4}});
  glyphPipeline_ = instancedPipeline(setup, "glyph.vert", "glyph.frag", kGlyphFloats * f,
                                     {{0, kVec3}, {3 * f, kVec3}, {6 * f, kVec3}, {9 * f, kVec3},
                                      {12 * f, kVec4}});
}

void VesselPass::upload(const gpu::Context& context, uint32_t slotIndex,
                        const scene::VesselLayer& layer, const scene::View& view) {
  Slot& slot = slots_.at(slotIndex);
  Placer placer{view};
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
  store(context, slot.trails, trails);
  store(context, slot.glyphs, glyphs);
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
