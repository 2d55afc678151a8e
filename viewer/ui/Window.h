#pragma once
#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/Result.h"

namespace corridor::ui {

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
  // Whether `glfwKey` was pressed since the last call: a press and release between two frames
  // still counts (polling the key state would miss it on a slow device).
  bool takeKeyPress(int glfwKey);
  // Drops the presses nobody took this frame (they must not act frames later).
  void forgetKeyPresses() { pressed_.clear(); }
  // Full screen on the primary monitor, or back to the window as it was.
  void setFullscreen(bool fullscreen);

 private:
  Window() = default;
  GLFWwindow* window_ = nullptr;
  std::set<int> pressed_;
  int windowedX_ = 0, windowedY_ = 0, windowedWidth_ = 0, windowedHeight_ = 0;
};

}  // namespace corridor::ui
