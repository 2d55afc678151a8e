#pragma once
// What a recording burns into its frames: date, title card, source line, legend, captions.
#include <string>
#include <vector>

#include "core/Image.h"
#include "core/Result.h"
#include "core/Time.h"
#include "record/Overlay.h"
#include "scene/Basemap.h"

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
  std::vector<LegendEntry> legend;  // of the ships' colours, bottom right
  std::vector<LegendEntry> layers;  // the vector layers over the basemap, top right
};

// The legend entries of a basemap's vector layers: each layer's colour and name.
std::vector<LegendEntry> layerLegend(const scene::Basemap& basemap);

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
  // A legend box at the right, its top at `top` or, when `top` < 0, its bottom above the margin.
  void paintLegend(record::OverlayPainter& painter, float unit, int width, int height, const std::string& title,
                   const std::vector<LegendEntry>& entries, float top) const;

  OverlayContent content_;
  record::Font regular_, bold_;
};

}  // namespace corridor::app
