#include "render/TripPass.h"

#include "gpu/Context.h"
#include "gpu/Upload.h"
#include "render/FrameGlobals.h"
#include "render/InstanceData.h"

namespace corridor::render {
namespace {

constexpr float kTrailWidthPixels = 2.0f;
constexpr float kGlyphSizePixels = 7.0f;
constexpr float kTrailOpacity = 0.8f;
constexpr uint32_t kSegmentFloats = 20;

// Seconds from the set's origin as a high float and the float of what it lost.
glm::vec2 splitSeconds(core::UtcMicros time, core::UtcMicros origin) {
  const double seconds = double(time - origin) / core::kMicrosPerSecond;
  const float high = float(seconds);
  return {high, float(seconds - double(high))};
}

}  // namespace

TripPass::TripPass(const PassSetup& setup) {
  trailPipeline_ = blendedPipeline(setup, "trip_trail.vert", "trail.frag", 0, VK_VERTEX_INPUT_RATE_VERTEX, {});
  glyphPipeline_ = blendedPipeline(setup, "trip_glyph.vert", "glyph.frag", 0, VK_VERTEX_INPUT_RATE_VERTEX, {});
}

void TripPass::use(const gpu::Context& context, const std::shared_ptr<const scene::Trips>& trips,
                   const scene::View& view) {
  const bool sameProjection = view.mode == mode_ &&
                              (mode_ == scene::ViewMode::Globe || view.projection.centralMeridian == centralMeridian_);
  if (trips_ && trips->revision == trips_->revision && sameProjection) return;
  std::vector<float> data;
  data.reserve(trips->segments.size() * kSegmentFloats);
  GroundPlacer placer{view};
  for (const scene::TripSegment& segment : trips->segments) {
    placer.put(data, segment.a);
    placer.put(data, segment.b);
    const glm::vec2 start = splitSeconds(segment.startTime, trips->from), end = splitSeconds(segment.endTime, trips->from);
    data.insert(data.end(), {start.x, start.y, end.x, end.y});
    putColor(data, segment.color);
  }
  if (data.empty()) data.assign(kSegmentFloats, 0.0f);  // a buffer can't be empty
  context.waitIdle();  // frames in flight may still read the old set
  segments_ = gpu::uploadBuffer(context, std::span<const float>(data), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
  ++uploads_;
  trips_ = trips;
  mode_ = view.mode;
  centralMeridian_ = view.projection.centralMeridian;
  xRange_ = placer.xRange;
}

void TripPass::record(VkCommandBuffer cmd, VkPipelineLayout layout, const glm::dvec3& eye, core::UtcMicros time) const {
  if (!trips_) return;
  const glm::vec2 now = splitSeconds(time, trips_->from);
  const float trailSeconds = float(double(trips_->trailSpan) / core::kMicrosPerSecond);
  const scene::Trips::Range trails = trips_->trailRange(time);
  if (trails.count > 0 && trailSeconds > 0) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, trailPipeline_.handle());
    pushSurface(cmd, layout, eye, glm::vec4(1.0f, 1.0f, 1.0f, kTrailOpacity),
                glm::vec4(kTrailWidthPixels, now.x, now.y, trailSeconds));
    vkCmdDraw(cmd, uint32_t(6 * trails.count), 1, uint32_t(6 * trails.first), 0);
  }
  const scene::Trips::Range glyphs = trips_->glyphRange(time);
  if (glyphs.count > 0) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, glyphPipeline_.handle());
    pushSurface(cmd, layout, eye, glm::vec4(1.0f), glm::vec4(kGlyphSizePixels, now.x, now.y, trailSeconds));
    vkCmdDraw(cmd, uint32_t(3 * glyphs.count), 1, uint32_t(3 * glyphs.first), 0);
  }
}

}  // namespace corridor::render
