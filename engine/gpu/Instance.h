#pragma once
#include <vulkan/vulkan.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/Result.h"

namespace corridor::gpu {

// Counts what the validation layer reported, so tests can demand zero.
struct ValidationCounters {
  std::atomic<int> errors{0};
  std::atomic<int> warnings{0};
};

class Instance {
 public:
  ~Instance();
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;

  VkInstance handle() const { return instance_; }
  bool validationEnabled() const { return messenger_ != VK_NULL_HANDLE; }
  const ValidationCounters& validation() const { return *counters_; }

 private:
  friend class InstanceBuilder;
  Instance() = default;
  VkInstance instance_ = VK_NULL_HANDLE;
  VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
  std::unique_ptr<ValidationCounters> counters_ = std::make_unique<ValidationCounters>();
};

// In the manner of vk-bootstrap: say what you need, then build.
class InstanceBuilder {
 public:
  InstanceBuilder& applicationName(std::string name);
  // Validation layer plus a debug messenger routed into the log. Also turned on by
  // CORRIDOR_VALIDATION=1 in the environment.
  InstanceBuilder& validation(bool enable);
  InstanceBuilder& extensions(const std::vector<std::string>& names);
  core::Result<std::unique_ptr<Instance>> build() const;

 private:
  std::string name_ = "corridor";
  bool validation_ = false;
  std::vector<std::string> extensions_;
};

bool validationRequestedByEnvironment();

}  // namespace corridor::gpu
