#include "gpu/PipelineBuilder.h"

#include <utility>

#include "gpu/Check.h"
#include "gpu/Shader.h"

namespace corridor::gpu {

Pipeline::~Pipeline() {
  if (pipeline_) vkDestroyPipeline(device_, pipeline_, nullptr);
}

Pipeline::Pipeline(Pipeline&& other) noexcept { *this = std::move(other); }

Pipeline& Pipeline::operator=(Pipeline&& other) noexcept {
  if (this != &other) {
    if (pipeline_) vkDestroyPipeline(device_, pipeline_, nullptr);
    device_ = std::exchange(other.device_, VK_NULL_HANDLE);
    pipeline_ = std::exchange(other.pipeline_, VK_NULL_HANDLE);
  }
  return *this;
}

PipelineBuilder::PipelineBuilder(VkDevice device, VkPipelineLayout layout, VkRenderPass renderPass)
    : device_(device), layout_(layout), renderPass_(renderPass) {}

PipelineBuilder& PipelineBuilder::shaders(std::span<const std::uint32_t> vertex,
                                          std::span<const std::uint32_t> fragment) {
  vertex_ = vertex;
  fragment_ = fragment;
  return *this;
}

PipelineBuilder& PipelineBuilder::vertexBinding(uint32_t binding, uint32_t stride,
                                                VkVertexInputRate rate) {
  bindings_.push_back({binding, stride, rate});
  return *this;
}

PipelineBuilder& PipelineBuilder::vertexAttribute(uint32_t location, uint32_t binding,
                                                  VkFormat format, uint32_t offset) {
  attributes_.push_back({location, binding, format, offset});
  return *this;
}

PipelineBuilder& PipelineBuilder::alphaBlending(bool enable) {
  blend_ = enable;
  return *this;
}

PipelineBuilder& PipelineBuilder::depth(bool test, bool write) {
  depthTest_ = test;
  depthWrite_ = write;
  return *this;
}

PipelineBuilder& PipelineBuilder::samples(VkSampleCountFlagBits samples) {
  samples_ = samples;
  return *this;
}

Pipeline PipelineBuilder::build() const {
  const ShaderModule vertex(device_, vertex_), fragment(device_, fragment_);
  VkPipelineShaderStageCreateInfo stages[2]{};
  stages[0] = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
  stages[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
  stages[0].module = vertex.handle();
  stages[0].pName = "main";
  stages[1] = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
  stages[1].stage = VK_SHADER_STAGE_FRAGMENT_BIT;
  stages[1].module = fragment.handle();
  stages[1].pName = "main";

  VkPipelineVertexInputStateCreateInfo vertexInput{
      VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO};
  vertexInput.vertexBindingDescriptionCount = static_cast<uint32_t>(bindings_.size());
  vertexInput.pVertexBindingDescriptions = bindings_.data();
  vertexInput.vertexAttributeDescriptionCount = static_cast<uint32_t>(attributes_.size());
  vertexInput.pVertexAttributeDescriptions = attributes_.data();

  VkPipelineInputAssemblyStateCreateInfo assembly{
      VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO};
  assembly.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;

  VkPipelineViewportStateCreateInfo viewport{VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO};
  viewport.viewportCount = 1;
  viewport.scissorCount = 1;

  VkPipelineRasterizationStateCreateInfo raster{
      VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO};
  raster.polygonMode = VK_POLYGON_MODE_FILL;
  raster.cullMode = VK_CULL_MODE_NONE;
  raster.frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE;
  raster.lineWidth = 1.0f;

  VkPipelineMultisampleStateCreateInfo multisample{
      VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO};
  multisample.rasterizationSamples = samples_;

  VkPipelineDepthStencilStateCreateInfo depth{
      VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO};
  depth.depthTestEnable = depthTest_;
  depth.depthWriteEnable = depthWrite_;
  depth.depthCompareOp = VK_COMPARE_OP_LESS_OR_EQUAL;

  VkPipelineColorBlendAttachmentState attachment{};
  attachment.colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT |
                              VK_COLOR_COMPONENT_B_BIT | VK_COLOR_COMPONENT_A_BIT;
  if (blend_) {
    // Premultiplied-free "over": colour by alpha, destination alpha accumulates coverage.
    attachment.blendEnable = VK_TRUE;
    attachment.srcColorBlendFactor = VK_BLEND_FACTOR_SRC_ALPHA;
    attachment.dstColorBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    attachment.colorBlendOp = VK_BLEND_OP_ADD;
    attachment.srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE;
    attachment.dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    attachment.alphaBlendOp = VK_BLEND_OP_ADD;
  }
  VkPipelineColorBlendStateCreateInfo blend{VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
  blend.attachmentCount = 1;
  blend.pAttachments = &attachment;

  const VkDynamicState dynamicStates[] = {VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
  VkPipelineDynamicStateCreateInfo dynamic{VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO};
  dynamic.dynamicStateCount = 2;
  dynamic.pDynamicStates = dynamicStates;

  VkGraphicsPipelineCreateInfo info{VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO};
  info.stageCount = 2;
  info.pStages = stages;
  info.pVertexInputState = &vertexInput;
  info.pInputAssemblyState = &assembly;
  info.pViewportState = &viewport;
  info.pRasterizationState = &raster;
  info.pMultisampleState = &multisample;
  info.pDepthStencilState = &depth;
  info.pColorBlendState = &blend;
  info.pDynamicState = &dynamic;
  info.layout = layout_;
  info.renderPass = renderPass_;
  VkPipeline pipeline;
  CORRIDOR_VK(vkCreateGraphicsPipelines(device_, VK_NULL_HANDLE, 1, &info, nullptr, &pipeline));
  return Pipeline(device_, pipeline);
}

}  // namespace corridor::gpu
