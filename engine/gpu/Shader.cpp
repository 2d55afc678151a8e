#include "gpu/Shader.h"

#include <stdexcept>

#include "gpu/Check.h"

namespace corridor::gpu {

ShaderModule::ShaderModule(VkDevice device, std::span<const std::uint32_t> spirv) : device_(device) {
  if (spirv.empty()) throw std::logic_error("empty SPIR-V: shader missing from the build");
  VkShaderModuleCreateInfo info{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
  info.codeSize = spirv.size_bytes();
  info.pCode = spirv.data();
  CORRIDOR_VK(vkCreateShaderModule(device_, &info, nullptr, &module_));
}

ShaderModule::~ShaderModule() {
  if (module_) vkDestroyShaderModule(device_, module_, nullptr);
}

}  // namespace corridor::gpu
