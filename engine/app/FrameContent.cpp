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

}  // namespace corridor::app
