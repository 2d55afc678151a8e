#pragma once
#include <vulkan/vulkan.h>

#include <cstdint>
#include <span>
#include <vector>

namespace corridor::gpu {

// An owned VkPipeline.
class Pipeline {
 public:
  Pipeline() = default;
  Pipeline(VkDevice device, VkPipeline pipeline) : device_(device), pipeline_(pipeline) {}
  ~Pipeline();
  Pipeline(Pipeline&& other) noexcept;
  Pipeline& operator=(Pipeline&& other) noexcept;
  VkPipeline handle() const { return pipeline_; }

 private:
  VkDevice device_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
};

// Graphics pipelines in builder style: triangles, no culling, dynamic viewport and scissor,
// alpha blending optional, depth off unless asked.
class PipelineBuilder {
 public:
  PipelineBuilder(VkDevice device, VkPipelineLayout layout, VkRenderPass renderPass);
  PipelineBuilder& shaders(std::span<const std::uint32_t> vertex,
                           std::span<const std::uint32_t> fragment);
  PipelineBuilder& vertexBinding(uint32_t binding, uint32_t stride, VkVertexInputRate rate);
  PipelineBuilder& vertexAttribute(uint32_t location, uint32_t binding, VkFormat format,
                                   uint32_t offset);
  PipelineBuilder& alphaBlending(bool enable);
  PipelineBuilder& depth(bool test, bool write);
  PipelineBuilder& samples(VkSampleCountFlagBits samples);
  Pipeline build() const;

 private:
  VkDevice device_;
  VkPipelineLayout layout_;
  VkRenderPass renderPass_;
  std::span<const std::uint32_t> vertex_, fragment_;
  std::vector<VkVertexInputBindingDescription> bindings_;
  std::vector<VkVertexInputAttributeDescription> attributes_;
  bool blend_ = false, depthTest_ = false, depthWrite_ = false;
  VkSampleCountFlagBits samples_ = VK_SAMPLE_COUNT_1_BIT;
};

}  // namespace corridor::gpu
