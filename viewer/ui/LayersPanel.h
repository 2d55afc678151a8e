#pragma once
#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/MapLayers.h"
#include "app/VideoOverlay.h"
#include "scene/Basemap.h"
#include "timeline/CameraPose.h"

namespace corridor::ui {

// The analyst's layers over the basemap: add a file by path, show or hide each layer, move it
// up or down the stack, fade it, change a raster's ramp and range or a vector layer's label
// field, zoom to it, and see its legend. Reading happens in the background (a large raster may
// build its overviews first); the panel says so meanwhile.
class LayersPanel {
 public:
  // The layers given on the command line (`texts`, as --layer took them), in `basemap`'s stack.
  LayersPanel(const scene::Basemap& basemap, std::vector<std::string> texts);

  // What a frame of the panel changed beyond the stack.
  struct Changes {
    std::shared_ptr<const scene::Basemap> basemap;  // a vector layer added or relabelled
    std::optional<timeline::CameraPose> flyTo;      // "zoom to layer"
  };
  Changes draw(const std::shared_ptr<const scene::Basemap>& basemap, double aspect);

  // The visible layers, bottom first, each at its opacity: what frames and recordings draw.
  const std::vector<scene::LayerDraw>& stack() const { return stack_; }
  bool changed() { return std::exchange(changed_, false); }  // since the last call: the legend follows

 private:
  struct Entry {
    std::string name;
    bool visible = true;
    float opacity = 1.0f;
    std::shared_ptr<const scene::RasterLayer> raster;  // or the basemap's vector layer:
    std::size_t vector = 0;
    std::optional<app::RasterLayerRequest> rasterRequest;
    std::optional<app::LayerRequest> vectorRequest;
    int ramp = 0;  // index into the ramp names
    float range[2] = {0, 1};
    char label[64] = "";
  };
  // A read in the background, and what to do with it: add an entry, or replace one.
  struct Pending {
    std::future<core::Result<app::LoadedLayer>> result;
    std::optional<std::size_t> replaces;
    std::shared_ptr<std::atomic<int>> percent;  // of building overviews; -1 while only reading
  };

  Entry entryFor(const app::LoadedLayer& layer, std::size_t vectorIndex) const;
  using Read = std::function<core::Result<app::LoadedLayer>(const app::LayerProgress&)>;
  void start(Read read, std::optional<std::size_t> replaces);
  std::shared_ptr<const scene::Basemap> finishPending(const std::shared_ptr<const scene::Basemap>& basemap);
  std::optional<timeline::CameraPose> drawEntry(std::size_t index, const scene::Basemap& basemap, double aspect);
  void rebuildStack();

  std::vector<Entry> entries_;  // bottom first
  std::vector<scene::LayerDraw> stack_;
  std::optional<Pending> pending_;
  char path_[512] = "";
  std::string status_;
  bool changed_ = true;
};

}  // namespace corridor::ui
