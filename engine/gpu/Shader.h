#pragma once
#include <vulkan/vulkan.h>

#include <cstdint>
#include <span>

namespace corridor::gpu {

class ShaderModule {
 public:
  ShaderModule(VkDevice device, std::span<const std::uint32_t> spirv);
  ~ShaderModule();
  ShaderModule(const ShaderModule&) = delete;
  ShaderModule& operator=(const ShaderModule&) = delete;
  VkShaderModule handle() const { return module_; }

 private:
  VkDevice device_;
  VkShaderModule module_ = VK_NULL_HANDLE;
};

}  // namespace corridor::gpu
