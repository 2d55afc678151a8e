// Playback frame time against the number of vessels and the trail length: synthetic ships on
// trans-Pacific great circles (the deck.gl TripsLayer workload of shared/BENCHMARKS.md),
// drawn over an empty basemap at 1280x720; baseline: the same frame with no vessels.
//
//   corridor_bench_vessels [FRAMES]      (default 10)
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include "core/Stopwatch.h"
#include "geo/Geodesic.h"
#include "gpu/Context.h"
#include "render/OffscreenRenderer.h"

namespace {

using namespace corridor;

// N ships between LA and Tokyo, bent by up to +-8 degrees of latitude, each with a trail of
// `samples` points covering `trailFraction` of its crossing.
std::shared_ptr<scene::VesselLayer> synthetic(int ships, int samples, double trailFraction) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const geo::LonLat la{-118.27, 33.74}, tokyo{139.77, 35.62};
  auto layer = std::make_shared<scene::VesselLayer>();
  for (int s = 0; s < ships; ++s) {
    const double bend = (unit(random) - 0.5) * 16.0, head = unit(random);
    const glm::vec4 color = scene::fuelColor(sim::Fuel(s % sim::kFuelCount));
    auto at = [&](double f) {
      geo::LonLat p = geo::geodesicInterpolate(la, tokyo, std::clamp(f, 0.0, 1.0));
      p.lat += bend * std::sin(3.14159265 * f);
      return p;
    };
    geo::LonLat previous = at(head - trailFraction);
    for (int i = 1; i <= samples; ++i) {
      const double f = head - trailFraction * (1.0 - double(i) / samples);
      geo::LonLat next = at(f);
      if (next.lon - previous.lon > 180) next.lon -= 360;
      if (next.lon - previous.lon < -180) next.lon += 360;
      layer->trails.push_back({previous, next, float(1.0 - double(i - 1) / samples),
                               float(1.0 - double(i) / samples), color});
      previous = next;
    }
    layer->glyphs.push_back({at(head), at(head + 0.01), color});
  }
  return layer;
}

double medianFrameMs(render::OffscreenRenderer& renderer, scene::Frame frame, int frames) {
  std::vector<double> times;
  timeline::CameraPose camera;
  camera.lon = -169;
  camera.lat = 45;
  camera.altitude = 9'000'000;
  for (int i = 0; i < frames; ++i) {
    camera.lon = -169 + 0.2 * i;  // a new view every frame
    frame.view = scene::makeView(camera, scene::ViewMode::Map, 1280, 720);
    core::Stopwatch stopwatch;
    renderer.renderOnly(frame);
    times.push_back(stopwatch.seconds() * 1e3);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
  auto context = gpu::Context::create({});
  if (!context) {
    std::fprintf(stderr, "%s\n", context.error().message.c_str());
    return 1;
  }
  render::OffscreenRenderer renderer(**context, {1280, 720}, 4);
  scene::Frame frame;
  frame.basemap = scene::buildBasemap({});
  const double baseline = medianFrameMs(renderer, frame, frames);
  std::printf("device %s, 1280x720, 4x MSAA, map view, median of %d frames\n",
              (*context)->deviceName().c_str(), frames);
  std::printf("baseline (no vessels)              %8.2f ms\n", baseline);
  for (const int ships : {1000, 10000, 100000}) {
    for (const int samples : {10, 40}) {
      frame.vessels = synthetic(ships, samples, 0.2);
      const double ms = medianFrameMs(renderer, frame, frames);
      std::printf("%6d ships x %2d trail segments     %8.2f ms  (%.2fx baseline)\n", ships, samples,
                  ms, ms / baseline);
    }
  }
  return 0;
}
