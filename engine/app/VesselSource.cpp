#include "app/VesselSource.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <unordered_set>

#include "app/AisInput.h"
#include "app/AisVesselLayer.h"
#include "app/DefaultScenario.h"
#include "app/PortReport.h"
#include "core/HeapTrim.h"
#include "geo/Longitude.h"
#include "io/AisArchive.h"
#include "geo/Subdivide.h"
#include "scene/Picking.h"
#include "sim/Inventory.h"
#include "sim/ScenarioFile.h"

namespace corridor::app {

namespace {
constexpr core::UtcMicros kAisTripsBehind = 3600LL * core::kMicrosPerSecond, kAisTripsAhead = 6 * kAisTripsBehind;
}  // namespace

void VesselSource::fill(scene::Frame& frame, core::UtcMicros time, FrameClock clock) const {
  frame.time = time;
  // AIS trips leave out the reports that would move no vessel by more than a quarter of a pixel.
  // An export's camera is known frame by frame: its trips are built for the view, again before
  // a frame that needs finer ones. The viewer's camera can zoom in at any moment: its trips are
  // built for a view kViewerZoomHeadroom times closer, and follow the camera in the background.
  const bool exporting = clock == FrameClock::Export;
  const double tolerance = isAis() ? aisTripTolerance(frame.view, exporting ? 1 : kViewerZoomHeadroom) : 0.0;
  const auto covers = [&](const TripWindow& w) {
    return time >= w.trips->from && time <= w.trips->to && (!exporting || w.toleranceDegrees <= tolerance);
  };
  const auto asking = std::size_t(clock);
  const TripWindow* window = tripWindows_.find(asking, covers);
  const bool nextTooCoarse = exporting && nextTripsTolerance_ > tolerance;  // built for a view farther out
  if (!window && nextTrips_.valid() && !nextTooCoarse && time >= nextTripsFrom_ && time <= nextTripsTo_) {
    TripWindow next = nextTrips_.get();  // built ahead for this moment: sooner than building anew
    if (next.trips && covers(next)) window = &tripWindows_.add(asking, std::move(next));
  }
  if (!window) window = &tripWindows_.add(asking, buildTripsAround(time, tolerance));
  if (!exporting) window = followViewerZoom(asking, *window, tolerance);
  // Trips built ahead of a moment the clock has jumped away from (a scrub back, a jump on), or
  // for a view farther out, make room, once built, for the ones it needs now.
  const bool away = time < nextTripsFrom_ - (kAisTripsBehind + kAisTripsAhead) || time > nextTripsTo_;
  if (nextTrips_.valid() && (away || nextTooCoarse) &&
      nextTrips_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    nextTrips_.get();
  }
  // The tracks drawn now: a window another clock (a finished recording) read goes once its
  // trips do.
  if (window->tracks) ais_ = window->tracks;
  if (trimmedAtFreed_ != tripWindows_.freed()) {  // a window went, built in another thread
    core::returnFreedMemory();
    trimmedAtFreed_ = tripWindows_.freed();
  }
  readTripsAhead(*window, tolerance);  // as coarse as this view allows, though the window may be finer
  frame.vessels = lanes_;
  frame.trips = window->trips;
}

void VesselSource::setColoring(scene::VesselColoring coloring) {
  layerOptions_.coloring = coloring;
  tripWindows_.clear();
  if (nextTrips_.valid()) nextTrips_.get();  // built with the old colours
  if (zoomedTrips_.valid()) zoomedTrips_.get();
}

// The viewer's trips follow its camera: those of `window`'s hours are built again in the
// background once the view allows a quarter of their tolerance (the camera came 2 to 4 times
// closer, tolerances being powers of two, leaving 2 to 4 times of headroom), or 8 times more
// (it went 8 to 16 times farther: its frames would draw more than they show); `window` is drawn
// meanwhile, so a frame never waits for a build. Returns the window to draw.
const VesselSource::TripWindow* VesselSource::followViewerZoom(std::size_t clock, const TripWindow& window,
                                                               double tolerance) const {
  const TripWindow* drawn = &window;
  if (zoomedTrips_.valid() && zoomedTrips_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    TripWindow zoomed = zoomedTrips_.get();
    if (!zoomed.trips) zoomFailed_ = zoomedBuild_;  // not tried again for these hours at this zoom
    if (zoomed.trips && zoomed.trips->from == window.trips->from) drawn = &tripWindows_.add(clock, std::move(zoomed));
  }
  // Every report (tolerance 0) counts as one step under the finest tolerance (which lies in
  // [kLeastAisTripTolerance / 2, kLeastAisTripTolerance)), so a camera at the step from one to the
  // other rebuilds nothing.
  constexpr double kEveryReport = kLeastAisTripTolerance / 2;
  const double built = std::max(drawn->toleranceDegrees, kEveryReport), wanted = std::max(tolerance, kEveryReport);
  const bool tooCoarse = built > 2 * wanted, tooFine = built < wanted / kViewerZoomHeadroom;
  const ZoomedBuild build{drawn->trips->from, tolerance};
  if (!drawn->tracks || zoomedTrips_.valid() || !(tooCoarse || tooFine) || build == zoomFailed_) return drawn;
  zoomedBuild_ = build;
  zoomedTrips_ = std::async(std::launch::async, [this, anchor = build.from + kAisTripsBehind, tracks = drawn->tracks,
                                                 tolerance]() -> TripWindow {
    try {
      return buildAisTripsAround(anchor, tracks, tolerance);
    } catch (const std::exception&) {  // out of memory, say: the window drawn now stays
      return {};
    }
  });
  return drawn;
}

VesselSource::TripWindow VesselSource::buildAisTripsAround(core::UtcMicros time,
                                                          std::shared_ptr<const io::AisTrackSet> tracks,
                                                          double toleranceDegrees) const {
  if (!tracks) return {};
  return {buildAisTrips(*tracks, time - kAisTripsBehind, time + kAisTripsAhead, layerOptions_.trailSpan, aisHold_,
                        toleranceDegrees),
          std::move(tracks), toleranceDegrees};
}

void VesselSource::readTripsAhead(const TripWindow& window, double toleranceDegrees) const {
  // Started as soon as the clock is in a window, so that the build has the whole window's time
  // (at 6 h of clock a second, about a second) before it is needed.
  // Nothing past the data, or past what a picture or video shows.
  if (!isAis() || !window.tracks || nextTrips_.valid() || window.trips->to >= std::min(end_, shownTo_)) return;
  const core::UtcMicros ahead = window.trips->to;  // the next window starts an hour before this one ends
  nextTripsFrom_ = ahead - kAisTripsBehind;
  nextTripsTo_ = ahead + kAisTripsAhead;
  nextTripsTolerance_ = toleranceDegrees;
  // Files: the same tracks. Archives: the stream's window there (read in this thread if need be).
  nextTrips_ = std::async(std::launch::async, [this, ahead, tracks = aisStream_ ? nullptr : ais_,
                                                tolerance = toleranceDegrees]() -> TripWindow {
    try {
      if (tracks) return buildAisTripsAround(ahead, tracks, tolerance);
      auto read = aisStream_->around(ahead);
      return read ? buildAisTripsAround(ahead, *read, tolerance) : TripWindow{};  // the clock's own read will report it
    } catch (const std::exception&) {  // out of memory, say: the clock's own build will report it
      return {};
    }
  });
}

// Trips around `time`, rebuilt when time leaves them: a scenario's ships for a month (a few
// milliseconds); AIS tracks, a leg every few seconds to minutes, for hours.
VesselSource::TripWindow VesselSource::buildTripsAround(core::UtcMicros time, double toleranceDegrees) const {
  constexpr core::UtcMicros kHour = 3600LL * core::kMicrosPerSecond, kDay = 24 * kHour;
  if (aisStream_) {
    if (auto tracks = aisStream_->around(time); tracks) {
      ais_ = *tracks;
    } else {  // e.g. the archive went away: keep drawing what was read
      std::fprintf(stderr, "corridor: %s\n", tracks.error().message.c_str());
      if (!ais_) ais_ = std::make_shared<io::AisTrackSet>();
    }
  }
  if (ais_) return buildAisTripsAround(time, ais_, toleranceDegrees);
  const core::UtcMicros from = time - 2 * kDay, to = time + 28 * kDay;
  const scene::VesselColoring coloring = layerOptions_.coloring;
  auto playing = scene::buildTrips(*fleet_, from, to, layerOptions_.trailSpan, coloring, variantIndex_);
  if (coloring != scene::VesselColoring::Variant) return {playing, nullptr};
  if (!otherVariantsLoaded_) {
    otherVariantsLoaded_ = true;
    for (std::size_t i = 0; i < variantNames_.size(); ++i) {
      if (i == variantIndex_) continue;
      auto scenario = sim::loadScenario(scenarioFile_, variantNames_[i]);
      if (!scenario) {
        std::fprintf(stderr, "corridor: not comparing variant %s: %s\n", variantNames_[i].c_str(),
                     scenario.error().message.c_str());
        continue;
      }
      auto other = std::make_unique<OtherVariant>(OtherVariant{std::move(*scenario), std::nullopt, i});
      other->fleet.emplace(other->scenario, fleetFrom_, fleetTo_);
      otherVariants_.push_back(std::move(other));
    }
  }
  std::vector<std::shared_ptr<const scene::Trips>> sets;
  for (const auto& other : otherVariants_) {
    sets.push_back(scene::buildTrips(*other->fleet, from, to, layerOptions_.trailSpan, coloring, other->index));
  }
  sets.push_back(playing);
  return {scene::mergeTrips(sets), nullptr};
}

std::shared_ptr<const scene::PortLayer> VesselSource::portLayerAt(core::UtcMicros time, const timeline::CameraPose& camera,
                                                                  double animationSeconds, bool waitForHeatmaps) const {
  return portEmissions_ ? portEmissions_->layerAt(time, camera, animationSeconds, waitForHeatmaps) : nullptr;
}

void VesselSource::setPollutant(sim::Pollutant pollutant) {
  if (portEmissions_) portEmissions_->setPollutant(pollutant);
}

sim::Pollutant VesselSource::pollutant() const {
  return portEmissions_ ? portEmissions_->pollutant() : sim::Pollutant::NOx;
}

std::vector<VesselSource::PortMark> VesselSource::ports() const {
  std::vector<PortMark> marks;
  if (scenario_) {
    for (const sim::Port& port : scenario_->ports) marks.push_back({port.name, port.position});
  }
  return marks;
}

namespace {

constexpr double kPickRadiusPixels = 8;

std::string formatted(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

core::Rgba rgba(const glm::vec4& color) {
  return {std::uint8_t(color.r * 255), std::uint8_t(color.g * 255), std::uint8_t(color.b * 255), 255};
}

bool samePoint(const geo::LonLat& a, const geo::LonLat& b) { return std::abs(a.lon - b.lon) + std::abs(a.lat - b.lat) < 1e-6; }

// Each corridor's lane once (a route and its way back share it), as faint chords under the ships.
std::shared_ptr<const scene::VesselLayer> corridorLanes(const sim::Fleet& fleet) {
  constexpr glm::vec4 kLane{0.75f, 0.85f, 0.95f, 0.16f};
  std::vector<const sim::Route*> drawn;
  auto lanes = std::make_shared<scene::VesselLayer>();
  for (const sim::Route& route : fleet.routes()) {
    const geo::LonLat &first = route.points().front(), &last = route.points().back();
    const bool repeat = std::any_of(drawn.begin(), drawn.end(), [&](const sim::Route* other) {
      const geo::LonLat &otherFirst = other->points().front(), &otherLast = other->points().back();
      return (samePoint(otherFirst, last) && samePoint(otherLast, first)) ||
             (samePoint(otherFirst, first) && samePoint(otherLast, last));
    });
    if (repeat) continue;
    drawn.push_back(&route);
    geo::Polyline points = route.points();
    geo::unwrapLongitudes(points);
    const std::vector<bool> keep = geo::chordPoints(points, 250.0);
    std::size_t previous = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
      if (!keep[i]) continue;
      lanes->trails.push_back({points[previous], points[i], 0, 0, kLane});
      previous = i;
    }
  }
  return lanes;
}

}  // namespace

void VesselSource::describe(OverlayContent& content) const {
  if (portEmissions_) {
    content.airTitle = scene::pollutantName(portEmissions_->pollutant());
    content.air = airLegend(portEmissions_->pollutant());
  }
  if (isAis()) {
    content.source = "AIS: " + aisFiles_ + " (" + std::to_string(aisVessels_) + " vessels)";
    content.legendTitle = "Ship type";
    const std::pair<int, const char*> groups[] = {{70, "Cargo"},   {80, "Tanker"},        {60, "Passenger"},
                                                  {30, "Fishing"}, {52, "Tug, service"}, {0, "Other"}};
    for (const auto& [type, name] : groups) content.legend.push_back({rgba(aisTypeColor(type)), name});
    return;
  }
  content.source = scenario_->name + (scenario_->variant.empty() ? "" : " - " + scenario_->variant);
  if (layerOptions_.coloring == scene::VesselColoring::VesselClass) {
    content.legendTitle = "Vessel class";
    for (std::size_t c = 0; c < scenario_->classes.size(); ++c) {
      content.legend.push_back({rgba(scene::classColor(c)), scenario_->classes[c].id});
    }
    return;
  }
  if (layerOptions_.coloring == scene::VesselColoring::Variant) {
    content.legendTitle = "Variant";
    for (std::size_t i = 0; i < variantNames_.size(); ++i) {
      const std::string name = variantNames_[i].empty() ? "base" : variantNames_[i];
      content.legend.push_back({rgba(scene::variantColor(variantNames_[i], i)), i == variantIndex_ ? name + " (playing)" : name});
    }
    return;
  }
  if (layerOptions_.coloring == scene::VesselColoring::Co2Intensity) {
    content.legendTitle = "CO2 (t per hour)";
    for (int step = 0; step <= 4; ++step) {
      const double tonnes = scene::kIntensityScaleMax * step / 4;
      content.legend.push_back({rgba(scene::intensityColor(tonnes)), formatted(step == 4 ? "%.0f and more" : "%.0f", tonnes)});
    }
    return;
  }
  content.legendTitle = "Fuel";
  for (int f = 0; f < sim::kFuelCount; ++f) {
    const bool used = std::any_of(scenario_->fuelMixes.begin(), scenario_->fuelMixes.end(), [&](const sim::FuelMix& mix) {
      return std::any_of(mix.shares.begin(), mix.shares.end(), [&](const auto& year) { return year.second[std::size_t(f)] > 0; });
    });
    if (used) content.legend.push_back({rgba(scene::fuelColor(sim::Fuel(f))), sim::fuelName(sim::Fuel(f))});
  }
}

std::vector<geo::LonLat> VesselSource::corridorPlaces() const {
  std::vector<geo::LonLat> places;
  for (const PortMark& port : ports()) places.push_back(port.position);
  if (!fleet_) return places;
  for (const sim::Route& route : fleet_->routes()) {
    for (std::size_t i = 0; i < route.points().size(); i += 10) places.push_back(route.points()[i]);
  }
  return places;
}

std::vector<std::string> VesselSource::pick(core::UtcMicros time, const scene::View& view, double x, double y) const {
  if (isAis()) {
    if (aisStream_) {  // the tracks of this moment, which a recording's clock may have swapped
      if (auto tracks = aisStream_->around(time); tracks) ais_ = *tracks;
    }
    if (!ais_) return {};  // nothing read yet
    const auto positions = aisPositionsAt(*ais_, time, aisHold_);
    std::vector<geo::LonLat> points;
    for (const auto& [track, position] : positions) points.push_back(position);
    const auto picked = scene::pickNearest(view, points, x, y, kPickRadiusPixels);
    if (!picked) return {};
    const io::AisTrack& track = ais_->tracks[positions[*picked].first];
    const io::AisVesselInfo& vessel = ais_->vessels[track.vessel];
    const auto next = std::upper_bound(ais_->time.begin() + track.begin, ais_->time.begin() + track.end, time);
    const std::size_t report = std::size_t(std::max(next - 1, ais_->time.begin() + track.begin) - ais_->time.begin());
    return {vessel.name.empty() ? "(no name)" : vessel.name, vessel.label(),
            "AIS type " + std::to_string(vessel.aisType) + formatted(", %.0f m", vessel.lengthM),
            ais_->sogTenths[report] < 0 ? "SOG not available" : formatted("%.1f kn", ais_->sogTenths[report] / 10.0),
            "last report " + core::formatIso8601(ais_->time[report])};
  }
  std::vector<sim::VesselState> states;
  fleet_->query(time, states);
  std::vector<geo::LonLat> points;
  for (const sim::VesselState& state : states) points.push_back(state.position);
  const auto picked = scene::pickNearest(view, points, x, y, kPickRadiusPixels);
  if (!picked) return {};
  const sim::VesselState& state = states[*picked];
  const sim::Ship& ship = fleet_->ships()[state.ship];
  const sim::Service& service = scenario_->services[ship.service];
  std::vector<std::string> lines = {ship.name, scenario_->vesselClass(service.vesselClass).name + " (" + service.id + ")",
                                    std::string("fuel: ") + sim::fuelName(state.fuel),
                                    formatted("%.1f kn, ", state.speedKn) + sim::phaseName(state.phase)};
  if (const sim::Section* section = fleet_->sectionAt(ship, time)) {
    const sim::Emissions rate = sim::sectionRate(*scenario_, *fleet_, ship, *section);
    lines.push_back(formatted("CO2 %.2f t/h", rate.co2 / 1000) + formatted(", NOx %.1f kg/h", rate.nox));
    lines.push_back(formatted("SOx %.2f kg/h", rate.sox) + formatted(", PM2.5 %.2f kg/h", rate.pm25));
  }
  return lines;
}

core::Result<std::unique_ptr<VesselSource>> VesselSource::load(const VesselSourceOptions& options,
                                                               std::optional<Period> shown) {
  if (!options.ais.empty() && !options.scenario.empty()) {
    return core::usageError("--ais and --scenario both name the ships to draw; give one of them");
  }
  std::unique_ptr<VesselSource> source(new VesselSource);
  source->layerOptions_.trailSpan = core::UtcMicros(options.trailHours * 3600.0) * core::kMicrosPerSecond;
  source->layerOptions_.coloring = options.coloring;
  if (shown) source->shownTo_ = shown->to;
  if (!options.ais.empty()) {
    if (auto loaded = source->loadAis(options, shown); !loaded) return std::unexpected(loaded.error());
    return source;
  }
  if (options.scenario.empty() || options.scenario == "none") return nullptr;
  if (auto loaded = source->loadScenario(options, shown); !loaded) return std::unexpected(loaded.error());
  return source;
}

namespace {

// What a caption calls an AIS input: a file's name, or "PostGIS NAME" for a database (a
// connection string can hold a password).
std::string inputName(const std::string& input) {
  if (!io::isPostgresArchive(input)) return std::filesystem::path(input).filename().string();
  const std::size_t name = input.find("dbname=");
  if (name == std::string::npos) return "PostGIS";
  return "PostGIS " + input.substr(name + 7, input.find(' ', name) - name - 7);
}

}  // namespace

core::Result<void> VesselSource::loadAis(const VesselSourceOptions& options, std::optional<Period> shown) {
  const std::vector<std::string>& files = options.ais;
  aisHold_ = options.aisHoldMinutes ? core::UtcMicros(*options.aisHoldMinutes * 60 * core::kMicrosPerSecond)
                                    : aisHoldFor(options.aisTracks.gapHours);
  aisFiles_ = inputName(files.front()) +
              (files.size() > 1 ? " and " + std::to_string(files.size() - 1) + " more" : "");
  const auto archives = std::count_if(files.begin(), files.end(), [](const std::string& f) { return io::isAisArchive(f); });
  if (archives == std::ptrdiff_t(files.size())) return loadAisArchives(options, shown);
  if (archives > 0) {
    return core::usageError("--ais: give AIS archives or AIS files, not both (an archive is read a window at a time)");
  }
  const std::vector<std::filesystem::path> paths(files.begin(), files.end());
  auto set = loadAisTracks(paths, options.aisRead, options.aisTracks);
  if (!set) return std::unexpected(set.error());
  if (auto kept = requireKeptRows(*set, paths); !kept) return kept;
  const io::AisTrackSet& tracks = set->tracks;
  std::fprintf(stderr, "AIS: %zu vessels, %zu tracks, %zu points (%lld rows dropped)\n", tracks.vessels.size(),
               tracks.tracks.size(), tracks.pointCount(), (long long)set->counts.droppedTotal());
  start_ = *std::min_element(tracks.time.begin(), tracks.time.end());
  end_ = *std::max_element(tracks.time.begin(), tracks.time.end());
  aisVessels_ = tracks.vessels.size();
  ais_ = std::make_shared<io::AisTrackSet>(std::move(set->tracks));
  return {};
}

// Archives are read a window at a time around the clock: for a picture, the moment's; for a
// video, a day at a time; for the window, a day at a time as playback moves.
core::Result<void> VesselSource::loadAisArchives(const VesselSourceOptions& options, std::optional<Period> shown) {
  std::optional<core::UtcMicros> first, last;
  std::unordered_set<std::string> vessels;  // a vessel in several archives counts once
  for (const std::string& file : options.ais) {
    auto summary = io::describeAisArchive(file);
    if (!summary) return std::unexpected(summary.error());
    if (!summary->first) continue;
    first = std::min(first.value_or(*summary->first), *summary->first);
    last = std::max(last.value_or(*summary->last), *summary->last);
    if (options.ais.size() == 1) {
      aisVessels_ = std::size_t(summary->vessels);
      continue;
    }
    auto ids = io::aisArchiveVesselIds(file);
    if (!ids) return std::unexpected(ids.error());
    vessels.insert(ids->begin(), ids->end());
    aisVessels_ = vessels.size();
  }
  if (!first) return core::dataError(options.ais.front() + ": the archive holds no reports yet");
  start_ = *first;
  end_ = *last;
  std::vector<std::filesystem::path> paths(options.ais.begin(), options.ais.end());
  const core::UtcMicros span = shown ? std::min(shown->to - shown->from, AisArchiveStream::kSpan) : AisArchiveStream::kSpan;
  // What a moment shows goes back its trail and hold; trips are built from an hour before the
  // clock, which a picture (span 0) never moves into.
  const core::UtcMicros before = (span == 0 ? 0 : kAisTripsBehind) + layerOptions_.trailSpan + aisHold_;
  // A picture draws no trips ahead of its moment: the window ends there (plus the gap limit).
  const core::UtcMicros after = span == 0 ? 0 : kAisTripsAhead;
  io::AisReadOptions read = options.aisRead;
  if (shown) {  // nothing past what the picture or video shows is read
    read.window.from = std::max(read.window.from, shown->from - before);
    read.window.to = std::min(read.window.to, shown->to + after + 1);
  }
  aisStream_ = std::make_unique<AisArchiveStream>(std::move(paths), std::move(read), options.aisTracks, before, after, span);
  if (shown) {  // a picture or a video: its first window now, so that a bad window is an error here
    auto tracks = aisStream_->around(shown->from);
    if (!tracks) return std::unexpected(tracks.error());
    ais_ = *tracks;
    core::returnFreedMemory();  // the points as read, freed in the reading threads' heaps
  }
  return {};
}

core::Result<void> VesselSource::loadScenario(const VesselSourceOptions& options, std::optional<Period> shown) {
  scenarioFile_ = scenarioPath(options.scenario);
  auto scenario = sim::loadScenario(scenarioFile_, options.variant);
  if (!scenario) return std::unexpected(scenario.error());
  scenario_ = std::move(*scenario);
  start_ = sim::yearStart(scenario_->startYear);
  end_ = sim::yearStart(scenario_->endYear + 1);
  // A moment outside the scenario's years would show ships and plumes it never described.
  if (shown && (shown->from < start_ || shown->to > end_)) {
    const std::string asked = core::formatIso8601(shown->from).substr(0, 10) +
                              (shown->to != shown->from ? " to " + core::formatIso8601(shown->to).substr(0, 10) : "");
    return core::usageError(asked + " is outside the period of scenario '" + scenario_->name + "': " +
                            std::to_string(scenario_->startYear) + "-01-01 to " + std::to_string(scenario_->endYear) +
                            "-12-31");
  }
  fleetFrom_ = shown ? shown->from - layerOptions_.trailSpan : start_;
  fleetTo_ = shown ? shown->to + core::kMicrosPerSecond : end_;
  fleet_.emplace(*scenario_, fleetFrom_, fleetTo_);
  auto variants = app::comparedVariants(scenarioFile_, options.variant);
  if (!variants) return std::unexpected(variants.error());
  variantNames_ = *variants;
  variantIndex_ = std::size_t(std::find(variants->begin(), variants->end(), options.variant) - variants->begin());
  if (options.plumes) portEmissions_.emplace(*fleet_, options.pollutant);
  lanes_ = corridorLanes(*fleet_);
  return {};
}

}  // namespace corridor::app
