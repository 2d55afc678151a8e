#include "app/VideoOverlay.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "scene/PortLayer.h"

namespace corridor::app {
namespace {

constexpr core::Rgba kWhite{255, 255, 255, 255};
constexpr core::Rgba kSoftWhite{215, 225, 235, 255};
constexpr core::Rgba kPanel{6, 12, 24, 255};
// A legend row's colour: a square swatch, or a wider bar for a ramp.
float swatchWidth(const LegendEntry& entry, float unit) { return (entry.ramp.empty() ? 26 : 110) * unit; }

constexpr core::Rgba kAccent{89, 209, 140, 255};  // the green of a green corridor
constexpr double kTitleSeconds = 3.0;
// The counter panel, in points of a 1080-pixel-high frame.
constexpr float kRow = 40, kValueSize = 30, kRowLabelSize = 22, kPaneTitleSize = 30, kPaneTitleRow = 48;

}  // namespace

core::Result<VideoOverlay> VideoOverlay::create(OverlayContent content) {
  auto regular = record::Font::dejaVu(false);
  if (!regular) return std::unexpected(regular.error());
  auto bold = record::Font::dejaVu(true);
  if (!bold) return std::unexpected(bold.error());
  return VideoOverlay(std::move(content), std::move(*regular), std::move(*bold));
}

std::vector<LegendEntry> layerLegend(const scene::Basemap& basemap, const std::vector<scene::LayerDraw>& stack) {
  std::vector<LegendEntry> entries;
  for (auto draw = stack.rbegin(); draw != stack.rend(); ++draw) {
    if (!draw->raster) {
      const scene::VectorLayer& layer = basemap.layers.at(draw->vector);
      const glm::vec3 color = layer.lines.style.color;
      entries.push_back({{std::uint8_t(color.r * 255), std::uint8_t(color.g * 255), std::uint8_t(color.b * 255), 255}, layer.name});
      continue;
    }
    const scene::RasterLayer& raster = *draw->raster;
    if (!raster.legend) {
      entries.push_back({{128, 128, 128, 255}, raster.name});
      continue;
    }
    const scene::RampLegend& ramp = *raster.legend;
    char range[64];
    std::snprintf(range, sizeof range, "%.4g to %.4g", ramp.minimum, ramp.maximum);
    std::string label = raster.name + ": " + ramp.band + " " + range;
    if (!ramp.unit.empty()) label += " " + ramp.unit;
    entries.push_back({ramp.colors.front(), std::move(label), ramp.colors});
  }
  return entries;
}

std::vector<LegendEntry> airLegend(sim::Pollutant pollutant) {
  auto rgba = [](const glm::vec4& c) {
    return core::Rgba{std::uint8_t(std::lround(c.r * 255)), std::uint8_t(std::lround(c.g * 255)),
                      std::uint8_t(std::lround(c.b * 255)), 255};
  };
  const scene::HeatmapScale scale = scene::heatmapScale(pollutant);
  LegendEntry ground{{}, "", {}, {}};
  const double decades = std::log10(scale.top / scale.bottom);
  constexpr int kStops = 16;
  for (int i = 0; i < kStops; ++i) {
    // Each stop over the sea, as the field shows there.
    const glm::vec4 c = scene::heatmapColor(scale.bottom * std::pow(10.0, decades * i / (kStops - 1)), scale);
    ground.ramp.push_back(rgba(glm::vec4(glm::vec3(c) * c.a + glm::vec3(0.05f, 0.13f, 0.22f) * (1 - c.a), 1.0f)));
  }
  char range[96];
  std::snprintf(range, sizeof range, "at ground, %g to %g \u00b5g/m\u00b3", scale.bottom, scale.top);
  ground.label = range;
  std::string ticks;
  for (const scene::HeatmapReference& reference : scale.references) {
    ground.marks.push_back(float(std::log10(reference.value / scale.bottom) / decades));
    char tick[48];
    std::snprintf(tick, sizeof tick, "%s%s %g", ticks.empty() ? "" : ", ", reference.label.c_str(), reference.value);
    ticks += tick;
  }
  ground.color = ground.ramp.back();
  std::vector<LegendEntry> entries{{rgba(scene::plumeColor(pollutant)), "plumes: ships in the port area", {}, {}}, ground};
  // The references on a line of their own under the ramp, without a swatch.
  if (!ticks.empty()) entries.push_back({{0, 0, 0, 0}, "ticks: " + ticks + " (annual)", {}, {}});
  return entries;
}

VideoOverlay::VideoOverlay(OverlayContent content, record::Font regular, record::Font bold)
    : content_(std::move(content)), regular_(std::move(regular)), bold_(std::move(bold)) {}

void VideoOverlay::paint(core::Image& frame, core::UtcMicros time, double videoSeconds, double videoLength,
                         const std::string& caption, const std::vector<record::ScreenBox>& keepClear,
                         const std::vector<PaneOverlay>& panes) const {
  record::OverlayPainter painter(frame);
  const float unit = float(frame.height) / 1080.0f;  // the layout is drawn for 1080p
  const int width = frame.width, height = frame.height;
  const float margin = 48 * unit;

  // Date: the year large, the day and time under it.
  const std::string iso = core::formatIso8601(time);
  const std::string day = iso.substr(0, 10) + "  " + iso.substr(11, 5) + " UTC";
  const float dayWidth = regular_.measure(day, 34 * unit);
  painter.rectangle(int(margin - 20 * unit), int(margin - 20 * unit), int(dayWidth + 40 * unit), int(150 * unit), kPanel,
                    0.55f);
  painter.text(bold_, iso.substr(0, 4), margin, margin + 64 * unit, 76 * unit, kWhite);
  painter.text(regular_, day, margin, margin + 112 * unit, 34 * unit, kSoftWhite);

  // The title card over the first seconds, fading during its last half second (or third, if
  // shorter); a lower third carries the source line, which shows again as the card fades.
  const double titleEnd = std::min(kTitleSeconds, 0.3 * videoLength);
  const double fade = std::min(0.5, titleEnd / 3);
  const float titleOpacity = content_.title.empty() || videoSeconds >= titleEnd
                                 ? 0.0f
                                 : float(std::clamp((titleEnd - videoSeconds) / fade, 0.0, 1.0));
  const bool lowerThird = content_.titleStyle == TitleStyle::LowerThird;
  if (!content_.source.empty()) {
    painter.text(regular_, content_.source, margin, float(height) - margin, 28 * unit, kSoftWhite,
                 0.9f * (lowerThird ? 1.0f - titleOpacity : 1.0f));
  }
  const float layersTop = margin - 20 * unit;
  const Placement place = placeBoxes(unit, width, height, layersTop + dayWidth + 40 * unit, keepClear, panes);
  paintLegend(painter, unit, width, "Layers", content_.layers, layersTop);
  paintLegend(painter, unit, width, content_.airTitle, content_.air, place.airTop);
  paintLegend(painter, unit, width, content_.legendTitle, content_.legend, place.shipsTop);
  // Panels at the bottom give way to a lower-third title card, and show as it fades.
  const float panelOpacity = place.panelsAtBottom && lowerThird ? 1.0f - titleOpacity : 1.0f;
  for (std::size_t i = 0; i < panes.size(); ++i) paintPanel(painter, unit, panes[i], place.panels[i], panelOpacity);
  if (!caption.empty()) {
    const float size = 42 * unit, captionWidth = regular_.measure(caption, size);
    const float x = (float(width) - captionWidth) / 2, baseline = float(height) - 150 * unit;
    painter.rectangle(int(x - 28 * unit), int(baseline - size - 6 * unit), int(captionWidth + 56 * unit),
                      int(size + 36 * unit), kPanel, 0.6f);
    painter.text(regular_, caption, x, baseline, size, kWhite);
  }
  if (titleOpacity > 0) paintTitleCard(painter, unit, width, height, titleOpacity);
}

// Where the boxes go. The counter panels: under the date at the top left of their panes, in
// the top row beside it, or at the bottom left. The ships' legend, with the air legend above
// it: at the bottom right, under the layers' legend at the top right, or the air legend there
// and the ships' at the bottom. Each takes the place that covers the fewest places to keep
// clear (ties: the first), and never another box.
VideoOverlay::Placement VideoOverlay::placeBoxes(float unit, int width, int height, float dateRight,
                                                 const std::vector<record::ScreenBox>& keepClear,
                                                 const std::vector<PaneOverlay>& panes) const {
  const float margin = 48 * unit, gap = 16 * unit, layersTop = margin - 20 * unit;
  constexpr long kBlocked = 1000;  // the cost of covering another box
  auto covered = [&](const record::ScreenBox& box) {
    return long(std::count_if(keepClear.begin(), keepClear.end(),
                              [&](const record::ScreenBox& place) { return box.grown(gap).overlaps(place); }));
  };
  const record::ScreenBox layers{float(width) - margin - legendWidth(unit, "Layers", content_.layers), layersTop,
                                 float(width) - margin, layersTop + legendHeight(unit, content_.layers)};
  enum class PanelRow { UnderDate, BesideDate, Bottom };
  auto panelBoxes = [&](PanelRow row) {
    std::vector<record::ScreenBox> boxes;
    for (const PaneOverlay& pane : panes) {
      const glm::vec2 size = panelSize(unit, pane);
      float left = float(pane.left) + layersTop, top = layersTop + 150 * unit + gap;
      if (row == PanelRow::BesideDate) {
        top = layersTop;
        if (pane.left == 0) left = dateRight + gap;
      } else if (row == PanelRow::Bottom) {
        top = float(height) - margin - 48 * unit - size.y;
      }
      boxes.push_back({left, top, left + size.x, top + size.y});
    }
    return boxes;
  };
  auto panelCost = [&](const std::vector<record::ScreenBox>& boxes) {
    long cost = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      const record::ScreenBox& box = boxes[i];
      if (box.bottom <= box.top) continue;  // no panel in this pane
      cost += covered(box);
      const bool outside = box.right > float(panes[i].right) - gap;
      const bool onLayers = !content_.layers.empty() && box.grown(gap).overlaps(layers);
      cost += outside || onLayers ? kBlocked : 0;
    }
    return cost;
  };
  Placement place;
  long fewest = -1;
  for (const PanelRow row : {PanelRow::UnderDate, PanelRow::BesideDate, PanelRow::Bottom}) {
    std::vector<record::ScreenBox> boxes = panelBoxes(row);
    const long cost = panelCost(boxes);
    if (fewest >= 0 && cost >= fewest) continue;
    fewest = cost;
    place.panels = std::move(boxes);
    place.panelsAtBottom = row == PanelRow::Bottom;
  }
  // The legends: stacked at the bottom right, stacked at the top right, or split between the two
  // (the air legend at the top, the ships' at the bottom).
  const float shipsHeight = legendHeight(unit, content_.legend), airHeight = legendHeight(unit, content_.air);
  const float shipsWidth = legendWidth(unit, content_.legendTitle, content_.legend);
  const float airWidth = legendWidth(unit, content_.airTitle, content_.air);
  const float bottom = float(height) - margin;
  const float underLayers = layersTop + legendHeight(unit, content_.layers) + (content_.layers.empty() ? 0 : gap);
  const float between = shipsHeight > 0 && airHeight > 0 ? gap : 0;
  const std::pair<float, float> choices[] = {  // the air legend's top, the ships'
      {bottom - shipsHeight - between - airHeight, bottom - shipsHeight},
      {underLayers, underLayers + airHeight + between},
      {underLayers, bottom - shipsHeight}};
  auto boxAt = [&](float top, float boxWidth, float boxHeight) {
    return record::ScreenBox{float(width) - margin - boxWidth, top, float(width) - margin, top + boxHeight};
  };
  fewest = -1;
  for (const auto& [airTop, shipsTop] : choices) {
    long cost = 0;
    for (const record::ScreenBox& legend : {boxAt(airTop, airWidth, airHeight), boxAt(shipsTop, shipsWidth, shipsHeight)}) {
      if (legend.bottom <= legend.top) continue;  // no such legend
      const bool onPanel = std::any_of(place.panels.begin(), place.panels.end(), [&](const record::ScreenBox& panel) {
        return panel.bottom > panel.top && legend.overlaps(panel);
      });
      cost += covered(legend) + (onPanel ? kBlocked : 0);
    }
    if (fewest >= 0 && cost >= fewest) continue;
    fewest = cost;
    place.airTop = airTop;
    place.shipsTop = shipsTop;
  }
  return place;
}

