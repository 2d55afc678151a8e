#pragma once
// What a recording burns into its frames: date, title card, source line, legend, captions.
#include <string>
#include <vector>

#include "core/Image.h"
#include "core/Result.h"
#include "core/Time.h"
#include "record/Overlay.h"

namespace corridor::app {

struct LegendEntry {
  core::Rgba color;
  std::string label;
};

// What a recording burns into its frames, beyond the scene.
struct OverlayContent {
  std::string title;      // title card over the first seconds; empty: none
  std::string subtitle;   // under the title (scenario and variant)
  std::string source;     // bottom left, all along (scenario and variant, or the AIS files)
  std::string legendTitle;
  std::vector<LegendEntry> legend;
};

// Title card, UTC date and year, source line, legend and tour captions, laid out in units of
// the frame height so that a 4K video gets the same composition, crisper.
class VideoOverlay {
 public:
  static core::Result<VideoOverlay> create(OverlayContent content);
  void paint(core::Image& frame, core::UtcMicros time, double videoSeconds, double videoLength,
             const std::string& caption) const;

 private:
  VideoOverlay(OverlayContent content, record::Font regular, record::Font bold);
  void paintTitleCard(record::OverlayPainter& painter, float unit, int width, int height, float opacity) const;
  void paintLegend(record::OverlayPainter& painter, float unit, int width, int height) const;

  OverlayContent content_;
  record::Font regular_, bold_;
};

}  // namespace corridor::app
