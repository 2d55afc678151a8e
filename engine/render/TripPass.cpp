#include "render/TripPass.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <iterator>
#include <limits>
#include <span>

#include "geo/Ellipsoid.h"

#include "gpu/Context.h"
#include "gpu/Upload.h"
#include "render/FrameGlobals.h"
#include "render/InstanceData.h"

namespace corridor::render {
namespace {

constexpr float kTrailWidthPixels = 2.0f;
constexpr float kGlyphSizePixels = 7.0f;
constexpr float kTrailOpacity = 0.8f;

// On the GPU a point is 20 bytes (shaders/trips.glsl): its position in whole units of a fixed
// size (within 2^30 of 0: ECEF metres at 1/128 m, unwrapped map metres, up to three worlds
// wide, at 1/8 m), the time in ticks of 1/16 s from the set's first point (a set may span about
// four years, beyond which times clamp; sets are windows of weeks) and its colour. The eye is
// subtracted in integers, so positions near it keep their precision.
constexpr uint32_t kPointWords = 5;
constexpr double kUnitLimit = double((1 << 30) - 1);

double metresPerUnit(scene::ViewMode mode) { return mode == scene::ViewMode::Globe ? 1.0 / 128 : 1.0 / 8; }

std::int32_t toUnits(double metres, double perUnit) {
  return std::int32_t(std::llround(std::clamp(metres / perUnit, -kUnitLimit, kUnitLimit)));
}

// Whole ticks (scene::kTripTick) since the origin, and the fraction of the next. Points' times
// are whole ticks, so for them the fraction is 0.
struct Ticks {
  std::int32_t whole;
  float fraction;
};
Ticks ticksSince(core::UtcMicros time, core::UtcMicros origin) {
  const double ticks = std::clamp(double(time - origin) / double(scene::kTripTick), -2147483648.0, 2147483647.0);
  const double whole = std::floor(ticks);
  return {std::int32_t(whole), float(ticks - whole)};
}

std::uint32_t bits(std::int32_t value) { return std::bit_cast<std::uint32_t>(value); }

// The push constants of the trip shaders: SurfacePush's size and the same colour and size slots.
struct TripPush {
  glm::ivec4 eyeUnits;  // w: now, whole ticks
  glm::vec4 eyeRest;    // xyz: eye minus eyeUnits, metres; w: metres per unit
  glm::vec4 color;
  glm::vec4 params;  // x: size in points, y: now, fraction of a tick, z: unused, w: trail in seconds
};
static_assert(sizeof(TripPush) == sizeof(SurfacePush));

}  // namespace

TripPass::TripPass(const PassSetup& setup) {
  trailPipeline_ = blendedPipeline(setup, "trip_trail.vert", "trail.frag", 0, VK_VERTEX_INPUT_RATE_VERTEX, {});
  glyphPipeline_ = blendedPipeline(setup, "trip_glyph.vert", "glyph.frag", 0, VK_VERTEX_INPUT_RATE_VERTEX, {});
}

void TripPass::use(const gpu::Context& context, const scene::Trips& trips, const scene::View& view) {
  const bool sameProjection = view.mode == mode_ &&
                              (mode_ == scene::ViewMode::Globe || view.projection.centralMeridian == centralMeridian_);
  if (trips.revision == revision_ && sameProjection) return;
  const double perUnit = metresPerUnit(view.mode);
  origin_ = trips.points.empty() ? trips.from : trips.points.front().time;
  for (const scene::TripPoint& point : trips.points) origin_ = std::min(origin_, point.time);
  glm::dvec2 xRange{std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()};
  // Written straight into the staging memory, the old set's buffers gone first: a day of AIS
  // is millions of points, and each copy of them held at once is 20 bytes a point.
  const auto writePoints = [&](std::span<std::byte> bytes) {
    std::uint32_t* word = reinterpret_cast<std::uint32_t*>(bytes.data());
    for (const scene::TripPoint& point : trips.points) {
      glm::dvec3 position;
      if (view.mode == scene::ViewMode::Globe) {
        position = geo::toEcef({point.at.lon, point.at.lat, 0.0});
      } else {
        position = glm::dvec3(view.projection.projectUnwrapped(point.at), 0.0);
        xRange = {std::min(xRange.x, position.x), std::max(xRange.y, position.x)};
      }
      const std::uint32_t values[kPointWords] = {bits(toUnits(position.x, perUnit)), bits(toUnits(position.y, perUnit)),
                                                 bits(toUnits(position.z, perUnit)),
                                                 bits(ticksSince(point.time, origin_).whole), point.color};
      word = std::copy(std::begin(values), std::end(values), word);
    }
    if (trips.points.empty()) std::fill(bytes.begin(), bytes.end(), std::byte{0});
  };
  const std::size_t pointBytes = std::max<std::size_t>(1, trips.points.size()) * kPointWords * sizeof(std::uint32_t);
  const std::uint32_t noLegs[] = {0};  // a buffer can't be empty
  const std::span<const std::uint32_t> legs = trips.legs.empty() ? std::span(noLegs) : std::span(trips.legs);
  context.waitIdle();  // frames in flight may still read the old set
  points_ = {};
  legs_ = {};
  revision_ = 0;  // none resident, should the upload fail
  points_ = gpu::uploadBuffer(context, pointBytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, writePoints);
  legs_ = gpu::uploadBuffer(context, legs, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
  ++uploads_;
  revision_ = trips.revision;
  mode_ = view.mode;
  centralMeridian_ = view.projection.centralMeridian;
  xRange_ = xRange;
}

void TripPass::record(VkCommandBuffer cmd, VkPipelineLayout layout, const scene::Trips& trips, const glm::dvec3& eye,
                      core::UtcMicros time) const {
  if (trips.revision != revision_) return;
  const double perUnit = metresPerUnit(mode_);
  const glm::ivec3 eyeUnits(toUnits(eye.x, perUnit), toUnits(eye.y, perUnit), toUnits(eye.z, perUnit));
  const glm::vec3 eyeRest(eye - glm::dvec3(eyeUnits) * perUnit);
  const Ticks now = ticksSince(time, origin_);
  const float trailSeconds = float(double(trips.trailSpan) / core::kMicrosPerSecond);
  auto push = [&](const glm::vec4& color, float sizePoints) {
    const TripPush values{glm::ivec4(eyeUnits, now.whole), glm::vec4(eyeRest, float(perUnit)), color,
                          glm::vec4(sizePoints, now.fraction, 0.0f, trailSeconds)};
    vkCmdPushConstants(cmd, layout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof values,
                       &values);
  };
  const scene::Trips::Range trails = trips.trailRange(time);
  if (trails.count > 0 && trailSeconds > 0) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, trailPipeline_.handle());
    push(glm::vec4(1.0f, 1.0f, 1.0f, kTrailOpacity), kTrailWidthPixels);
    vkCmdDraw(cmd, uint32_t(6 * trails.count), 1, uint32_t(6 * trails.first), 0);
  }
  const scene::Trips::Range glyphs = trips.glyphRange(time);
  if (glyphs.count > 0) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, glyphPipeline_.handle());
    push(glm::vec4(1.0f), kGlyphSizePixels);
    vkCmdDraw(cmd, uint32_t(3 * glyphs.count), 1, uint32_t(3 * glyphs.first), 0);
  }
}

}  // namespace corridor::render
