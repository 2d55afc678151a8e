#include "render/InstanceData.h"

#include <algorithm>
#include <cstring>

#include "corridor/EmbeddedShaders.h"
#include "geo/Ellipsoid.h"
#include "gpu/Context.h"
#include "render/FrameGlobals.h"

namespace corridor::render {

void GroundPlacer::put(std::vector<float>& out, const geo::LonLatAlt& p) {
  glm::dvec3 position;
  if (view.mode == scene::ViewMode::Globe) {
    position = geo::toEcef(p);
  } else {
    position = glm::dvec3(view.projection.projectUnwrapped({p.lon, p.lat}), 0.0);
    xRange = {std::min(xRange.x, position.x), std::max(xRange.y, position.x)};
  }
  const SplitVec3 split = splitDouble(position);
  out.insert(out.end(), {split.high.x, split.high.y, split.high.z, split.low.x, split.low.y, split.low.z});
}

void putColor(std::vector<float>& out, const glm::vec4& color) {
  out.insert(out.end(), {color.r, color.g, color.b, color.a});
}

void storeVertices(const gpu::Context& context, gpu::Buffer& buffer, const std::vector<float>& data) {
  const VkDeviceSize bytes = std::max<VkDeviceSize>(16, data.size() * sizeof(float));
  if (!buffer || buffer.size() < bytes) {
    buffer = gpu::Buffer(context, bytes * 3 / 2, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                         VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  }
  if (!data.empty()) std::memcpy(buffer.mapped(), data.data(), data.size() * sizeof(float));
}

glm::dvec2 unionRange(glm::dvec2 a, glm::dvec2 b) {
  return {std::min(a.x, b.x), std::max(a.y, b.y)};
}

gpu::Pipeline blendedPipeline(const PassSetup& setup, const char* vertex, const char* fragment,
                              uint32_t stride, VkVertexInputRate rate,
                              const std::vector<std::pair<uint32_t, VkFormat>>& attributes) {
  gpu::PipelineBuilder builder(setup.device, setup.layout, setup.renderPass);
  builder.shaders(shaders::spirv(vertex), shaders::spirv(fragment))
      .samples(setup.samples)
      .alphaBlending(true);
  if (!attributes.empty()) builder.vertexBinding(0, stride, rate);
  for (uint32_t location = 0; location < attributes.size(); ++location) {
    builder.vertexAttribute(location, 0, attributes[location].second, attributes[location].first);
  }
  return builder.build();
}

}  // namespace corridor::render
