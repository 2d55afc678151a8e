#include "app/FrameContent.h"

#include <algorithm>
#include <cmath>

#include "geo/Longitude.h"
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
  if (content.ships) content.vessels->fill(frame, moment.time, moment.clock);
  if (content.plumes) {
    frame.ports = content.vessels->portLayerAt(moment.time, moment.camera, moment.animationSeconds,
                                               moment.waitForHeatmaps);
  }
  return frame;
}

timeline::CameraPose framePlaces(const std::vector<geo::LonLat>& places, scene::ViewMode mode, int width, int height) {
  // The box: the longitudes' complement of their widest gap, so it may cross 180 degrees.
  std::vector<double> lons;
  double south = 90, north = -90;
  for (const geo::LonLat& p : places) {
    lons.push_back(geo::normalizeLongitude(p.lon));
    south = std::min(south, p.lat);
    north = std::max(north, p.lat);
  }
  std::sort(lons.begin(), lons.end());
  double west = lons.front(), widestGap = lons.front() + 360 - lons.back();
  for (std::size_t i = 1; i < lons.size(); ++i) {
    if (lons[i] - lons[i - 1] > widestGap) {
      widestGap = lons[i] - lons[i - 1];
      west = lons[i];
    }
  }
  timeline::CameraPose camera;
  camera.lon = geo::normalizeLongitude(west + (360 - widestGap) / 2);
  camera.lat = (south + north) / 2;
  // The lowest altitude at which every place is on screen, 8 % in from each edge: on screen
  // only grows with altitude, so bisect it (in log space: altitudes span five decades).
  // Room on the right for the names: a sixth of the width, or a quarter of the height in a
  // narrow picture (a compared pane).
  const double nameRoom = std::max(0.16 * width, 0.25 * height);
  auto framed = [&](double altitude) {
    camera.altitude = altitude;
    const scene::View view = scene::makeView(camera, mode, width, height);
    return std::all_of(places.begin(), places.end(), [&](const geo::LonLat& p) {
      const scene::ScreenPoint at = scene::projectToScreen(view, p);
      // More room on the right, where port names run.
      return at.visible && at.x >= 0.08 * width && at.x <= width - nameRoom && at.y >= 0.1 * height && at.y <= 0.9 * height;
    });
  };
  double low = std::log(timeline::CameraPose::kMinAltitude), high = std::log(timeline::CameraPose::kMaxAltitude);
  for (int i = 0; i < 40; ++i) {
    const double middle = (low + high) / 2;
    (framed(std::exp(middle)) ? high : low) = middle;
  }
  camera.altitude = std::exp(high);
  return camera;
}

timeline::CameraPose startingCamera(const timeline::CameraPose& chosen, bool userChose, const VesselSource* vessels,
                                    scene::ViewMode mode, int width, int height) {
  if (userChose || !vessels) return chosen;
  const std::vector<geo::LonLat> places = vessels->corridorPlaces();
  return places.empty() ? chosen : framePlaces(places, mode, width, height);
}

std::vector<glm::vec2> portsOnScreen(const FrameContent& content, const scene::View& view) {
  std::vector<glm::vec2> points;
  if (!content.vessels) return points;
  for (const VesselSource::PortMark& port : content.vessels->ports()) {
    const scene::ScreenPoint at = scene::projectToScreen(view, port.position);
    if (at.visible) points.push_back({float(at.x), float(at.y)});
  }
  return points;
}

core::Result<LayerLabels> pictureLabels(const FrameContent& content, bool withPorts) {
  std::vector<LayerLabels::Place> ports;
  if (content.vessels && withPorts) {
    for (const VesselSource::PortMark& port : content.vessels->ports()) ports.push_back({port.position, port.name});
  }
  return LayerLabels::of(content.basemap, content.layers.value_or(content.basemap->layerStack), std::move(ports));
}

}  // namespace corridor::app
