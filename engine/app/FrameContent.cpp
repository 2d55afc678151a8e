#include "app/FrameContent.h"

#include "geo/Sun.h"

namespace corridor::app {

scene::Frame composeFrame(const FrameContent& content, const FrameMoment& moment) {
  scene::Frame frame;
  frame.view = scene::makeView(moment.camera, content.mode, moment.width, moment.height);
  frame.basemap = content.basemap;
  if (content.layers) {
    frame.layers = *content.layers;
  } else if (content.basemap) {
    frame.layers = content.basemap->layerStack;
  }
  frame.waitForTiles = moment.waitForTiles;
  frame.style = content.style;
  frame.subsolarPoint = geo::subsolarPoint(moment.time);
  frame.time = moment.time;
  if (!content.vessels) return frame;
  if (content.ships) content.vessels->fill(frame, moment.time);
  if (content.plumes) {
    frame.ports = content.vessels->portLayerAt(moment.time, moment.camera, moment.animationSeconds,
                                               moment.waitForHeatmaps);
  }
  return frame;
}

core::Result<LayerLabels> pictureLabels(const FrameContent& content, bool withPorts) {
  std::vector<LayerLabels::Place> ports;
  if (content.vessels && withPorts) {
    for (const VesselSource::PortMark& port : content.vessels->ports()) ports.push_back({port.position, port.name});
  }
  return LayerLabels::of(content.basemap, content.layers.value_or(content.basemap->layerStack), std::move(ports));
}

}  // namespace corridor::app
