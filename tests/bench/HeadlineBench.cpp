// The headline numbers' cost per frame: the counter panel's rows of the default scenario's
// green corridor (against its baseline) at many moments across the period, as a ratio to the
// fleet's position query at the same moments (what a frame already pays for its ships).
//
//   corridor_bench_headline [MOMENTS]      (default 2000)
#include <algorithm>
#include <cstdio>
#include <vector>

#include "BenchUsage.h"
#include "app/Headline.h"
#include "core/Stopwatch.h"
#include "sim/Fleet.h"
#include "sim/ScenarioFile.h"

namespace {

using namespace corridor;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const corridor::bench::Usage arguments(argc, argv,
      "[MOMENTS]   (default 2000)\n"
      "The headline numbers' cost per frame, against the fleet's position query at the same moments.");
  const int moments = argc > 1 ? std::max(1, std::atoi(argv[1])) : 2000;
  const std::string file = std::string(CORRIDOR_SOURCE_DIR) + "/assets/scenarios/transpacific.toml";
  core::Stopwatch build;
  auto headline = app::Headline::load(file, "green-corridor", "baseline");
  if (!headline) {
    std::fprintf(stderr, "%s\n", headline.error().message.c_str());
    return 1;
  }
  const double buildSeconds = build.seconds();
  auto scenario = sim::loadScenario(file, "green-corridor");
  if (!scenario) return 1;
  const core::UtcMicros from = sim::yearStart(scenario->startYear), to = sim::yearStart(scenario->endYear + 1);
  const sim::Fleet fleet(*scenario, from, to);
  std::vector<double> rows, query;
  std::vector<sim::VesselState> states;
  std::size_t characters = 0;
  for (int i = 0; i < moments; ++i) {
    const core::UtcMicros t = from + core::UtcMicros(double(to - from) * (i + 0.5) / moments);
    core::Stopwatch a;
    for (const app::HeadlineRow& row : headline->rows(t)) characters += row.value.size();
    rows.push_back(a.seconds());
    core::Stopwatch b;
    fleet.query(t, states);
    query.push_back(b.seconds());
  }
  std::printf("headline: built in %.3f s (two variants, %d-%d); per frame median %.2f us, position query of %zu "
              "ships %.2f us, ratio %.2f (%zu characters)\n",
              buildSeconds, scenario->startYear, scenario->endYear, median(rows) * 1e6, fleet.ships().size(),
              median(query) * 1e6, median(rows) / median(query), characters);
  return 0;
}
