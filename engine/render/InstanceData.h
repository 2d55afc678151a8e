#pragma once
#include <glm/glm.hpp>
#include <limits>
#include <utility>
#include <vector>

#include "geo/Types.h"
#include "gpu/Buffer.h"
#include "gpu/PipelineBuilder.h"
#include "render/Passes.h"
#include "scene/View.h"

namespace corridor::gpu {
class Context;
}

namespace corridor::render {

// Writes positions for the view as double-float pairs (ECEF on the globe, unwrapped map metres
// on the flat map, where heights are dropped), tracking the map x range for the world copies.
struct GroundPlacer {
  const scene::View& view;
  glm::dvec2 xRange{std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()};

  void put(std::vector<float>& out, const geo::LonLatAlt& p);
  void put(std::vector<float>& out, const geo::LonLat& p) { put(out, geo::LonLatAlt{p.lon, p.lat, 0.0}); }
};

void putColor(std::vector<float>& out, const glm::vec4& color);

// Copies into a host-visible vertex buffer, replacing it with a larger one when needed.
void storeVertices(const gpu::Context& context, gpu::Buffer& buffer, const std::vector<float>& data);

// The widest of two map x ranges.
glm::dvec2 unionRange(glm::dvec2 a, glm::dvec2 b);

// A blended pipeline fed by one vertex buffer of floats; attribute i is at location i, given
// as (byte offset, format). No attributes: the shaders read their data themselves.
gpu::Pipeline blendedPipeline(const PassSetup& setup, const char* vertex, const char* fragment,
                              uint32_t stride, VkVertexInputRate rate,
                              const std::vector<std::pair<uint32_t, VkFormat>>& attributes);

}  // namespace corridor::render
