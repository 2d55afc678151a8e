#include "gpu/Buffer.h"

#include <utility>

#include "gpu/Check.h"
#include "gpu/Context.h"

namespace corridor::gpu {

Buffer::Buffer(const Context& context, VkDeviceSize size, VkBufferUsageFlags usage,
               VkMemoryPropertyFlags memory)
    : device_(context.device()), size_(size) {
  VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  info.size = size;
  info.usage = usage;
  info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  CORRIDOR_VK(vkCreateBuffer(device_, &info, nullptr, &buffer_));
  VkMemoryRequirements requirements;
  vkGetBufferMemoryRequirements(device_, buffer_, &requirements);
  VkMemoryAllocateInfo allocate{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  allocate.allocationSize = requirements.size;
  allocate.memoryTypeIndex = context.deviceInfo().memoryType(requirements.memoryTypeBits, memory);
  CORRIDOR_VK(vkAllocateMemory(device_, &allocate, nullptr, &memory_));
  CORRIDOR_VK(vkBindBufferMemory(device_, buffer_, memory_, 0));
  if (memory & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) {
    CORRIDOR_VK(vkMapMemory(device_, memory_, 0, VK_WHOLE_SIZE, 0, &mapped_));
  }
}

Buffer::~Buffer() { release(); }

Buffer::Buffer(Buffer&& other) noexcept { *this = std::move(other); }

Buffer& Buffer::operator=(Buffer&& other) noexcept {
  if (this != &other) {
    release();
    device_ = std::exchange(other.device_, VK_NULL_HANDLE);
    buffer_ = std::exchange(other.buffer_, VK_NULL_HANDLE);
    memory_ = std::exchange(other.memory_, VK_NULL_HANDLE);
    size_ = std::exchange(other.size_, 0);
    mapped_ = std::exchange(other.mapped_, nullptr);
  }
  return *this;
}

void Buffer::release() {
  if (buffer_) vkDestroyBuffer(device_, buffer_, nullptr);
  if (memory_) vkFreeMemory(device_, memory_, nullptr);
  buffer_ = VK_NULL_HANDLE;
  memory_ = VK_NULL_HANDLE;
}

}  // namespace corridor::gpu