float VideoOverlay::valueColumnWidth(float unit, const PaneOverlay& pane) const {
  float width = 0;
  for (const HeadlineRow& line : pane.headline) width = std::max(width, bold_.measure(line.value, kValueSize * unit));
  return width;
}

glm::vec2 VideoOverlay::panelSize(float unit, const PaneOverlay& pane) const {
  if (pane.label.empty() && pane.headline.empty()) return {0, 0};
  const float valueWidth = valueColumnWidth(unit, pane);
  float labelWidth = 0;
  for (const HeadlineRow& line : pane.headline) {
    labelWidth = std::max(labelWidth, regular_.measure(line.label, kRowLabelSize * unit));
  }
  const float width = std::max(valueWidth + 14 * unit + labelWidth, bold_.measure(pane.label, kPaneTitleSize * unit)) +
                      44 * unit;
  return {width, (pane.label.empty() ? 0 : kPaneTitleRow * unit) + kRow * unit * float(pane.headline.size()) + 26 * unit};
}

// A pane's label over its counter panel: the numbers bold and right-aligned in one column (they
// tick as the clock moves and must not jitter), what they count beside them.
void VideoOverlay::paintPanel(record::OverlayPainter& painter, float unit, const PaneOverlay& pane,
                              const record::ScreenBox& box, float opacity) const {
  const glm::vec2 size = panelSize(unit, pane);
  if (size.y == 0 || opacity <= 0) return;
  const float left = box.left, top = box.top;
  painter.rectangle(int(left), int(top), int(size.x), int(size.y), kPanel, 0.6f * opacity);
  if (!pane.label.empty()) {
    painter.rectangle(int(left), int(top), int(8 * unit), int(size.y), pane.color, opacity);
    painter.text(bold_, pane.label, left + 24 * unit, top + 40 * unit, kPaneTitleSize * unit, kWhite, opacity);
  }
  const float valueWidth = valueColumnWidth(unit, pane);
  float baseline = top + (pane.label.empty() ? 0 : kPaneTitleRow * unit) + 12 * unit + kValueSize * unit;
  for (const HeadlineRow& line : pane.headline) {
    const float valueLeft = left + 24 * unit + valueWidth - bold_.measure(line.value, kValueSize * unit);
    painter.text(bold_, line.value, valueLeft, baseline, kValueSize * unit, kWhite, opacity);
    painter.text(regular_, line.label, left + 24 * unit + valueWidth + 14 * unit, baseline, kRowLabelSize * unit, kSoftWhite,
                 opacity);
    baseline += kRow * unit;
  }
}

