// The per-frame position query: every active vessel's position, course, speed and phase at one
// time, for the default scenario scaled to ~10,000 ships. Median of many queries, as a ratio to
// a plain loop over the ships that finds each one's section by scanning its timeline.
//
//   corridor_bench_fleet_query [SHIPS] [QUERIES]      (default 10000 200)
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "BenchUsage.h"
#include "core/Stopwatch.h"
#include "sim/Fleet.h"
#include "sim/ScenarioFile.h"

namespace {

using namespace corridor;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// The baseline: the same interpolation, each ship's section found by a linear scan.
std::size_t plainLoop(const sim::Fleet& fleet, core::UtcMicros t, std::vector<geo::LonLat>& out) {
  out.clear();
  for (const sim::Ship& ship : fleet.ships()) {
    for (const sim::Section& section : ship.sections) {
      if (section.start <= t && t < section.end) {
        out.push_back(fleet.positionIn(section, t));
        break;
      }
    }
  }
  return out.size();
}

}  // namespace

int main(int argc, char** argv) {
  const corridor::bench::Usage arguments(argc, argv,
      "[SHIPS] [QUERIES]   (default 10000 200)\n"
      "The per-frame position query of the default scenario scaled up, against a plain scan.");
  const int wantedShips = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10000;
  const int queries = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
  auto loaded = sim::loadScenario(std::string(CORRIDOR_SOURCE_DIR) + "/assets/scenarios/transpacific.toml",
                                  "baseline");
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().message.c_str());
    return 1;
  }
  sim::Scenario scenario = *loaded;
  int ships = 0;
  for (const auto& service : scenario.services) ships += service.ships;
  for (auto& service : scenario.services) service.ships = service.ships * wantedShips / ships;

  core::Stopwatch build;
  const sim::Fleet fleet(scenario, sim::yearStart(2030), sim::yearStart(2031));
  const double buildSeconds = build.seconds();

  std::vector<sim::VesselState> states;
  std::vector<geo::LonLat> positions;
  std::vector<double> queryTimes, loopTimes;
  std::size_t active = 0;
  for (int i = 0; i < queries; ++i) {
    const core::UtcMicros t = sim::yearStart(2030) + core::UtcMicros(i) * 86400LL * 1000000 * 365 / queries;
    core::Stopwatch q;
    fleet.query(t, states);
    queryTimes.push_back(q.seconds() * 1e3);
    core::Stopwatch l;
    active = plainLoop(fleet, t, positions);
    loopTimes.push_back(l.seconds() * 1e3);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double query = median(queryTimes), loop = median(loopTimes);
  std::printf("ships                 %zu (%zu active at a time), 1 simulated year\n",
              fleet.ships().size(), active);
  std::printf("build schedule        %.0f ms\n", buildSeconds * 1e3);
  std::printf("query, all vessels    %.3f ms median of %d\n", query, queries);
  std::printf("plain loop (baseline) %.3f ms median\n", loop);
  std::printf("ratio query / loop    %.3f\n", query / loop);
  std::printf("peak memory           %.0f MiB\n", double(usage.ru_maxrss) / 1024.0);
  return 0;
}
