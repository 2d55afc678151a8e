#pragma once
// The pictures of render and record: each pane rendered, its port and layer names painted with
// its own view, and the panes joined into one frame.
#include <memory>
#include <vector>

#include "app/Panes.h"
#include "app/TextParsers.h"
#include "app/VectorLayers.h"
#include "app/VideoOverlay.h"
#include "gpu/Context.h"
#include "render/OffscreenRenderer.h"
#include "timeline/Tour.h"

namespace corridor::app {

class PictureRenderer {
 public:
  // `portNames`: paint the ports' names (the overlays' part); the layers' labels always show.
  // `divider`: where a swipe splits the frame, 0..1 of its width.
  static core::Result<std::unique_ptr<PictureRenderer>> create(const gpu::Context& context, Size size, int msaa,
                                                               std::vector<Pane> panes, SplitLayout layout,
                                                               bool portNames, double divider = 0.5);

  struct Picture {
    core::Image image;
    std::vector<record::ScreenBox> keepClear;  // the ports and the names painted: the overlays keep clear
    std::vector<PaneOverlay> panes;  // each pane's columns, label and headline numbers
  };
  // The frame at `moment` (its size is the frame's); `layers`, a tour's, may hide the ships,
  // the outlines or the graticule.
  Picture render(const FrameMoment& moment, const timeline::Tour::Layers* layers = nullptr);

  // See OffscreenRenderer::cacheStillBasemap.
  void cacheStillBasemap(bool enable);
  long framesOverCachedBasemap() const;
  const std::vector<Pane>& panes() const { return panes_; }

 private:
  PictureRenderer(std::vector<Pane> panes, SplitLayout layout, Size size, double divider);
  std::vector<Pane> panes_;
  SplitLayout layout_;
  double divider_;
  Size size_;
  std::vector<std::unique_ptr<render::OffscreenRenderer>> renderers_;  // per pane
  std::vector<LayerLabels> labels_;                                    // per pane
};

}  // namespace corridor::app
