#pragma once
// Frame-exact video: the plan of frames and the offline render, overlay and encode pipeline.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/FrameContent.h"
#include "app/PictureRenderer.h"
#include "app/TextParsers.h"
#include "app/VectorLayers.h"
#include "app/VideoOverlay.h"
#include "core/Result.h"
#include "gpu/Context.h"
#include "record/AsyncSink.h"
#include "record/Mp4Writer.h"
#include "record/PngSequence.h"
#include "render/OffscreenRenderer.h"
#include "scene/Frame.h"
#include "timeline/Tour.h"

namespace corridor::app {

// What a recording asks for, as given on the command line or in the Record panel.
struct RecordingRequest {
  std::string from, to;  // ISO 8601 UTC
  int fps = 30;
  double duration = 0;  // video seconds; or
  double speed = 0;     // scenario seconds per video second
  std::string size = "1280x720";
  int msaa = 4;
  int crf = 20;
  std::string out;
  std::string pngDir;
};

// The request checked and resolved: frame k shows the scene at exactly
// from + k (to - from) / frames.
struct RecordingPlan {
  core::UtcMicros from = 0, to = 0;
  long frames = 0;
  int fps = 30;
  Size size;
  int msaa = 4, crf = 20;
  std::filesystem::path out, pngDir;

  core::UtcMicros frameTime(long k) const;
  double videoSeconds() const { return double(frames) / fps; }
};
core::Result<RecordingPlan> planRecording(const RecordingRequest& request);

// What the frames show besides time: basemap, look, ships, camera (or tour), overlays.
struct RecordingScene {
  std::vector<Pane> panes;  // one, or two compared variants; their ships must outlive the recording
  SplitLayout layout = SplitLayout::SideBySide;
  timeline::CameraPose camera;
  timeline::Tour tour;
  std::optional<VideoOverlay> overlay;
  double divider = 0.5;  // of a swipe, 0..1 of the width
};

// The overlay of a recording: `title` (may be empty) over the first seconds, the date, what
// the panes' ships say of themselves (their source line and the union of their legends) and
// the legend of the basemap's layers.
core::Result<VideoOverlay> recordingOverlay(const std::string& title, const std::vector<const VesselSource*>& panes,
                                            const scene::Basemap& basemap, const std::vector<scene::LayerDraw>& stack,
                                            TitleStyle titleStyle = TitleStyle::LowerThird);

// The offline pipeline of 'corridor record' and of the viewer's Record panel: one frame per
// step() (render, read back, burn in overlays), encoded on another thread meanwhile.
class Recording {
 public:
  static core::Result<std::unique_ptr<Recording>> start(const gpu::Context& context, RecordingPlan plan,
                                                        RecordingScene scene);
  // Renders and queues the next frame; false once every frame is queued.
  core::Result<bool> step();
  // Completes the video and moves it into place. A recording dropped without finish() leaves
  // nothing (a stop: Ctrl-C, Cancel).
  core::Result<void> finish();

  const RecordingPlan& plan() const { return plan_; }
  long framesDone() const { return next_; }
  double framesPerSecond() const;
  double etaSeconds() const;
  // "N frames/s; per frame: render ... ms, encode ... ms; ...".
  std::string statistics() const;

 private:
  Recording(const gpu::Context& context, RecordingPlan plan, RecordingScene scene,
            std::unique_ptr<record::Mp4Writer> video, std::optional<record::PngSequence> pngs,
            std::unique_ptr<PictureRenderer> pictures);

  RecordingPlan plan_;
  RecordingScene scene_;
  std::unique_ptr<record::Mp4Writer> video_;
  std::optional<record::PngSequence> pngs_;
  std::unique_ptr<record::AsyncSink> encoder_;
  std::unique_ptr<PictureRenderer> pictures_;
  timeline::Tour::Layers initialLayers_;
  long next_ = 0;
  double renderSeconds_ = 0;
  std::chrono::steady_clock::time_point started_;
  std::string deviceName_;
};

}  // namespace corridor::app
