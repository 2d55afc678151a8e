#include "gpu/Instance.h"

#include <cstdlib>
#include <cstring>
#include <string_view>

#include "core/Log.h"
#include "gpu/Check.h"

namespace corridor::gpu {
namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

VKAPI_ATTR VkBool32 VKAPI_CALL onValidationMessage(
    VkDebugUtilsMessageSeverityFlagBitsEXT severity, VkDebugUtilsMessageTypeFlagsEXT,
    const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  auto* counters = static_cast<ValidationCounters*>(user);
  const std::string message = std::string("Vulkan validation: ") + data->pMessage;
  if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) {
    ++counters->errors;
    core::logError(message);
  } else if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) {
    ++counters->warnings;
    core::logWarn(message);
  } else {
    core::logDebug(message);
  }
  return VK_FALSE;
}

bool layerAvailable(const char* name) {
  uint32_t count = 0;
  vkEnumerateInstanceLayerProperties(&count, nullptr);
  std::vector<VkLayerProperties> layers(count);
  vkEnumerateInstanceLayerProperties(&count, layers.data());
  for (const auto& layer : layers) {
    if (std::strcmp(layer.layerName, name) == 0) return true;
  }
  return false;
}

VkDebugUtilsMessengerCreateInfoEXT messengerInfo(ValidationCounters* counters) {
  VkDebugUtilsMessengerCreateInfoEXT info{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
  info.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT |
                         VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                     VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                     VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
  info.pfnUserCallback = onValidationMessage;
  info.pUserData = counters;
  return info;
}

}  // namespace

bool validationRequestedByEnvironment() {
  const char* value = std::getenv("CORRIDOR_VALIDATION");
  return value && std::string_view(value) != "0" && *value != '\0';
}

Instance::~Instance() {
  if (messenger_) {
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
    if (destroy) destroy(instance_, messenger_, nullptr);
  }
  if (instance_) vkDestroyInstance(instance_, nullptr);
}

InstanceBuilder& InstanceBuilder::applicationName(std::string name) {
  name_ = std::move(name);
  return *this;
}

InstanceBuilder& InstanceBuilder::validation(bool enable) {
  validation_ = enable;
  return *this;
}

InstanceBuilder& InstanceBuilder::extensions(const std::vector<std::string>& names) {
  extensions_.insert(extensions_.end(), names.begin(), names.end());
  return *this;
}

core::Result<std::unique_ptr<Instance>> InstanceBuilder::build() const {
  std::unique_ptr<Instance> instance(new Instance);
  const bool wantValidation = validation_ || validationRequestedByEnvironment();
  const bool useValidation = wantValidation && layerAvailable(kValidationLayer);
  if (wantValidation && !useValidation) {
    core::logWarn("validation requested but VK_LAYER_KHRONOS_validation is not installed "
                  "(apt-get install vulkan-validationlayers)");
  }
  std::vector<const char*> extensions;
  for (const auto& name : extensions_) extensions.push_back(name.c_str());
  std::vector<const char*> layers;
  if (useValidation) {
    extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    layers.push_back(kValidationLayer);
  }

  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = name_.c_str();
  app.pEngineName = "corridor";
  app.apiVersion = VK_API_VERSION_1_1;
  VkInstanceCreateInfo info{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  info.pApplicationInfo = &app;
  info.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
  info.ppEnabledExtensionNames = extensions.data();
  info.enabledLayerCount = static_cast<uint32_t>(layers.size());
  info.ppEnabledLayerNames = layers.data();
  // Chained so that instance creation and destruction are validated too.
  VkDebugUtilsMessengerCreateInfoEXT debugInfo = messengerInfo(instance->counters_.get());
  if (useValidation) info.pNext = &debugInfo;

  const VkResult result = vkCreateInstance(&info, nullptr, &instance->instance_);
  if (result != VK_SUCCESS) {
    return core::fail(core::ErrorKind::Device,
                      std::string("cannot create a Vulkan instance (vkCreateInstance returned ") +
                          resultName(result) +
                          "); is a Vulkan driver installed? (apt-get install mesa-vulkan-drivers)");
  }
  if (useValidation) {
    auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance->instance_, "vkCreateDebugUtilsMessengerEXT"));
    CORRIDOR_VK(create(instance->instance_, &debugInfo, nullptr, &instance->messenger_));
  }
  return instance;
}

}  // namespace corridor::gpu
