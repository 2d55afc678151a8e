#include "Window.h"

#include <cstdlib>

#include "core/Log.h"

namespace corridor::ui {
namespace {

std::string& lastGlfwError() {
  static std::string message;
  return message;
}

void onGlfwError(int, const char* description) {
  lastGlfwError() = description ? description : "";
  core::logDebug(std::string("GLFW: ") + lastGlfwError());
}

}  // namespace

core::Result<std::unique_ptr<Window>> Window::open(const std::string& title, int width, int height) {
  glfwSetErrorCallback(onGlfwError);
  if (!glfwInit()) {
    const char* display = std::getenv("DISPLAY");
    return core::fail(core::ErrorKind::Device,
                      "cannot open a window (" + lastGlfwError() + ")" +
                          (display && *display ? "" : "; DISPLAY is not set: use 'corridor render' "
                                                      "for headless output, or run under xvfb-run"));
  }
  if (!glfwVulkanSupported()) {
    glfwTerminate();
    return core::fail(core::ErrorKind::Device, "GLFW finds no Vulkan loader for windows");
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  std::unique_ptr<Window> window(new Window);
  window->window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!window->window_) {
    glfwTerminate();
    return core::fail(core::ErrorKind::Device, "cannot create a window (" + lastGlfwError() + ")");
  }
  // Installed before ImGui's, which chains to it.
  glfwSetWindowUserPointer(window->window_, window.get());
  glfwSetKeyCallback(window->window_, [](GLFWwindow* handle, int key, int, int action, int) {
    if (action != GLFW_RELEASE) static_cast<Window*>(glfwGetWindowUserPointer(handle))->pressed_.insert(key);
  });
  return window;
}

bool Window::takeKeyPress(int glfwKey) { return pressed_.erase(glfwKey) > 0; }

void Window::setFullscreen(bool fullscreen) {
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  if (fullscreen == (glfwGetWindowMonitor(window_) != nullptr) || (fullscreen && !mode)) return;
  if (fullscreen) {
    glfwGetWindowPos(window_, &windowedX_, &windowedY_);
    glfwGetWindowSize(window_, &windowedWidth_, &windowedHeight_);
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    glfwSetWindowMonitor(window_, nullptr, windowedX_, windowedY_, windowedWidth_, windowedHeight_, 0);
  }
}

Window::~Window() {
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

void Window::framebufferSize(int& width, int& height) const {
  glfwGetFramebufferSize(window_, &width, &height);
}

std::vector<std::string> Window::requiredInstanceExtensions() {
  uint32_t count = 0;
  const char** names = glfwGetRequiredInstanceExtensions(&count);
  return {names, names + count};
}

core::Result<VkSurfaceKHR> Window::createSurface(VkInstance instance) const {
  VkSurfaceKHR surface = VK_NULL_HANDLE;
  const VkResult result = glfwCreateWindowSurface(instance, window_, nullptr, &surface);
  if (result != VK_SUCCESS) {
    return core::fail(core::ErrorKind::Device, "cannot create a Vulkan surface for the window");
  }
  return surface;
}

}  // namespace corridor::ui