void VideoOverlay::paintTitleCard(record::OverlayPainter& painter, float unit, int width, int height,
                                  float opacity) const {
  if (content_.titleStyle == TitleStyle::Full) {
    painter.rectangle(0, 0, width, height, kPanel, 0.85f * opacity);
    const float titleSize = 96 * unit, subtitleSize = 40 * unit, middle = float(height) / 2;
    painter.text(bold_, content_.title, (float(width) - bold_.measure(content_.title, titleSize)) / 2, middle,
                 titleSize, kWhite, opacity);
    painter.text(regular_, content_.subtitle, (float(width) - regular_.measure(content_.subtitle, subtitleSize)) / 2,
                 middle + 70 * unit, subtitleSize, kSoftWhite, opacity);
    return;
  }
  // Lower third: a panel with a green accent at the bottom left, over the source line.
  const float titleSize = 60 * unit, subtitleSize = 30 * unit, margin = 48 * unit;
  const float textWidth = std::max(bold_.measure(content_.title, titleSize), regular_.measure(content_.subtitle, subtitleSize));
  const float boxHeight = 130 * unit, top = float(height) - margin - 50 * unit - boxHeight;
  painter.rectangle(int(margin - 20 * unit), int(top), int(textWidth + 60 * unit), int(boxHeight), kPanel, 0.75f * opacity);
  painter.rectangle(int(margin - 20 * unit), int(top), int(8 * unit), int(boxHeight), kAccent, opacity);
  painter.text(bold_, content_.title, margin + 10 * unit, top + 70 * unit, titleSize, kWhite, opacity);
  painter.text(regular_, content_.subtitle, margin + 10 * unit, top + 112 * unit, subtitleSize, kSoftWhite, opacity);
}

