#pragma once
// An analyst's vector dataset drawn as a styled layer over the basemap (not as land).
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "core/Result.h"
#include "io/VectorReader.h"
#include "core/Image.h"
#include "record/Overlay.h"
#include "scene/Basemap.h"
#include "scene/View.h"

namespace corridor::app {

// What --layer asks for: PATH[:LAYER][:color=#RRGGBB,opacity=O,width=W,label=FIELD].
struct LayerRequest {
  io::VectorSource source;
  std::string labelField;  // empty: no labels
  glm::vec4 fillColor;    // the colour at the fill's opacity
  scene::LineStyle line;  // the colour nearly opaque, at the width
};

// Unset colours come from a palette by the layer's place on the command line (Okabe-Ito:
// orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, then again); the fill
// opacity defaults to 0.35 and the line width to 1.5 pixels. A bad style is a usage error
// naming the option.
core::Result<LayerRequest> parseLayer(const std::string& text, std::size_t index);

// Reads and prepares the layer (polygons triangulated at the land's levels of detail, lines and
// points as they are); data errors name the file.
core::Result<scene::VectorLayerInput> loadVectorLayer(const LayerRequest& request);

// Names at places, painted over rendered pictures: the ports first (bold, with a dot), then the
// labels of the basemap's vector layers. DejaVu, white on a dark shadow, sized with the
// picture's height; a label that would overlap one already painted is left out, as in the
// viewer. The fonts are loaded only when there is something to name.
class LayerLabels {
 public:
  using Place = std::pair<geo::LonLat, std::string>;
  // The labels of the vector layers in `stack` (hidden layers have none) and the `ports`.
  static core::Result<LayerLabels> of(std::shared_ptr<const scene::Basemap> basemap,
                                      const std::vector<scene::LayerDraw>& stack, std::vector<Place> ports = {});
  static core::Result<LayerLabels> of(std::shared_ptr<const scene::Basemap> basemap) {
    const auto stack = basemap->layerStack;
    return of(std::move(basemap), stack);
  }
  // Returns where it painted (each name with its dot): what the overlays keep clear of.
  std::vector<record::ScreenBox> paint(core::Image& picture, const scene::View& view) const;

 private:
  LayerLabels(std::shared_ptr<const scene::Basemap> basemap, std::vector<std::size_t> labelled,
              std::vector<Place> ports, std::optional<record::Font> font, std::optional<record::Font> bold);
  std::shared_ptr<const scene::Basemap> basemap_;
  std::vector<std::size_t> labelled_;  // indices of Basemap::layers, top of the stack first
  std::vector<Place> ports_;
  std::optional<record::Font> bold_;
  std::optional<record::Font> font_;
};

}  // namespace corridor::app
