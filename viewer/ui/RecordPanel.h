#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/Recording.h"
#include "app/TourFile.h"
#include "ViewerState.h"
#include "timeline/PlaybackClock.h"

namespace corridor::ui {

// What the Record panel records from: the viewer's device, basemap, look and panes (the ships
// on screen, or two compared variants split where the divider is).
struct RecordSources {
  const gpu::Context& gpu;
  std::shared_ptr<const scene::Basemap> basemap;
  const std::vector<scene::LayerDraw>& layers;  // the Layers panel's stack, bottom first
  const ViewerState& state;
  std::function<std::vector<app::Pane>()> panes;  // asked when a recording starts
  double divider;                                 // of two panes, 0..1 of the width
  const timeline::PlaybackClock& clock;
  const std::vector<app::TimedKeyframe>& tour;
};

// Runs the offline pipeline of 'corridor record' from the viewer: one frame per UI frame, with
// a progress bar and a cancel button (which, like Ctrl-C in 'corridor record', writes nothing
// and leaves a previous video under the name as it was).
class RecordPanel {
 public:
  void draw(const RecordSources& sources);
  bool recording() const { return active_ != nullptr; }

 private:
  void start(const RecordSources& sources);
  void stop(bool cancelled);

  char from_[32] = "", to_[32] = "", out_[256] = "corridor.mp4", title_[128] = "";
  int sizeIndex_ = 0, fps_ = 30;
  float duration_ = 10;
  bool useTour_ = false;
  std::unique_ptr<app::Recording> active_;
  std::string status_;
};

}  // namespace corridor::ui
