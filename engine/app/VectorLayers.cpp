#include "app/VectorLayers.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "app/TextParsers.h"
#include "io/LandGeometry.h"

namespace corridor::app {
namespace {

constexpr std::array<glm::vec3, 7> kPalette{{{0.902f, 0.624f, 0.0f},
                                             {0.337f, 0.706f, 0.914f},
                                             {0.0f, 0.620f, 0.451f},
                                             {0.941f, 0.894f, 0.259f},
                                             {0.0f, 0.447f, 0.698f},
                                             {0.835f, 0.369f, 0.0f},
                                             {0.800f, 0.475f, 0.655f}}};

bool parseColor(const std::string& text, glm::vec3& color) {
  if (text.size() != 7 || text[0] != '#') return false;
  for (int i = 0; i < 3; ++i) {
    unsigned value = 0;
    const char* digits = text.data() + 1 + 2 * i;
    const auto [end, error] = std::from_chars(digits, digits + 2, value, 16);
    if (error != std::errc() || end != digits + 2) return false;
    color[i] = float(value) / 255.0f;
  }
  return true;
}

}  // namespace

core::Result<LayerRequest> parseLayer(const std::string& text, std::size_t index) {
  const auto [location, style] = splitLayerStyle(text);
  glm::vec3 color = kPalette[index % kPalette.size()];
  double opacity = 0.35, width = 1.5;
  std::string labelField;
  auto bad = [&](const std::string& what) { return core::usageError("--layer '" + text + "': " + what); };
  for (const auto& [key, value] : styleItems(style)) {
    if (key == "color") {
      if (!parseColor(value, color)) return bad("color must be #RRGGBB, not '" + value + "'");
    } else if (key == "opacity") {
      if (!parseNumber(value, opacity) || opacity < 0 || opacity > 1) return bad("opacity must be within 0..1");
    } else if (key == "label") {
      if (value.empty()) return bad("label needs a field name");
      labelField = value;
    } else if (key == "width") {
      if (!parseNumber(value, width) || width < 0.5 || width > 20) return bad("width must be within 0.5..20 pixels");
    } else {
      return bad("unknown style '" + key + "' for a vector layer (expected color=#RRGGBB, opacity=0..1, width=PIXELS, label=FIELD)");
    }
  }
  return LayerRequest{io::parseVectorSource(location), labelField, glm::vec4(color, float(opacity)),
                      {glm::vec4(color, 0.9f), float(width)}};
}

core::Result<scene::VectorLayerInput> loadVectorLayer(const LayerRequest& request) {
  auto data = io::readVector(request.source, true, request.labelField);
  if (!data) return std::unexpected(data.error());
  scene::VectorLayerInput layer;
  layer.name = request.source.path.filename().string();
  if (!request.source.layer.empty()) layer.name += ":" + request.source.layer;
  layer.fillColor = request.fillColor;
  layer.line = request.line;
  layer.points = std::move(data->points);
  for (io::VectorData::Label& label : data->labels) layer.labels.push_back({label.at, std::move(label.text)});
  if (!data->polygons.empty() || !data->lines.empty()) {
    auto geometry = io::landGeometry(*data);
    if (!geometry) return std::unexpected(geometry.error());
    layer.geometry = std::move(*geometry);
  }
  return layer;
}

core::Result<LayerLabels> LayerLabels::of(std::shared_ptr<const scene::Basemap> basemap,
                                          const std::vector<scene::LayerDraw>& stack, std::vector<Place> ports) {
  std::vector<std::size_t> labelled;
  for (auto draw = stack.rbegin(); draw != stack.rend(); ++draw) {
    if (!draw->raster && !basemap->layers.at(draw->vector).labels.empty()) labelled.push_back(draw->vector);
  }
  if (labelled.empty() && ports.empty()) return LayerLabels(std::move(basemap), {}, {}, std::nullopt, std::nullopt);
  auto font = record::Font::dejaVu(false);
  if (!font) return std::unexpected(font.error());
  auto bold = record::Font::dejaVu(true);
  if (!bold) return std::unexpected(bold.error());
  return LayerLabels(std::move(basemap), std::move(labelled), std::move(ports), std::move(*font), std::move(*bold));
}

LayerLabels::LayerLabels(std::shared_ptr<const scene::Basemap> basemap, std::vector<std::size_t> labelled,
                         std::vector<Place> ports, std::optional<record::Font> font, std::optional<record::Font> bold)
    : basemap_(std::move(basemap)),
      labelled_(std::move(labelled)),
      ports_(std::move(ports)),
      bold_(std::move(bold)),
      font_(std::move(font)) {}

std::vector<record::ScreenBox> LayerLabels::paint(core::Image& picture, const scene::View& view) const {
  std::vector<record::ScreenBox> placed, painted;  // the names alone; the names with their dots
  if (!font_) return painted;
  record::OverlayPainter painter(picture);
  const float scale = float(picture.height) / 1080.0f;  // the layout is drawn for 1080p
  // A name beside its place (up and right first) where it covers none already there; a place
  // with no free side is left out, dot and all.
  auto label = [&](const record::Font& font, const geo::LonLat& at, const std::string& text, float size, bool dot) {
    const scene::ScreenPoint screen = scene::projectToScreen(view, at);
    if (!screen.visible) return;
    const float gap = size * 0.4f;
    const auto beside = record::placeBeside(float(screen.x), float(screen.y), font.measure(text, size), size, gap,
                                            gap, float(picture.width), placed);
    if (!beside) return;
    const record::ScreenBox box = *beside;
    placed.push_back(box);
    painted.push_back(box);
    if (dot) {
      const int radius = std::max(2, int(std::lround(3 * scale)));
      painter.rectangle(int(screen.x) - radius - 1, int(screen.y) - radius - 1, 2 * radius + 2, 2 * radius + 2, {0, 0, 0, 255}, 0.8f);
      painter.rectangle(int(screen.x) - radius, int(screen.y) - radius, 2 * radius, 2 * radius, {240, 244, 248, 255});
      painted.back().left = std::min(box.left, float(screen.x) - float(radius));
      painted.back().right = std::max(box.right, float(screen.x) + float(radius));
      painted.back().bottom = float(screen.y) + float(radius);
    }
    painter.text(font, text, box.left + 1, box.bottom + 1 - size * 0.2f, size, {0, 0, 0, 255}, 0.8f);
    painter.text(font, text, box.left, box.bottom - size * 0.2f, size, {240, 244, 248, 255});
  };
  for (const auto& [at, text] : ports_) label(*bold_, at, text, std::max(14.0f, 22.0f * scale), true);
  for (const std::size_t index : labelled_) {
    for (const auto& [at, text] : basemap_->layers[index].labels) label(*font_, at, text, std::max(13.0f, 20.0f * scale), false);
  }
  return painted;
}

}  // namespace corridor::app
