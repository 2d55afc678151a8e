#pragma once
#include <vulkan/vulkan.h>

struct ImFont;

struct GLFWwindow;

namespace corridor::gpu {
class Context;
class Swapchain;
}  // namespace corridor::gpu

namespace corridor::ui {

// Dear ImGui on GLFW + Vulkan: owns the ImGui context, its descriptor pool and backends.
class ImGuiLayer {
 public:
  ImGuiLayer(GLFWwindow* window, const gpu::Context& context, const gpu::Swapchain& swapchain);
  ~ImGuiLayer();
  ImGuiLayer(const ImGuiLayer&) = delete;
  ImGuiLayer& operator=(const ImGuiLayer&) = delete;

  void beginFrame();
  // Finishes the ImGui frame and records its draw commands (inside the render pass).
  void record(VkCommandBuffer cmd);
  // Whether ImGui wants the mouse / keyboard (then the globe should not react).
  bool wantsMouse() const;
  bool wantsKeyboard() const;
  // Presentation mode's fonts (DejaVu, large and body); null when the font is not installed.
  ImFont* largeFont() const { return largeFont_; }
  ImFont* textFont() const { return textFont_; }

 private:
  ImFont* largeFont_ = nullptr;
  ImFont* textFont_ = nullptr;
  const gpu::Context& context_;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
};

}  // namespace corridor::ui
