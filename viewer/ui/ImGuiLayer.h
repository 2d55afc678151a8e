#pragma once
#include <vulkan/vulkan.h>

struct ImFont;

struct GLFWwindow;

namespace corridor::gpu {
class Context;
class Swapchain;
}  // namespace corridor::gpu

namespace corridor::ui {

// Dear ImGui on GLFW + Vulkan: owns the ImGui context, its descriptor pool and backends. Fonts
// and sizes are multiplied by `scale` (uiScale), so panels and captions read on big screens.
class ImGuiLayer {
 public:
  ImGuiLayer(GLFWwindow* window, const gpu::Context& context, const gpu::Swapchain& swapchain, float scale);
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
  float scale() const { return scale_; }

 private:
  ImFont* largeFont_ = nullptr;
  ImFont* textFont_ = nullptr;
  float scale_ = 1.0f;
  const gpu::Context& context_;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
};

// A size in pixels of the unscaled interface, scaled as the interface is (for panel sizes,
// positions and widths).
float uiPixels(float pixels);

// The scale of the user interface: `asked` when positive (--ui-scale), else the larger of the
// window's content scale (the desktop's setting) and the monitor's height over 1080 (a 4K
// screen at 100 % gets 2).
float uiScale(GLFWwindow* window, float asked);

}  // namespace corridor::ui
