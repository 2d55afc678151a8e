#pragma once
#include <vulkan/vulkan.h>

struct GLFWwindow;

namespace corridor::gpu {
class Context;
class Swapchain;
}  // namespace corridor::gpu

namespace corridor::viewer {

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

 private:
  const gpu::Context& context_;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
};

}  // namespace corridor::viewer