float VideoOverlay::legendHeight(float unit, const std::vector<LegendEntry>& entries) const {
  return entries.empty() ? 0.0f : 40 * unit * float(entries.size() + 1) + 30 * unit;
}

float VideoOverlay::legendWidth(float unit, const std::string& title, const std::vector<LegendEntry>& entries) const {
  if (entries.empty()) return 0;
  const float labelSize = 27 * unit;
  float labelWidth = bold_.measure(title, labelSize);
  for (const LegendEntry& entry : entries) {
    labelWidth = std::max(labelWidth, swatchWidth(entry, unit) + 18 * unit + regular_.measure(entry.label, labelSize));
  }
  return labelWidth + 40 * unit;
}

void VideoOverlay::paintLegend(record::OverlayPainter& painter, float unit, int width, const std::string& title,
                               const std::vector<LegendEntry>& entries, float top) const {
  if (entries.empty()) return;
  const float row = 40 * unit, labelSize = 27 * unit, margin = 48 * unit;
  const float swatch = 26 * unit;
  const float boxWidth = legendWidth(unit, title, entries), boxHeight = legendHeight(unit, entries);
  const float left = float(width) - margin - boxWidth;
  painter.rectangle(int(left), int(top), int(boxWidth), int(boxHeight), kPanel, 0.55f);
  float baseline = top + 20 * unit + labelSize;
  painter.text(bold_, title, left + 20 * unit, baseline, labelSize, kWhite);
  for (const LegendEntry& entry : entries) {
    baseline += row;
    const float x = left + 20 * unit, y = baseline - 22 * unit;
    if (entry.ramp.empty()) {
      painter.rectangle(int(x), int(y), int(swatch), int(swatch), entry.color);
    } else {
      // The ramp as a bar of one-pixel columns, low values at the left, blended between stops.
      const float rampWidth = swatchWidth(entry, unit);
      const int columns = int(rampWidth);
      for (int column = 0; column < columns; ++column) {
        const double position = double(column) / double(std::max(columns - 1, 1)) * double(entry.ramp.size() - 1);
        const std::size_t low = std::min(std::size_t(position), entry.ramp.size() - 1);
        const std::size_t high = std::min(low + 1, entry.ramp.size() - 1);
        const double f = position - double(low);
        core::Rgba color{};
        for (int c = 0; c < 4; ++c) color[c] = std::uint8_t(std::lround(entry.ramp[low][c] * (1 - f) + entry.ramp[high][c] * f));
        painter.rectangle(int(x) + column, int(y), 1, int(swatch), color);
      }
      for (const float mark : entry.marks) {  // a white tick with a dark edge, readable on any colour
        const int at = int(x + mark * (rampWidth - 1));
        painter.rectangle(at - 1, int(y - 4 * unit), 4, int(swatch + 8 * unit), kPanel);
        painter.rectangle(at, int(y - 4 * unit), 2, int(swatch + 8 * unit), kWhite);
      }
    }
    painter.text(regular_, entry.label, x + swatchWidth(entry, unit) + 18 * unit, baseline, labelSize, kSoftWhite);
  }
}

}  // namespace corridor::app
