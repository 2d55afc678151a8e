#include "app/VectorLayers.h"

#include <array>
#include <charconv>
#include <cmath>

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

bool parseNumber(const std::string& text, double& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

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
  std::string location = text, style;
  if (const std::size_t colon = text.rfind(':'); colon != std::string::npos && text.find('=', colon) != std::string::npos) {
    location = text.substr(0, colon);
    style = text.substr(colon + 1);
  }
  glm::vec3 color = kPalette[index % kPalette.size()];
  double opacity = 0.35, width = 1.5;
  auto bad = [&](const std::string& what) { return core::usageError("--layer '" + text + "': " + what); };
  for (std::size_t start = 0; start < style.size();) {
    const std::size_t comma = std::min(style.find(',', start), style.size());
    const std::string item = style.substr(start, comma - start);
    start = comma + 1;
    const std::size_t equals = item.find('=');
    const std::string key = item.substr(0, equals), value = equals == std::string::npos ? "" : item.substr(equals + 1);
    if (key == "color") {
      if (!parseColor(value, color)) return bad("color must be #RRGGBB, not '" + value + "'");
    } else if (key == "opacity") {
      if (!parseNumber(value, opacity) || opacity < 0 || opacity > 1) return bad("opacity must be within 0..1");
    } else if (key == "width") {
      if (!parseNumber(value, width) || width < 0.5 || width > 20) return bad("width must be within 0.5..20 pixels");
    } else {
      return bad("unknown style '" + key + "' (expected color=#RRGGBB, opacity=0..1, width=PIXELS)");
    }
  }
  return LayerRequest{io::parseVectorSource(location), glm::vec4(color, float(opacity)),
                      {glm::vec4(color, 0.9f), float(width)}};
}

core::Result<scene::VectorLayerInput> loadVectorLayer(const LayerRequest& request) {
  auto data = io::readVector(request.source, true);
  if (!data) return std::unexpected(data.error());
  scene::VectorLayerInput layer;
  layer.name = request.source.path.filename().string();
  if (!request.source.layer.empty()) layer.name += ":" + request.source.layer;
  layer.fillColor = request.fillColor;
  layer.line = request.line;
  layer.points = std::move(data->points);
  if (!data->polygons.empty() || !data->lines.empty()) {
    auto geometry = io::landGeometry(*data);
    if (!geometry) return std::unexpected(geometry.error());
    layer.geometry = std::move(*geometry);
  }
  return layer;
}

}  // namespace corridor::app
