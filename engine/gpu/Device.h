#pragma once
#include <vulkan/vulkan.h>

#include <memory>
#include <string>

#include "core/Result.h"

namespace corridor::gpu {

// Picks a physical device: discrete GPU first, then integrated, virtual, CPU (lavapipe).
// A name substring (case-insensitive; also CORRIDOR_DEVICE in the environment) overrides the
// ranking. With a surface, only devices that can present to it qualify.
class PhysicalDeviceSelector {
 public:
  explicit PhysicalDeviceSelector(VkInstance instance) : instance_(instance) {}
  PhysicalDeviceSelector& preferName(std::string substring);
  PhysicalDeviceSelector& surface(VkSurfaceKHR surface);
  core::Result<VkPhysicalDevice> select() const;

 private:
  VkInstance instance_;
  std::string name_;
  VkSurfaceKHR surface_ = VK_NULL_HANDLE;
};

// The logical device and its one graphics (and present) queue.
class Device {
 public:
  // With a surface the device gets the swapchain extension and a queue that presents to it.
  static core::Result<std::unique_ptr<Device>> create(VkPhysicalDevice physical,
                                                      VkSurfaceKHR surface);
  ~Device();
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;

  VkDevice handle() const { return device_; }
  VkPhysicalDevice physical() const { return physical_; }
  VkQueue queue() const { return queue_; }
  uint32_t queueFamily() const { return queueFamily_; }
  const VkPhysicalDeviceProperties& properties() const { return properties_; }
  uint32_t memoryType(uint32_t typeBits, VkMemoryPropertyFlags flags) const;

 private:
  Device() = default;
  VkPhysicalDevice physical_ = VK_NULL_HANDLE;
  VkDevice device_ = VK_NULL_HANDLE;
  VkQueue queue_ = VK_NULL_HANDLE;
  uint32_t queueFamily_ = 0;
  VkPhysicalDeviceProperties properties_{};
  VkPhysicalDeviceMemoryProperties memory_{};
};

}  // namespace corridor::gpu
