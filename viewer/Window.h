#pragma once
#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include <memory>
#include <string>
#include <vector>

#include "core/Result.h"

namespace corridor::viewer {

// A GLFW window for Vulkan (no GL context). GLFW is initialised for the window's lifetime.
class Window {
 public:
  static core::Result<std::unique_ptr<Window>> open(const std::string& title, int width, int height);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* handle() const { return window_; }
  bool shouldClose() const { return glfwWindowShouldClose(window_); }
  // Pixels of the drawable area (0 x 0 while minimised).
  void framebufferSize(int& width, int& height) const;
  static std::vector<std::string> requiredInstanceExtensions();
  core::Result<VkSurfaceKHR> createSurface(VkInstance instance) const;

 private:
  Window() = default;
  GLFWwindow* window_ = nullptr;
};

}  // namespace corridor::viewer
