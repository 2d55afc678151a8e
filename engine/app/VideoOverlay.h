#pragma once
// What a recording burns into its frames: date, title card, source line, legend, captions.
#include <string>
#include <vector>

#include "app/Headline.h"
#include "core/Image.h"
#include "core/Result.h"
#include "core/Time.h"
#include "record/Overlay.h"
#include "scene/Basemap.h"
#include "sim/EmissionModel.h"

namespace corridor::app {

struct LegendEntry {
  core::Rgba color;
  std::string label;
  std::vector<core::Rgba> ramp;  // not empty: a colour ramp drawn as a bar instead of the swatch
  std::vector<float> marks;      // places along the ramp (0..1) ticked on the bar
};

// How the title card shows over the first seconds: a lower third (bottom left, the scene stays
// in view) or the whole frame darkened under it.
enum class TitleStyle { LowerThird, Full };

// What a recording burns into its frames, beyond the scene.
struct OverlayContent {
  std::string title;      // title card over the first seconds; empty: none
  TitleStyle titleStyle = TitleStyle::LowerThird;
  std::string subtitle;   // under the title (scenario and variant)
  std::string source;     // bottom left, all along (scenario and variant, or the AIS files)
  std::string legendTitle;
  std::vector<LegendEntry> legend;  // of the ships' colours, bottom right
  std::vector<LegendEntry> layers;  // the vector layers over the basemap, top right
  std::string airTitle;             // the pollutant of the port plumes and heatmaps
  std::vector<LegendEntry> air;     // their legend, bottom right above the ships'
};

// A pane of the frame as the overlay labels it: one for a single view, two when variants are
// compared.
struct PaneOverlay {
  int left = 0, right = 0;            // its columns
  std::string label;                  // empty: not labelled (a single view)
  core::Rgba color{};                 // the label's accent
  std::vector<HeadlineRow> headline;  // empty: no counter panel
};

// The legend of the port plumes and ground-concentration heatmaps of a pollutant: the plume's
// colour, and the heatmap's fixed scale as a ramp with its unit and the air-quality references
// ticked on it.
std::vector<LegendEntry> airLegend(sim::Pollutant pollutant);

// The legend of a layer stack, top layer first: a vector layer's colour and name; a raster's
// ramp, name, band, range and unit (or its name alone for RGB imagery).
std::vector<LegendEntry> layerLegend(const scene::Basemap& basemap, const std::vector<scene::LayerDraw>& stack);
inline std::vector<LegendEntry> layerLegend(const scene::Basemap& basemap) {
  return layerLegend(basemap, basemap.layerStack);
}

// Title card, UTC date and year, source line, legend and tour captions, laid out in units of
// the frame height so that a 4K video gets the same composition, crisper.
class VideoOverlay {
 public:
  static core::Result<VideoOverlay> create(OverlayContent content);
  // `keepClear`: places on the frame (the ports and their names) that the ships' and air
  // legends must not cover: at the bottom right by default, they move to the top right, under
  // the layers' legend, when that covers fewer of them.
  // `panes`: each pane's label and counter panel, at the top left of its pane (under or
  // beside the date) or at the bottom left, wherever they cover fewest places to keep clear.
  void paint(core::Image& frame, core::UtcMicros time, double videoSeconds, double videoLength,
             const std::string& caption, const std::vector<record::ScreenBox>& keepClear = {},
             const std::vector<PaneOverlay>& panes = {}) const;

 private:
  VideoOverlay(OverlayContent content, record::Font regular, record::Font bold);
  struct Placement {
    std::vector<record::ScreenBox> panels;  // per pane
    bool panelsAtBottom = false;
    float airTop = 0, shipsTop = 0;  // of the air legend and the ships' legend
  };
  Placement placeBoxes(float unit, int width, int height, float dateRight, const std::vector<record::ScreenBox>& keepClear,
                       const std::vector<PaneOverlay>& panes) const;
  // A pane's counter panel: the width of its numbers' column, its size, and the panel painted
  // with its top at `top`.
  float valueColumnWidth(float unit, const PaneOverlay& pane) const;
  glm::vec2 panelSize(float unit, const PaneOverlay& pane) const;
  void paintPanel(record::OverlayPainter& painter, float unit, const PaneOverlay& pane, const record::ScreenBox& box,
                  float opacity) const;
  void paintTitleCard(record::OverlayPainter& painter, float unit, int width, int height, float opacity) const;
  // A legend box's size (0 for no entries), and the box drawn at the right with its top at `top`.
  float legendHeight(float unit, const std::vector<LegendEntry>& entries) const;
  float legendWidth(float unit, const std::string& title, const std::vector<LegendEntry>& entries) const;
  void paintLegend(record::OverlayPainter& painter, float unit, int width, const std::string& title,
                   const std::vector<LegendEntry>& entries, float top) const;

  OverlayContent content_;
  record::Font regular_, bold_;
};

}  // namespace corridor::app
