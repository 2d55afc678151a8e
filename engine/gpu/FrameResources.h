#pragma once
#include <vulkan/vulkan.h>

#include <vector>

namespace corridor::gpu {

class Context;

// What each frame in flight needs for a window loop: its command buffer, a fence that says
// the GPU is done with it, and the acquire/render semaphores around the swapchain.
struct FrameSync {
  VkCommandBuffer commands = VK_NULL_HANDLE;
  VkFence done = VK_NULL_HANDLE;
  VkSemaphore imageReady = VK_NULL_HANDLE;
  VkSemaphore renderFinished = VK_NULL_HANDLE;
};

class FrameResources {
 public:
  FrameResources(const Context& context, uint32_t framesInFlight);
  ~FrameResources();
  FrameResources(const FrameResources&) = delete;
  FrameResources& operator=(const FrameResources&) = delete;

  uint32_t size() const { return static_cast<uint32_t>(frames_.size()); }
  // Waits until the GPU has finished the frame that last used this slot.
  FrameSync& wait(uint32_t slot);
  // The slot's objects, without waiting.
  const FrameSync& at(uint32_t slot) const { return frames_.at(slot); }
  // Begins recording the slot's command buffer (after wait()).
  VkCommandBuffer begin(uint32_t slot);
  // Ends recording and submits: waits for imageReady, signals renderFinished and the fence.
  void submit(uint32_t slot);

 private:
  const Context& context_;
  std::vector<FrameSync> frames_;
};

}  // namespace corridor::gpu
