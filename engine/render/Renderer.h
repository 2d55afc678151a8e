#pragma once
#include <vulkan/vulkan.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "gpu/Buffer.h"
#include "gpu/Image.h"
#include "gpu/Target.h"
#include "render/GpuBasemap.h"
#include "render/Passes.h"
#include "render/PortPass.h"
#include "render/RasterPass.h"
#include "render/TripPass.h"
#include "render/VesselPass.h"
#include "scene/Frame.h"

namespace corridor::gpu {
class Context;
}

namespace corridor::render {

// Draws a scene::Frame into a gpu::Target. Owns the pipelines (built for one render pass and
// sample count) and the GPU copies of what frames refer to; holds per-frame-in-flight uniforms
// so a window can record frame n+1 while frame n is on the GPU.
class Renderer {
 public:
  Renderer(const gpu::Context& context, VkRenderPass renderPass, VkSampleCountFlagBits samples,
           uint32_t framesInFlight = 1);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  using Overlay = std::function<void(VkCommandBuffer)>;

  // Records the whole render pass into cmd: background, land, lines, heatmaps, ships, plumes,
  // then `overlay` (ImGui)
  // before the pass ends. `slot` < framesInFlight picks the uniform buffer; the caller makes
  // sure the GPU is done with that slot's previous frame.
  // What to draw: everything; the basemap alone (to cache it); or the ships over the cached
  // basemap (setCachedBackground), for frames whose basemap is the same as the cached one.
  enum class Parts { All, Basemap, ShipsOverCachedBasemap };
  void draw(VkCommandBuffer cmd, const scene::Frame& frame, const gpu::Target& target,
            uint32_t slot = 0, const Overlay& overlay = {}, Parts parts = Parts::All);
  // A texture of the target's size in SHADER_READ_ONLY layout, or null; it must outlive its use.
  void setCachedBackground(const gpu::Texture* texture);
  // Inside the pass (in an overlay): the cached background's pixels over `region` alone, a
  // second picture shown beside the first (the viewer's compare swipe).
  void drawCachedBackground(VkCommandBuffer cmd, uint32_t slot, const VkRect2D& region) const;
  // When the basemap's levels of detail are built (GroundLevels; by default as drawn): call it
  // before the first draw, as it applies to the GPU copies of basemaps made after it.
  void setGroundLevels(GroundLevels levels) { groundLevels_ = levels; }
  const TileStats& tileStats() const { return rasters_->stats(); }

 private:
  struct FrameSlot {
    gpu::Buffer uniforms;
    VkDescriptorSet descriptors = VK_NULL_HANDLE;
    std::uint64_t boundRevision = 0;
    const gpu::Texture* boundCache = nullptr;
    bool cacheStale = false;  // setCachedBackground since: bind again
    std::uint64_t boundAtlas = 0;  // RasterPass::atlasRevision() when binding 5 was written
    std::uint64_t boundTrips = 0;  // TripPass::uploads() when bindings 4 and 6 were written; 0: placeholder
  };

  void useBasemap(const std::shared_ptr<const scene::Basemap>& basemap);
  void bindTextures(FrameSlot& slot);
  void bindAtlas(FrameSlot& slot);
  void bindTrips(FrameSlot& slot, VkBuffer points, VkBuffer legs, std::uint64_t upload);
  void drawGround(VkCommandBuffer cmd, const scene::Frame& frame, GpuGeometry& geometry, uint32_t slot);
  void drawVectorLayer(VkCommandBuffer cmd, const scene::View& view, const scene::LayerDraw& draw,
                       GpuGeometry& geometry, const glm::dvec3& eye, double shift);
  void drawLines(VkCommandBuffer cmd, const scene::View& view, const GpuSegments& level, const scene::LineStyle& style,
                 const glm::dvec3& eye, double mapShift);

  const gpu::Context& context_;
  VkDescriptorSetLayout setLayout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
  std::vector<FrameSlot> slots_;
  gpu::Texture placeholder_;
  gpu::Buffer placeholderTrips_;  // bindings 4 and 6 before any trips
  std::optional<BackgroundPass> background_;
  std::optional<BackgroundPass> cachedBackgroundPass_;
  const gpu::Texture* cachedBackground_ = nullptr;
  std::optional<FillPass> fill_;
  std::optional<LinePass> lines_;
  std::optional<MarkerPass> markers_;
  std::optional<RasterPass> rasters_;
  std::optional<VesselPass> vessels_;
  std::optional<PortPass> ports_;
  std::optional<TripPass> trips_;
  std::shared_ptr<const scene::Basemap> basemap_;
  std::unique_ptr<GpuBasemap> gpuBasemap_;
  GroundLevels groundLevels_ = GroundLevels::WhenDrawn;
};

}  // namespace corridor::render
