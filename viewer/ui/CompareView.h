#pragma once
// The viewer's compare swipe: a second variant on the same clock and camera, drawn right of a
// draggable divider over the first.
#include <memory>
#include <optional>

#include "ImGuiLayer.h"
#include "app/Headline.h"
#include "app/VesselSource.h"
#include "gpu/Context.h"
#include "gpu/Image.h"
#include "gpu/OffscreenTarget.h"
#include "render/Renderer.h"

namespace corridor::ui {

class CompareView {
 public:
  // `other`: the second variant's ships; `headline` may be null.
  CompareView(const gpu::Context& context, VkExtent2D extent, uint32_t framesInFlight,
              std::unique_ptr<app::VesselSource> other, std::unique_ptr<app::Headline> headline);
  ~CompareView();

  // Before the window's pass: the second variant's frame (of the window's size) drawn into the
  // picture the window's renderer shows right of the divider (setCachedBackground).
  void record(VkCommandBuffer cmd, const scene::Frame& frame, uint32_t slot);
  const gpu::Texture& picture() const { return picture_; }
  // A new window size: the picture follows (waits for the device); false when it is the same.
  bool resize(VkExtent2D extent);
  // The columns right of the divider, where the second variant shows.
  VkRect2D region() const;
  // The divider and the panes' labels; drags the divider with the mouse. True while it is
  // held, when the globe must not turn.
  bool drawDivider(const std::string& leftLabel, const std::string& rightLabel, const ImGuiLayer& imgui);
  // Where the divider is, 0..1 of the width.
  float divider() const { return divider_; }

  app::VesselSource& vessels() { return *vessels_; }
  const app::Headline* headline() const { return headline_.get(); }

 private:
  const gpu::Context& context_;
  std::unique_ptr<app::VesselSource> vessels_;
  std::unique_ptr<app::Headline> headline_;
  std::unique_ptr<gpu::OffscreenTarget> target_;
  gpu::Texture picture_;
  render::Renderer renderer_;  // built for target_'s render pass
  float divider_ = 0.5f;
  bool dragging_ = false;
};

}  // namespace corridor::ui
