#include "CompareView.h"

#include <imgui.h>

#include <algorithm>

namespace corridor::ui {
namespace {

gpu::Texture pictureOf(const gpu::Context& context, VkExtent2D extent) {
  return gpu::Texture(context, gpu::Image(context, {extent, gpu::kColorFormat,
                                                    VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
                                                    VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_ASPECT_COLOR_BIT}));
}

}  // namespace

CompareView::CompareView(const gpu::Context& context, VkExtent2D extent, uint32_t framesInFlight,
                         std::unique_ptr<app::VesselSource> other, std::unique_ptr<app::Headline> headline)
    : context_(context),
      vessels_(std::move(other)),
      headline_(std::move(headline)),
      target_(std::make_unique<gpu::OffscreenTarget>(context, extent)),
      picture_(pictureOf(context, extent)),
      renderer_(context, target_->renderPass(), target_->samples(), framesInFlight) {
  renderer_.setGroundLevels(render::GroundLevels::AllAtOnce);  // as the window's own renderer
}

// After a lost device the wait fails too, and a destructor must not throw.
CompareView::~CompareView() { vkDeviceWaitIdle(context_.device()); }

bool CompareView::resize(VkExtent2D extent) {
  const VkExtent2D now = target_->extent();
  if (now.width == extent.width && now.height == extent.height) return false;
  context_.waitIdle();
  target_ = std::make_unique<gpu::OffscreenTarget>(context_, extent);  // a compatible render pass
  picture_ = pictureOf(context_, extent);
  return true;
}

void CompareView::record(VkCommandBuffer cmd, const scene::Frame& frame, uint32_t slot) {
  renderer_.draw(cmd, frame, *target_, slot);
  gpu::transitionImage(cmd, picture_.image(), VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
  target_->recordCopy(cmd, picture_.image());
  gpu::transitionImage(cmd, picture_.image(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
}

VkRect2D CompareView::region() const {
  const VkExtent2D extent = target_->extent();
  const auto left = uint32_t(std::clamp(divider_, 0.0f, 1.0f) * float(extent.width));
  return {{int32_t(left), 0}, {extent.width - left, extent.height}};
}

bool CompareView::drawDivider(const std::string& leftLabel, const std::string& rightLabel, const ImGuiLayer& imgui) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 display = io.DisplaySize;
  const float x = divider_ * display.x, grip = 8 * imgui.scale();
  const bool hovered = std::abs(io.MousePos.x - x) < grip && !io.WantCaptureMouse;
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dragging_ = true;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) dragging_ = false;
  if (dragging_) divider_ = std::clamp(io.MousePos.x / std::max(display.x, 1.0f), 0.05f, 0.95f);
  if (hovered || dragging_) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);

  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const float lineX = divider_ * display.x, scale = imgui.scale();
  draw->AddRectFilled(ImVec2(lineX - scale, 0), ImVec2(lineX + scale, display.y), IM_COL32(230, 236, 242, 255));
  // A round handle half way down, to show that it moves.
  draw->AddCircleFilled(ImVec2(lineX, display.y / 2), 10 * scale, IM_COL32(230, 236, 242, 255));
  draw->AddTriangleFilled(ImVec2(lineX - 7 * scale, display.y / 2), ImVec2(lineX - 3 * scale, display.y / 2 - 4 * scale),
                          ImVec2(lineX - 3 * scale, display.y / 2 + 4 * scale), IM_COL32(6, 12, 24, 255));
  draw->AddTriangleFilled(ImVec2(lineX + 7 * scale, display.y / 2), ImVec2(lineX + 3 * scale, display.y / 2 + 4 * scale),
                          ImVec2(lineX + 3 * scale, display.y / 2 - 4 * scale), IM_COL32(6, 12, 24, 255));
  // The panes' names beside the divider near the top.
  ImFont* font = imgui.textFont() ? imgui.textFont() : ImGui::GetFont();
  const float size = font->FontSize, top = 12 * scale, pad = 6 * scale;
  const ImVec2 leftSize = font->CalcTextSizeA(size, 1e6f, 0, leftLabel.c_str());
  const ImVec2 leftAt(lineX - 16 * scale - leftSize.x, top);
  draw->AddRectFilled(ImVec2(leftAt.x - pad, top - pad), ImVec2(leftAt.x + leftSize.x + pad, top + leftSize.y + pad),
                      IM_COL32(6, 12, 24, 170), 4 * scale);
  draw->AddText(font, size, leftAt, IM_COL32(255, 255, 255, 255), leftLabel.c_str());
  const ImVec2 rightSize = font->CalcTextSizeA(size, 1e6f, 0, rightLabel.c_str());
  const ImVec2 rightAt(lineX + 16 * scale, top);
  draw->AddRectFilled(ImVec2(rightAt.x - pad, top - pad), ImVec2(rightAt.x + rightSize.x + pad, top + rightSize.y + pad),
                      IM_COL32(6, 12, 24, 170), 4 * scale);
  draw->AddText(font, size, rightAt, IM_COL32(255, 255, 255, 255), rightLabel.c_str());
  return dragging_;
}

}  // namespace corridor::ui
