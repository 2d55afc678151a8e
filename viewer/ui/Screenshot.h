#pragma once
#include <string>

#include <vulkan/vulkan.h>

#include "core/Image.h"
#include "gpu/Buffer.h"

namespace corridor::ui {

// corridor-YYYY-MM-DDTHH-MM-SS.png in the working directory, with -2, -3 ... when several are
// taken within a second.
std::string newScreenshotName();

// The window's pixels read back into `buffer` (RGBA or BGRA), as an opaque RGBA image.
core::Image screenshotPixels(const gpu::Buffer& buffer, VkExtent2D extent, bool bgra);

}  // namespace corridor::ui
