#include "app/Recording.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace corridor::app {

core::UtcMicros RecordingPlan::frameTime(long k) const {
  // 128-bit: 18 years in microseconds times a million frames does not fit 64 bits.
  return from + core::UtcMicros(__int128(to - from) * k / frames);
}

core::Result<RecordingPlan> planRecording(const RecordingRequest& request) {
  RecordingPlan plan;
  auto from = core::parseIso8601(request.from);
  if (!from) return core::usageError("--from: " + from.error().message);
  auto to = core::parseIso8601(request.to);
  if (!to) return core::usageError("--to: " + to.error().message);
  if (*to <= *from) return core::usageError("--to must be later than --from");
  plan.from = *from;
  plan.to = *to;
  if ((request.duration > 0) == (request.speed > 0)) {
    return core::usageError("give exactly one of --duration (video seconds) and --speed (scenario seconds per second)");
  }
  if (request.fps < 1 || request.fps > 120) return core::usageError("--fps: 1 to 120");
  plan.fps = request.fps;
  const double seconds = request.duration > 0 ? request.duration : double(*to - *from) / 1e6 / request.speed;
  plan.frames = std::lround(seconds * request.fps);
  if (plan.frames < 1) return core::usageError("the video would have no frame; raise --duration or lower --speed");
  if (plan.frames > 1'000'000) return core::usageError("more than a million frames; lower --duration or raise --speed");
  auto size = parseSize(request.size);
  if (!size) return std::unexpected(size.error());
  if (size->width > 3840 || size->height > 2160) return core::usageError("--size: at most 3840x2160");
  if (size->width % 2 || size->height % 2) return core::usageError("--size: width and height must be even (H.264)");
  plan.size = *size;
  if (std::filesystem::path(request.out).extension() != ".mp4") return core::usageError("--out: an .mp4 file");
  plan.out = request.out;
  plan.pngDir = request.pngDir;
  plan.msaa = request.msaa;
  plan.crf = request.crf;
  return plan;
}

core::Result<VideoOverlay> recordingOverlay(const std::string& title, const std::vector<const VesselSource*>& panes,
                                            const scene::Basemap& basemap, const std::vector<scene::LayerDraw>& stack,
                                            TitleStyle titleStyle) {
  OverlayContent content;
  bool described = false;
  for (const VesselSource* vessels : panes) {
    if (!vessels) continue;  // the basemap alone
    if (!described) {
      vessels->describe(content);
      described = true;
      continue;
    }
    OverlayContent pane;
    vessels->describe(pane);
    for (const LegendEntry& entry : pane.legend) {
      const bool listed = std::any_of(content.legend.begin(), content.legend.end(),
                                      [&](const LegendEntry& other) { return other.label == entry.label; });
      if (!listed) content.legend.push_back(entry);
    }
  }
  if (panes.size() == 2) {
    content.source = panes[0]->scenarioName() + " - " + panes[0]->variant() + " (left) and " + panes[1]->variant() +
                     " (right)";
  }
  content.title = title;
  content.titleStyle = titleStyle;
  content.layers = layerLegend(basemap, stack);
  content.subtitle = content.source;
  return VideoOverlay::create(std::move(content));
}

core::Result<std::unique_ptr<Recording>> Recording::start(const gpu::Context& context, RecordingPlan plan,
                                                          RecordingScene scene) {
  auto pictures = PictureRenderer::create(context, plan.size, plan.msaa, scene.panes, scene.layout,
                                          scene.overlay.has_value(), scene.divider);
  if (!pictures) return std::unexpected(pictures.error());
  auto video = record::Mp4Writer::open(plan.out, {plan.size.width, plan.size.height, plan.fps, plan.crf});
  if (!video) return std::unexpected(video.error());
  std::optional<record::PngSequence> pngs;
  if (!plan.pngDir.empty()) {
    auto created = record::PngSequence::create(plan.pngDir);
    if (!created) return std::unexpected(created.error());
    pngs.emplace(std::move(*created));
  }
  return std::unique_ptr<Recording>(
      new Recording(context, std::move(plan), std::move(scene), std::move(*video), std::move(pngs), std::move(*pictures)));
}

Recording::Recording(const gpu::Context& context, RecordingPlan plan, RecordingScene scene,
                     std::unique_ptr<record::Mp4Writer> video, std::optional<record::PngSequence> pngs,
                     std::unique_ptr<PictureRenderer> pictures)
    : plan_(std::move(plan)),
      scene_(std::move(scene)),
      video_(std::move(video)),
      pngs_(std::move(pngs)),
      pictures_(std::move(pictures)),
      initialLayers_{true, scene_.panes.front().content.style.outlines, scene_.panes.front().content.style.graticule},
      started_(std::chrono::steady_clock::now()),
      deviceName_(context.deviceName()) {
  pictures_->cacheStillBasemap(true);
  std::vector<record::FrameSink*> sinks{video_.get()};
  if (pngs_) sinks.push_back(&*pngs_);
  encoder_ = std::make_unique<record::AsyncSink>(sinks);
}

core::Result<bool> Recording::step() {
  if (next_ >= plan_.frames) return false;
  const auto start = std::chrono::steady_clock::now();
  const core::UtcMicros t = plan_.frameTime(next_);
  const double videoSeconds = double(next_) / plan_.fps;
  const timeline::Tour::Layers layers = scene_.tour.layersAt(videoSeconds, initialLayers_);
  const timeline::CameraPose camera = scene_.tour.empty() ? scene_.camera : scene_.tour.cameraAt(videoSeconds);
  PictureRenderer::Picture picture =
      pictures_->render({t, camera, plan_.size.width, plan_.size.height, videoSeconds, true}, &layers);
  core::Image image = std::move(picture.image);
  if (scene_.overlay) {
    scene_.overlay->paint(image, t, videoSeconds, plan_.videoSeconds(), scene_.tour.captionAt(videoSeconds),
                          picture.keepClear, picture.panes);
  }
  renderSeconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (auto queued = encoder_->write(std::move(image)); !queued) return std::unexpected(queued.error());
  ++next_;
  return next_ < plan_.frames;
}

core::Result<void> Recording::finish() { return encoder_->finish(); }

double Recording::framesPerSecond() const {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  return elapsed > 0 ? double(next_) / elapsed : 0;
}

double Recording::etaSeconds() const {
  const double rate = framesPerSecond();
  return rate > 0 ? double(plan_.frames - next_) / rate : 0;
}

std::string Recording::statistics() const {
  const double frames = double(std::max(1L, next_));
  char text[256];
  std::snprintf(text, sizeof text,
                "%.2f frames/s; per frame: render+readback+overlays %.0f ms (%ld frames drew only the ships "
                "over a kept basemap), encode %.0f ms on its own thread; rendering waited %.1f s for the "
                "encoder; on %s",
                framesPerSecond(), 1000 * renderSeconds_ / frames, pictures_->framesOverCachedBasemap(),
                1000 * encoder_->sinkSeconds() / frames, encoder_->waitSeconds(), deviceName_.c_str());
  return text;
}

}  // namespace corridor::app
