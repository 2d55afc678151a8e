#include "gpu/Context.h"

#include "gpu/Check.h"

namespace corridor::gpu {

core::Result<std::unique_ptr<Context>> Context::create(const ContextOptions& options) {
  std::unique_ptr<Context> context(new Context);
  if (options.instance) {
    context->instance_ = options.instance;
  } else {
    auto instance = InstanceBuilder()
                        .validation(options.validation)
                        .extensions(options.instanceExtensions)
                        .build();
    if (!instance) return std::unexpected(instance.error());
    context->instance_ = std::move(*instance);
  }
  if (options.createSurface) {
    auto surface = options.createSurface(context->instance_->handle());
    if (!surface) return std::unexpected(surface.error());
    context->surface_ = *surface;
  }
  auto physical = PhysicalDeviceSelector(context->instance_->handle())
                      .preferName(options.deviceName)
                      .surface(context->surface_)
                      .select();
  if (!physical) return std::unexpected(physical.error());
  auto device = Device::create(*physical, context->surface_);
  if (!device) return std::unexpected(device.error());
  context->device_ = std::move(*device);

  VkCommandPoolCreateInfo pool{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pool.queueFamilyIndex = context->queueFamily();
  CORRIDOR_VK(vkCreateCommandPool(context->device(), &pool, nullptr, &context->commandPool_));
  return context;
}

Context::~Context() {
  if (device_) {
    vkDeviceWaitIdle(device_->handle());
    if (commandPool_) vkDestroyCommandPool(device_->handle(), commandPool_, nullptr);
  }
  device_.reset();
  if (surface_) vkDestroySurfaceKHR(instance_->handle(), surface_, nullptr);
}

void Context::submitNow(const std::function<void(VkCommandBuffer)>& record) const {
  VkCommandBufferAllocateInfo allocate{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  allocate.commandPool = commandPool_;
  allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  allocate.commandBufferCount = 1;
  VkCommandBuffer cmd;
  CORRIDOR_VK(vkAllocateCommandBuffers(device(), &allocate, &cmd));
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  CORRIDOR_VK(vkBeginCommandBuffer(cmd, &begin));
  record(cmd);
  CORRIDOR_VK(vkEndCommandBuffer(cmd));
  VkFenceCreateInfo fenceInfo{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence fence;
  CORRIDOR_VK(vkCreateFence(device(), &fenceInfo, nullptr, &fence));
  VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
  submit.commandBufferCount = 1;
  submit.pCommandBuffers = &cmd;
  const VkResult submitted = vkQueueSubmit(queue(), 1, &submit, fence);
  const VkResult waited =
      submitted == VK_SUCCESS ? vkWaitForFences(device(), 1, &fence, VK_TRUE, UINT64_MAX) : submitted;
  vkDestroyFence(device(), fence, nullptr);
  vkFreeCommandBuffers(device(), commandPool_, 1, &cmd);
  check(submitted, "vkQueueSubmit");
  check(waited, "vkWaitForFences");
}

void Context::waitIdle() const { CORRIDOR_VK(vkDeviceWaitIdle(device())); }

}  // namespace corridor::gpu
