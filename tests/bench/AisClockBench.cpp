// AIS playback as the viewer's clock drives it: VesselSource::fill once a 60 fps frame at N
// hours of clock a second, over a generated US day (corridor_bench_ais's file), each frame
// padded to 16.7 ms as a real GPU's render would. Trips are built seven hours at a time; past the
// middle of a window the next is built in the background. The baseline, measured in the same
// run by a second source: each of those windows built when the clock reaches it, as every
// crossing cost before the trips were built ahead.
//
//   corridor_bench_ais_clock [FILE] [HOURS_PER_SECOND]   (default the bench day, 1)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "BenchUsage.h"
#include "app/VesselSource.h"
#include "core/Stopwatch.h"
#include "scene/Frame.h"

int main(int argc, char** argv) {
  const corridor::bench::Usage arguments(argc, argv,
      "[FILE] [HOURS_PER_SECOND]   (default the corridor_bench_ais day, 1)\n"
      "AIS playback as the viewer's clock drives it, trips built ahead against built when reached.");
  using namespace corridor;
  const std::string file = argc > 1 ? argv[1] : "/tmp/corridor-bench/AIS_2022_06_01.csv";
  const double hoursPerSecond = argc > 2 ? std::atof(argv[2]) : 1.0;
  core::Stopwatch loading;
  auto source = app::VesselSource::load({.ais = {file}}, std::nullopt);
  if (!source || !*source) {
    std::fprintf(stderr, "%s\n", source ? "no AIS" : source.error().message.c_str());
    return 1;
  }
  std::printf("%s loaded in %.1f s\n", file.c_str(), loading.seconds());
  constexpr double kFrameMs = 1000.0 / 60;
  const auto step = core::UtcMicros(hoursPerSecond * 3600e6 / 60);
  std::vector<double> ms;
  std::vector<std::uint64_t> revisions;
  std::vector<core::UtcMicros> crossings;  // the moments a new window was first drawn
  scene::Frame frame;
  for (core::UtcMicros t = (*source)->start() + 3600LL * 1000000; t < (*source)->end() && ms.size() < 3600; t += step) {
    core::Stopwatch clock;
    (*source)->fill(frame, t, app::FrameClock::Playback);
    ms.push_back(clock.seconds() * 1000);
    if (revisions.empty() || revisions.back() != frame.trips->revision) {
      revisions.push_back(frame.trips->revision);
      crossings.push_back(t);
    }
    if (ms.back() < kFrameMs) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(kFrameMs - ms.back()));
  }
  std::vector<double> later(ms.begin() + 1, ms.end());
  std::sort(later.begin(), later.end());
  double stalled = 0;
  int stalls = 0;
  for (double m : later) {
    if (m > 50) {
      ++stalls;
      stalled += m;
    }
  }
  // The baseline: the same windows built while the clock waits, by a second source that has
  // none built ahead (each fill at a crossing builds its window then).
  auto waiting = app::VesselSource::load({.ais = {file}}, std::nullopt);
  if (!waiting || !*waiting) return 1;
  double waited = 0;
  for (std::size_t i = 1; i < crossings.size(); ++i) {
    core::Stopwatch clock;
    (*waiting)->fill(frame, crossings[i], app::FrameClock::Playback);
    waited += clock.seconds() * 1000;
  }
  std::printf("%.1f h of clock a second, %zu frames, %zu trip windows\n", hoursPerSecond, ms.size(), revisions.size());
  std::printf("  baseline, each window built when the clock reaches it: %.0f ms of stalls at %zu crossings\n", waited,
              crossings.size() - 1);
  std::printf("  built ahead: median fill %.3f ms, max %.0f ms, %d fills over 50 ms, %.0f ms of stalls (%.2fx the baseline)\n",
              later[later.size() / 2], later.back(), stalls, stalled, waited > 0 ? stalled / waited : 0.0);
}
