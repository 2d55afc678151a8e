#pragma once
#include <vulkan/vulkan.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/Result.h"
#include "gpu/Device.h"
#include "gpu/Instance.h"

namespace corridor::gpu {

struct ContextOptions {
  bool validation = false;  // or CORRIDOR_VALIDATION=1
  std::string deviceName;   // substring; empty: best available (or CORRIDOR_DEVICE)
  std::vector<std::string> instanceExtensions;
  // For windows: creates the surface once the instance exists (the window system lives
  // outside the engine). The context owns the surface afterwards.
  std::function<core::Result<VkSurfaceKHR>(VkInstance)> createSurface;
  // An instance to share instead of making one (validation and instanceExtensions are then its
  // own): drivers limit the instances a process may create, even destroyed ones (NVIDIA 580
  // refuses the 31st), while a device per context on one instance has no such limit.
  std::shared_ptr<Instance> instance;
};

// Instance, device, queue, a command pool and an optional surface: what every GPU object
// needs. Nothing about windows, pipelines or cameras lives here.
class Context {
 public:
  static core::Result<std::unique_ptr<Context>> create(const ContextOptions& options);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  VkInstance instance() const { return instance_->handle(); }
  VkDevice device() const { return device_->handle(); }
  VkPhysicalDevice physicalDevice() const { return device_->physical(); }
  VkQueue queue() const { return device_->queue(); }
  uint32_t queueFamily() const { return device_->queueFamily(); }
  VkSurfaceKHR surface() const { return surface_; }
  VkCommandPool commandPool() const { return commandPool_; }
  const Device& deviceInfo() const { return *device_; }
  std::string deviceName() const { return device_->properties().deviceName; }
  const ValidationCounters& validation() const { return instance_->validation(); }

  // Records with `record` into a one-time command buffer, submits and waits.
  void submitNow(const std::function<void(VkCommandBuffer)>& record) const;
  void waitIdle() const;

 private:
  Context() = default;
  std::shared_ptr<Instance> instance_;
  VkSurfaceKHR surface_ = VK_NULL_HANDLE;
  std::unique_ptr<Device> device_;
  VkCommandPool commandPool_ = VK_NULL_HANDLE;
};

}  // namespace corridor::gpu
