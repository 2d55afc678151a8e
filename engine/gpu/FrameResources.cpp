#include "gpu/FrameResources.h"

#include "gpu/Check.h"
#include "gpu/Context.h"

namespace corridor::gpu {

FrameResources::FrameResources(const Context& context, uint32_t framesInFlight)
    : context_(context), frames_(framesInFlight) {
  for (FrameSync& frame : frames_) {
    VkCommandBufferAllocateInfo allocate{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    allocate.commandPool = context.commandPool();
    allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    allocate.commandBufferCount = 1;
    CORRIDOR_VK(vkAllocateCommandBuffers(context.device(), &allocate, &frame.commands));
    VkFenceCreateInfo fence{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    fence.flags = VK_FENCE_CREATE_SIGNALED_BIT;
    CORRIDOR_VK(vkCreateFence(context.device(), &fence, nullptr, &frame.done));
    VkSemaphoreCreateInfo semaphore{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    CORRIDOR_VK(vkCreateSemaphore(context.device(), &semaphore, nullptr, &frame.imageReady));
    CORRIDOR_VK(vkCreateSemaphore(context.device(), &semaphore, nullptr, &frame.renderFinished));
  }
}

FrameResources::~FrameResources() {
  const VkDevice device = context_.device();
  vkDeviceWaitIdle(device);
  for (FrameSync& frame : frames_) {
    vkDestroySemaphore(device, frame.renderFinished, nullptr);
    vkDestroySemaphore(device, frame.imageReady, nullptr);
    vkDestroyFence(device, frame.done, nullptr);
    vkFreeCommandBuffers(device, context_.commandPool(), 1, &frame.commands);
  }
}

FrameSync& FrameResources::wait(uint32_t slot) {
  FrameSync& frame = frames_.at(slot);
  CORRIDOR_VK(vkWaitForFences(context_.device(), 1, &frame.done, VK_TRUE, UINT64_MAX));
  return frame;
}

VkCommandBuffer FrameResources::begin(uint32_t slot) {
  FrameSync& frame = frames_.at(slot);
  CORRIDOR_VK(vkResetFences(context_.device(), 1, &frame.done));
  CORRIDOR_VK(vkResetCommandBuffer(frame.commands, 0));
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  CORRIDOR_VK(vkBeginCommandBuffer(frame.commands, &begin));
  return frame.commands;
}

void FrameResources::submit(uint32_t slot) {
  FrameSync& frame = frames_.at(slot);
  CORRIDOR_VK(vkEndCommandBuffer(frame.commands));
  const VkPipelineStageFlags waitStage = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
  submit.waitSemaphoreCount = 1;
  submit.pWaitSemaphores = &frame.imageReady;
  submit.pWaitDstStageMask = &waitStage;
  submit.commandBufferCount = 1;
  submit.pCommandBuffers = &frame.commands;
  submit.signalSemaphoreCount = 1;
  submit.pSignalSemaphores = &frame.renderFinished;
  CORRIDOR_VK(vkQueueSubmit(context_.queue(), 1, &submit, frame.done));
}

}  // namespace corridor::gpu
