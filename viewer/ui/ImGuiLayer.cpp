#include "ImGuiLayer.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <filesystem>

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_vulkan.h>
#include <imgui.h>

#include "gpu/Check.h"
#include "gpu/Context.h"
#include "gpu/Swapchain.h"

namespace corridor::ui {
namespace {

void checkImGuiVulkan(VkResult result) { corridor::gpu::check(result, "ImGui Vulkan backend"); }

}  // namespace

namespace {
float gUiScale = 1.0f;  // one ImGui context per process
}  // namespace

float uiPixels(float pixels) { return pixels * gUiScale; }

float uiScale(GLFWwindow* window, float asked) {
  if (asked > 0) return asked;
  float x = 1, y = 1;
  glfwGetWindowContentScale(window, &x, &y);
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  const float screen = mode ? float(mode->height) / 1080.0f : 1.0f;
  return std::max({1.0f, y, screen});
}

ImGuiLayer::ImGuiLayer(GLFWwindow* window, const gpu::Context& context, const gpu::Swapchain& swapchain, float scale)
    : scale_(scale), context_(context) {
  gUiScale = scale;
  const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 16}};
  VkDescriptorPoolCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  info.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
  info.maxSets = 16;
  info.poolSizeCount = 1;
  info.pPoolSizes = sizes;
  CORRIDOR_VK(vkCreateDescriptorPool(context.device(), &info, nullptr, &pool_));

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini littered into the working directory
  ImGui::StyleColorsDark();
  ImGui::GetStyle().WindowRounding = 6.0f;
  ImGui::GetStyle().ScaleAllSizes(scale_);
  // The panels keep ImGui's own font (added first: the default); presentation mode's captions
  // use DejaVu at sizes readable across a room, when the font is installed.
  ImFontConfig panelFont;
  panelFont.SizePixels = 13.0f * scale_;
  io.Fonts->AddFontDefault(&panelFont);
  for (auto [size, bold] : {std::pair{64.0f, true}, std::pair{26.0f, false}}) {
    const char* path = bold ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
                            : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    ImFont* font = std::filesystem::exists(path) ? io.Fonts->AddFontFromFileTTF(path, size * scale_) : nullptr;
    (bold ? largeFont_ : textFont_) = font;
  }
  ImGui_ImplGlfw_InitForVulkan(window, true);
  ImGui_ImplVulkan_InitInfo init{};
  init.Instance = context.instance();
  init.PhysicalDevice = context.physicalDevice();
  init.Device = context.device();
  init.QueueFamily = context.queueFamily();
  init.Queue = context.queue();
  init.DescriptorPool = pool_;
  init.MinImageCount = swapchain.minImageCount();
  init.ImageCount = std::max(swapchain.imageCount(), swapchain.minImageCount());
  init.MSAASamples = swapchain.samples();
  init.CheckVkResultFn = checkImGuiVulkan;
  ImGui_ImplVulkan_Init(&init, swapchain.renderPass());
  context.submitNow([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
  ImGui_ImplVulkan_DestroyFontUploadObjects();
}

ImGuiLayer::~ImGuiLayer() {
  vkDeviceWaitIdle(context_.device());
  ImGui_ImplVulkan_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  vkDestroyDescriptorPool(context_.device(), pool_, nullptr);
}

void ImGuiLayer::beginFrame() {
  ImGui_ImplVulkan_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void ImGuiLayer::record(VkCommandBuffer cmd) {
  ImGui::Render();
  ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
}

bool ImGuiLayer::wantsMouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool ImGuiLayer::wantsKeyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }

}  // namespace corridor::ui
