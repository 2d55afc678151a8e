#include "render/Renderer.h"

#include <cmath>
#include <cstring>

#include "gpu/Check.h"
#include "gpu/Context.h"
#include "gpu/Upload.h"
#include "render/FrameGlobals.h"

namespace corridor::render {
namespace {

// The raster tiles' GPU memory, whatever the rasters' size: 480 tiles, a few full screens at 4K.
constexpr std::size_t kRasterTileBudgetBytes = 128u << 20;

constexpr VkShaderStageFlags kAllStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;

VkDescriptorSetLayout createSetLayout(VkDevice device) {
  const VkDescriptorSetLayoutBinding bindings[] = {
      {0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1, kAllStages, nullptr},
      {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
      {2, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
      {3, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
      {4, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT, nullptr},  // trip points
      {5, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},  // raster tiles
      {6, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT, nullptr},  // trip legs
  };
  VkDescriptorSetLayoutCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  info.bindingCount = 7;
  info.pBindings = bindings;
  VkDescriptorSetLayout layout;
  CORRIDOR_VK(vkCreateDescriptorSetLayout(device, &info, nullptr, &layout));
  return layout;
}

// The chunks the view can see, adjacent ones merged into one draw.
std::vector<DrawRange> visibleRanges(const scene::View& view, const std::vector<scene::Chunk>& chunks,
                                     double mapShift) {
  std::vector<DrawRange> ranges;
  for (const scene::Chunk& chunk : chunks) {
    if (chunk.count == 0 || !scene::chunkVisible(view, chunk.bounds, mapShift)) continue;
    if (!ranges.empty() && ranges.back().first + ranges.back().count == chunk.first) {
      ranges.back().count += chunk.count;
    } else {
      ranges.push_back({chunk.first, chunk.count});
    }
  }
  return ranges;
}

void writeBufferDescriptor(VkDevice device, VkDescriptorSet set, uint32_t binding, VkDescriptorType type,
                           const VkDescriptorBufferInfo& buffer) {
  VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
  write.dstSet = set;
  write.dstBinding = binding;
  write.descriptorCount = 1;
  write.descriptorType = type;
  write.pBufferInfo = &buffer;
  vkUpdateDescriptorSets(device, 1, &write, 0, nullptr);
}

gpu::Texture placeholderTexture(const gpu::Context& context) {
  core::Image black(1, 1);
  return gpu::uploadTexture(context, black);
}

}  // namespace

Renderer::Renderer(const gpu::Context& context, VkRenderPass renderPass,
                   VkSampleCountFlagBits samples, uint32_t framesInFlight)
    : context_(context),
      placeholder_(placeholderTexture(context)),
      placeholderTrips_(context, 80, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT) {
  const VkDevice device = context.device();
  setLayout_ = createSetLayout(device);
  const VkPushConstantRange push{kAllStages, 0, sizeof(SurfacePush)};
  VkPipelineLayoutCreateInfo layoutInfo{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  layoutInfo.setLayoutCount = 1;
  layoutInfo.pSetLayouts = &setLayout_;
  layoutInfo.pushConstantRangeCount = 1;
  layoutInfo.pPushConstantRanges = &push;
  CORRIDOR_VK(vkCreatePipelineLayout(device, &layoutInfo, nullptr, &layout_));

  const VkDescriptorPoolSize sizes[] = {
      {VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, framesInFlight},
      {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 4 * framesInFlight},
      {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 2 * framesInFlight}};
  VkDescriptorPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  poolInfo.maxSets = framesInFlight;
  poolInfo.poolSizeCount = 3;
  poolInfo.pPoolSizes = sizes;
  CORRIDOR_VK(vkCreateDescriptorPool(device, &poolInfo, nullptr, &pool_));

  const PassSetup setup{device, layout_, renderPass, samples};
  rasters_.emplace(setup, context, framesInFlight, kRasterTileBudgetBytes);
  slots_.resize(framesInFlight);
  for (FrameSlot& slot : slots_) {
    slot.uniforms = gpu::Buffer(context, sizeof(FrameGlobals), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT,
                                VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                    VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
    VkDescriptorSetAllocateInfo allocate{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    allocate.descriptorPool = pool_;
    allocate.descriptorSetCount = 1;
    allocate.pSetLayouts = &setLayout_;
    CORRIDOR_VK(vkAllocateDescriptorSets(device, &allocate, &slot.descriptors));
    writeBufferDescriptor(device, slot.descriptors, 0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER,
                          {slot.uniforms.handle(), 0, sizeof(FrameGlobals)});
    bindTextures(slot);
    bindTrips(slot, placeholderTrips_.handle(), placeholderTrips_.handle(), 0);
    bindAtlas(slot);
  }
  background_.emplace(setup);
  cachedBackgroundPass_.emplace(setup, "cached_background.frag");
  fill_.emplace(setup);
  lines_.emplace(setup);
  markers_.emplace(setup);
  vessels_.emplace(setup, framesInFlight);
  ports_.emplace(setup, framesInFlight);
  trips_.emplace(setup);
}

Renderer::~Renderer() {
  const VkDevice device = context_.device();
  vkDeviceWaitIdle(device);
  vkDestroyDescriptorPool(device, pool_, nullptr);
  vkDestroyPipelineLayout(device, layout_, nullptr);
  vkDestroyDescriptorSetLayout(device, setLayout_, nullptr);
}

void Renderer::useBasemap(const std::shared_ptr<const scene::Basemap>& basemap) {
  if (!basemap || (gpuBasemap_ && gpuBasemap_->revision() == basemap->revision)) return;
  context_.waitIdle();  // descriptor sets may still point at the old textures
  // Built before the old basemap can go: if this throws, the old GPU copy still has its basemap.
  auto fresh = std::make_unique<GpuBasemap>(context_, *basemap, groundLevels_);
  basemap_ = basemap;
  gpuBasemap_ = std::move(fresh);
}

void Renderer::bindTextures(FrameSlot& slot) {
  const gpu::Texture* day = gpuBasemap_ ? gpuBasemap_->dayTexture() : nullptr;
  const gpu::Texture* night = gpuBasemap_ ? gpuBasemap_->nightTexture() : nullptr;
  const gpu::Texture* cached = cachedBackground_;
  if (!day) day = &placeholder_;
  if (!night) night = &placeholder_;
  if (!cached) cached = &placeholder_;
  const VkDescriptorImageInfo images[] = {
      {day->sampler(), day->view(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
      {night->sampler(), night->view(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL},
      {cached->sampler(), cached->view(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL}};
  VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
  write.dstSet = slot.descriptors;
  write.dstBinding = 1;
  write.descriptorCount = 3;
  write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
  write.pImageInfo = images;
  vkUpdateDescriptorSets(context_.device(), 1, &write, 0, nullptr);
  slot.boundRevision = gpuBasemap_ ? gpuBasemap_->revision() : 0;
  slot.boundCache = cachedBackground_;
  slot.cacheStale = false;
}

void Renderer::bindAtlas(FrameSlot& slot) {
  const gpu::Texture& atlas = rasters_->atlas();
  const VkDescriptorImageInfo tiles{atlas.sampler(), atlas.view(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
  write.dstSet = slot.descriptors;
  write.dstBinding = 5;
  write.descriptorCount = 1;
  write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
  write.pImageInfo = &tiles;
  vkUpdateDescriptorSets(context_.device(), 1, &write, 0, nullptr);
  slot.boundAtlas = rasters_->atlasRevision();
}

void Renderer::bindTrips(FrameSlot& slot, VkBuffer points, VkBuffer legs, std::uint64_t upload) {
  writeBufferDescriptor(context_.device(), slot.descriptors, 4, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
                        {points, 0, VK_WHOLE_SIZE});
  writeBufferDescriptor(context_.device(), slot.descriptors, 6, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
                        {legs, 0, VK_WHOLE_SIZE});
  slot.boundTrips = upload;
}

void Renderer::setCachedBackground(const gpu::Texture* texture) {
  cachedBackground_ = texture;
  // The same address may hold a new texture (a resized one): bind it again in every slot.
  for (FrameSlot& slot : slots_) slot.cacheStale = true;
}

void Renderer::drawCachedBackground(VkCommandBuffer cmd, uint32_t slot, const VkRect2D& region) const {
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, 1, &slots_.at(slot).descriptors, 0, nullptr);
  vkCmdSetScissor(cmd, 0, 1, &region);
  cachedBackgroundPass_->record(cmd);
}

void Renderer::drawLines(VkCommandBuffer cmd, const scene::View& view, const GpuSegments& level,
                         const scene::LineStyle& style, const glm::dvec3& eye, double mapShift) {
  lines_->record(cmd, layout_, level.instances.handle(), eye, visibleRanges(view, level.chunks, mapShift), style.color,
                 style.widthPixels);
}

void Renderer::drawGround(VkCommandBuffer cmd, const scene::Frame& frame, GpuGeometry& geometry, uint32_t slot) {
  const scene::BasemapStyle& style = frame.style;
  const scene::View& view = frame.view;
  for (const double shift : scene::worldCopyShifts(view, geometry.mapRange())) {
    const glm::dvec3 eye = view.eye - glm::dvec3(shift, 0.0, 0.0);
    if (style.kind == scene::BasemapKind::Vector && !basemap_->land.empty()) {
      const GpuLand& land = geometry.land(scene::levelFor(basemap_->land, view));
      fill_->record(cmd, layout_, land, eye, visibleRanges(view, land.chunks, shift), glm::vec4(style.land, 1.0f));
    }
    if (style.graticule) {
      const scene::SurfaceLines& graticule = basemap_->graticule;
      drawLines(cmd, view, geometry.graticule(scene::levelFor(graticule, view)), graticule.style, eye, shift);
    }
    if (style.outlines) {
      const scene::SurfaceLines& outlines = basemap_->outlines;
      drawLines(cmd, view, geometry.outlines(scene::levelFor(outlines, view)), outlines.style, eye, shift);
    }
    for (std::size_t i = 0; i < frame.layers.size(); ++i) {
      if (frame.layers[i].raster) {
        rasters_->record(cmd, layout_, slot, i);
      } else {
        drawVectorLayer(cmd, view, frame.layers[i], geometry, eye, shift);
      }
    }
  }
}

void Renderer::drawVectorLayer(VkCommandBuffer cmd, const scene::View& view, const scene::LayerDraw& draw,
                               GpuGeometry& geometry, const glm::dvec3& eye, double shift) {
  const scene::VectorLayer& layer = basemap_->layers.at(draw.vector);
  const glm::vec4 fade(1.0f, 1.0f, 1.0f, draw.opacity);
  if (!layer.fill.empty()) {
    const GpuLand& fill = geometry.layerFill(draw.vector, scene::levelFor(layer.fill, view));
    fill_->record(cmd, layout_, fill, eye, visibleRanges(view, fill.chunks, shift), layer.fillColor * fade);
  }
  if (!layer.lines.levels.empty()) {
    const GpuSegments& level = geometry.layerLines(draw.vector, scene::levelFor(layer.lines, view));
    drawLines(cmd, view, level, {layer.lines.style.color * fade, layer.lines.style.widthPixels}, eye, shift);
  }
  if (!layer.points.empty()) {
    markers_->record(cmd, layout_, geometry.layerPoints(draw.vector).handle(), uint32_t(layer.points.size()), eye,
                     glm::vec4(glm::vec3(layer.lines.style.color), draw.opacity), layer.pointRadiusPixels);
  }
}

void Renderer::draw(VkCommandBuffer cmd, const scene::Frame& frame, const gpu::Target& target,
                    uint32_t slotIndex, const Overlay& overlay, Parts parts) {
  useBasemap(frame.basemap);
  FrameSlot& slot = slots_.at(slotIndex);
  if (slot.boundRevision != (gpuBasemap_ ? gpuBasemap_->revision() : 0) || slot.boundCache != cachedBackground_ ||
      slot.cacheStale) {
    bindTextures(slot);
  }
  const FrameGlobals globals = makeFrameGlobals(frame);
  std::memcpy(slot.uniforms.mapped(), &globals, sizeof globals);

  GpuGeometry* geometry = gpuBasemap_ ? &gpuBasemap_->geometry(frame.view.mode) : nullptr;
  const bool ships = frame.vessels && parts != Parts::Basemap;
  const bool ports = frame.ports && parts != Parts::Basemap;
  if (ships) vessels_->upload(context_, slotIndex, *frame.vessels, frame.view);
  if (ports) ports_->upload(context_, slotIndex, *frame.ports, frame.view);
  const bool trips = frame.trips && parts != Parts::Basemap;
  if (trips) {
    trips_->use(context_, *frame.trips, frame.view);
    if (slot.boundTrips != trips_->uploads()) bindTrips(slot, trips_->points(), trips_->legs(), trips_->uploads());
  }
  if (parts != Parts::ShipsOverCachedBasemap) rasters_->prepare(context_, slotIndex, frame, frame.waitForTiles);
  if (slot.boundAtlas != rasters_->atlasRevision()) bindAtlas(slot);
  const glm::vec3& space = frame.style.space;
  const float clear[4] = {space.r, space.g, space.b, 1.0f};
  gpu::beginRenderPass(cmd, target, clear);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, 1, &slot.descriptors,
                          0, nullptr);
  if (parts == Parts::ShipsOverCachedBasemap) {
    cachedBackgroundPass_->record(cmd);
  } else {
    background_->record(cmd);
    if (geometry) drawGround(cmd, frame, *geometry, slotIndex);
  }
  auto eyesFor = [&](glm::dvec2 xRange) {
    std::vector<glm::dvec3> eyes;
    for (const double shift : scene::worldCopyShifts(frame.view, xRange)) eyes.push_back(frame.view.eye - glm::dvec3(shift, 0.0, 0.0));
    return eyes;
  };
  if (ports) {
    for (const glm::dvec3& eye : eyesFor(ports_->mapRange(slotIndex))) ports_->recordHeatmaps(cmd, layout_, slotIndex, eye);
  }
  if (ships) {
    for (const glm::dvec3& eye : eyesFor(vessels_->mapRange(slotIndex))) vessels_->record(cmd, layout_, slotIndex, eye);
  }
  if (trips) {
    for (const glm::dvec3& eye : eyesFor(trips_->mapRange())) {
      trips_->record(cmd, layout_, *frame.trips, eye, frame.time);
    }
  }
  if (ports) {
    for (const glm::dvec3& eye : eyesFor(ports_->mapRange(slotIndex))) ports_->recordPlumes(cmd, layout_, slotIndex, eye);
  }
  if (overlay) overlay(cmd);
  vkCmdEndRenderPass(cmd);
}

}  // namespace corridor::render
