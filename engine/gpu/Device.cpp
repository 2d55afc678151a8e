#include "gpu/Device.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <vector>

#include "core/Log.h"
#include "gpu/Check.h"

namespace corridor::gpu {
namespace {

int typeRank(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 0;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 1;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return 3;
    default: return 4;
  }
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::optional<uint32_t> graphicsQueueFamily(VkPhysicalDevice device, VkSurfaceKHR surface) {
  uint32_t count = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(device, &count, nullptr);
  std::vector<VkQueueFamilyProperties> families(count);
  vkGetPhysicalDeviceQueueFamilyProperties(device, &count, families.data());
  for (uint32_t i = 0; i < count; ++i) {
    if (!(families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT)) continue;
    VkBool32 present = VK_TRUE;
    if (surface) vkGetPhysicalDeviceSurfaceSupportKHR(device, i, surface, &present);
    if (present) return i;
  }
  return std::nullopt;
}

}  // namespace

PhysicalDeviceSelector& PhysicalDeviceSelector::preferName(std::string substring) {
  name_ = std::move(substring);
  return *this;
}

PhysicalDeviceSelector& PhysicalDeviceSelector::surface(VkSurfaceKHR surface) {
  surface_ = surface;
  return *this;
}

core::Result<VkPhysicalDevice> PhysicalDeviceSelector::select() const {
  uint32_t count = 0;
  vkEnumeratePhysicalDevices(instance_, &count, nullptr);
  std::vector<VkPhysicalDevice> devices(count);
  vkEnumeratePhysicalDevices(instance_, &count, devices.data());
  std::string wanted = name_;
  if (wanted.empty()) {
    if (const char* env = std::getenv("CORRIDOR_DEVICE")) wanted = env;
  }
  wanted = lower(wanted);

  VkPhysicalDevice best = VK_NULL_HANDLE;
  int bestRank = 1 << 20;
  std::string seen;
  for (VkPhysicalDevice device : devices) {
    VkPhysicalDeviceProperties properties;
    vkGetPhysicalDeviceProperties(device, &properties);
    seen += std::string(seen.empty() ? "" : ", ") + properties.deviceName;
    if (!graphicsQueueFamily(device, surface_)) continue;
    const bool nameMatches = !wanted.empty() && lower(properties.deviceName).find(wanted) !=
                                                    std::string::npos;
    if (!wanted.empty() && !nameMatches) continue;
    const int rank = typeRank(properties.deviceType);
    if (rank < bestRank) {
      best = device;
      bestRank = rank;
    }
  }
  if (!best) {
    std::string message = devices.empty() ? "no Vulkan device found (install mesa-vulkan-drivers "
                                            "for the CPU driver lavapipe)"
                                          : "no suitable Vulkan device among: " + seen;
    if (!wanted.empty()) message += " (wanted a name containing '" + wanted + "')";
    return core::fail(core::ErrorKind::Device, message);
  }
  return best;
}

core::Result<std::unique_ptr<Device>> Device::create(VkPhysicalDevice physical,
                                                    VkSurfaceKHR surface) {
  std::unique_ptr<Device> device(new Device);
  device->physical_ = physical;
  vkGetPhysicalDeviceProperties(physical, &device->properties_);
  vkGetPhysicalDeviceMemoryProperties(physical, &device->memory_);
  const auto family = graphicsQueueFamily(physical, surface);
  if (!family) return core::fail(core::ErrorKind::Device, "device has no graphics queue");
  device->queueFamily_ = *family;

  const float priority = 1.0f;
  VkDeviceQueueCreateInfo queue{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  queue.queueFamilyIndex = *family;
  queue.queueCount = 1;
  queue.pQueuePriorities = &priority;
  std::vector<const char*> extensions;
  if (surface) extensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
  VkPhysicalDeviceFeatures supported{};
  vkGetPhysicalDeviceFeatures(physical, &supported);
  VkPhysicalDeviceFeatures features{};
  features.samplerAnisotropy = supported.samplerAnisotropy;
  VkDeviceCreateInfo info{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  info.queueCreateInfoCount = 1;
  info.pQueueCreateInfos = &queue;
  info.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
  info.ppEnabledExtensionNames = extensions.data();
  info.pEnabledFeatures = &features;
  const VkResult result = vkCreateDevice(physical, &info, nullptr, &device->device_);
  if (result != VK_SUCCESS) {
    return core::fail(core::ErrorKind::Device, std::string("vkCreateDevice failed: ") +
                                                   resultName(result));
  }
  vkGetDeviceQueue(device->device_, *family, 0, &device->queue_);
  core::logInfo(std::string("Vulkan device: ") + device->properties_.deviceName);
  return device;
}

Device::~Device() {
  if (device_) vkDestroyDevice(device_, nullptr);
}

uint32_t Device::memoryType(uint32_t typeBits, VkMemoryPropertyFlags flags) const {
  for (uint32_t i = 0; i < memory_.memoryTypeCount; ++i) {
    if ((typeBits & (1u << i)) && (memory_.memoryTypes[i].propertyFlags & flags) == flags) return i;
  }
  throw VulkanError("memoryType (no memory type with the requested properties)",
                    VK_ERROR_FEATURE_NOT_PRESENT);
}

}  // namespace corridor::gpu
