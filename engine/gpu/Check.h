#pragma once
#include <vulkan/vulkan.h>

#include <stdexcept>
#include <string>

namespace corridor::gpu {

// A Vulkan call failed at run time (device lost, out of memory, ...). Thrown in every build
// type; the message names the call and the result.
class VulkanError : public std::runtime_error {
 public:
  VulkanError(const char* call, VkResult result);
  VkResult result() const { return result_; }

 private:
  VkResult result_;
};

const char* resultName(VkResult result);

inline void check(VkResult result, const char* call) {
  if (result != VK_SUCCESS) throw VulkanError(call, result);
}

}  // namespace corridor::gpu

// Checks a VkResult-returning call in every build and names it in the error.
#define CORRIDOR_VK(call) ::corridor::gpu::check((call), #call)
