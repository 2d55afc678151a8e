// corridor ais stats | export: AIS files in, clean tracks out.
#include <sys/resource.h>

#include <cstdio>
#include <filesystem>

#include "AisCommands.h"
#include "AisFlags.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "app/AisEmissionColumns.h"
#include "app/AisInput.h"
#include "core/Interruption.h"
#include "core/OutputFile.h"
#include "core/Stopwatch.h"
#include "io/AisExport.h"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;

struct AisOptions {
  std::vector<std::string> files;
  std::unique_ptr<AisReaderFlags> statsReader, exportReader;
  std::string dropped;  // --dropped FILE.csv
  bool json = false;
  bool emissions = false;
  std::string out;
  bool points = false;
  bool force = false;
  double simplifyMetres = 10;
};

using app::LoadedAis;

std::unique_ptr<AisReaderFlags> addInputOptions(CLI::App& command, AisOptions& options) {
  command.add_option("files", options.files, "AIS files: CSV (MarineCadastre, DMA or any with id, time and position "
                                             "columns; also .csv.gz, .zip), any OGR point layer (GeoPackage, "
                                             "GeoJSON, FlatGeobuf, Shapefile), or an archive made by 'ais import'")
      ->required();
  command.add_option("--dropped", options.dropped,
                     "write every dropped row to this CSV: file, line (or feature), reason, detail");
  return std::make_unique<AisReaderFlags>(command, false);
}

core::Result<LoadedAis> load(const AisOptions& options, const AisReaderFlags& flags) {
  if (auto window = flags.checkWindow(); !window) return std::unexpected(window.error());
  io::AisReadOptions read = flags.readOptions();
  if (!options.dropped.empty()) read.droppedRowsPerReason = io::AisCounts::kEveryRow;
  TerminalProgress progress;
  core::Stopwatch clock;
  read.progress = [&](const std::string& file, std::int64_t done, std::int64_t total) {
    const double mb = double(done) / 1e6;
    progress.show(total > 0 ? double(done) / double(total) : -1,
                  core::withoutSecrets(fs::path(file).filename().string()) + ": " + std::to_string(int(mb)) + " MB, " +
                      std::to_string(int(mb / std::max(1e-3, clock.seconds()))) + " MB/s");
  };
  auto loaded = app::loadAisTracks(std::vector<fs::path>(options.files.begin(), options.files.end()), read,
                                   flags.trackOptions());
  progress.finish();
  return loaded;
}

// The first or last time of any kept point (the set is sorted per vessel, not overall).
core::UtcMicros extremeTime(const io::AisTrackSet& set, bool first) {
  core::UtcMicros t = set.time.front();
  for (core::UtcMicros time : set.time) t = first ? std::min(t, time) : std::max(t, time);
  return t;
}

std::string jsonTime(const io::AisTrackSet& set, bool first) {
  return set.pointCount() ? "\"" + core::formatIso8601(extremeTime(set, first)) + "\"" : "null";
}

void printJson(const LoadedAis& loaded) {
  const io::AisCounts& counts = loaded.counts;
  std::printf("{\"rows_read\": %lld, \"rows_accepted\": %zu, \"rows_dropped\": {", (long long)counts.rowsRead,
              loaded.tracks.pointCount());
  for (int r = 0; r < io::kDropReasonCount; ++r) {
    std::printf("%s\"%s\": %lld", r ? ", " : "", io::dropReasonKey(io::DropReason(r)), (long long)counts.dropped[r]);
  }
  std::printf("}, \"vessels\": %zu, \"tracks\": %zu, \"time_start\": %s, \"time_end\": %s, "
              "\"throughput\": {\"mb_per_s\": %.1f, \"rows_per_s\": %.0f}}\n",
              loaded.tracks.vessels.size(), loaded.tracks.tracks.size(), jsonTime(loaded.tracks, true).c_str(),
              jsonTime(loaded.tracks, false).c_str(), double(counts.bytesRead) / 1e6 / loaded.seconds,
              double(counts.rowsRead) / loaded.seconds);
}

void printEmissionTotals(const io::AisTrackSet& set) {
  const app::AisEmissionTotals totals = app::totalEmissions(set);
  const sim::Emissions& total = totals.total;
  std::printf("emissions      fuel %.1f t, CO2 %.1f t, CH4 %.1f kg, NOx %.1f kg, SOx %.1f kg, PM2.5 %.1f kg\n",
              total.fuel / 1000, total.co2 / 1000, total.ch4, total.nox, total.sox, total.pm25);
  std::printf("               (vessel classes from AIS type and length, %s at %.2f %% S, no ECA; docs/AIS.md)\n",
              sim::fuelName(totals.fuel), totals.sulfurPercent);
}

long peakMemoryMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// The first dropped rows of each reason, with their file and line.
void printDroppedRows(const io::AisCounts& counts) {
  for (int r = 0; r < io::kDropReasonCount; ++r) {
    std::size_t shown = 0;
    for (const io::AisBadRow& row : counts.rows) {
      if (row.reason != io::DropReason(r) || shown == io::AisCounts::kExamplesPerReason) continue;
      if (shown++ == 0) {
        std::printf("first %s rows:\n", io::dropReasonKey(row.reason));
      }
      std::printf("  %s\n", io::describeBadRow(row).c_str());
    }
  }
}

void printText(const LoadedAis& loaded, bool emissions) {
  const io::AisCounts& counts = loaded.counts;
  const io::AisTrackSet& set = loaded.tracks;
  if (counts.bytesRead > 0) {
    std::printf("read %.1f MB, %lld rows in %.2f s (%.0f MB/s, %.0f rows/s; peak memory %ld MB)\n",
                double(counts.bytesRead) / 1e6, (long long)counts.rowsRead, loaded.seconds,
                double(counts.bytesRead) / 1e6 / loaded.seconds, double(counts.rowsRead) / loaded.seconds,
                peakMemoryMb());
  } else {  // an archive: its reports were cleaned when imported
    std::printf("read %lld archived reports in %.2f s (%.0f rows/s; peak memory %ld MB)\n", (long long)counts.rowsRead,
                loaded.seconds, double(counts.rowsRead) / loaded.seconds, peakMemoryMb());
  }
  if (counts.outsideWindow) std::printf("outside the window %lld (not read further)\n", (long long)counts.outsideWindow);
  std::printf("rows accepted  %zu\nrows dropped   %lld\n", set.pointCount(), (long long)counts.droppedTotal());
  for (int r = 0; r < io::kDropReasonCount; ++r) {
    if (counts.dropped[r]) std::printf("  %-24s %lld\n", io::dropReasonKey(io::DropReason(r)), (long long)counts.dropped[r]);
  }
  for (int s = 0; s < io::kSentinelCount; ++s) {
    if (counts.sentinels[s]) {
      std::printf("set to not available (row kept): %s %lld\n", io::sentinelKey(io::Sentinel(s)),
                  (long long)counts.sentinels[s]);
    }
  }
  std::printf("vessels        %zu\ntracks         %zu\n", set.vessels.size(), set.tracks.size());
  if (set.pointCount()) {
    std::printf("time           %s .. %s\n", core::formatIso8601(extremeTime(set, true)).c_str(),
                core::formatIso8601(extremeTime(set, false)).c_str());
    std::printf("memory         %.1f bytes per kept point\n", double(set.pointBytes()) / double(set.pointCount()));
  }
  printDroppedRows(counts);
  if (emissions) printEmissionTotals(set);
}

// Loads the files; writes --dropped; an error when no row is kept (after --dropped, which says
// why row by row).
core::Result<LoadedAis> loadChecked(const AisOptions& options, const AisReaderFlags& flags) {
  auto loaded = load(options, flags);
  if (!loaded) return loaded;
  if (!options.dropped.empty()) {
    if (auto written = io::writeAisDroppedRows(options.dropped, loaded->counts); !written) {
      return std::unexpected(written.error());
    }
    std::fprintf(stderr, "%s: %zu dropped rows\n", options.dropped.c_str(), loaded->counts.rows.size());
  }
  if (auto kept = app::requireKeptRows(*loaded, std::vector<fs::path>(options.files.begin(), options.files.end())); !kept) {
    return std::unexpected(kept.error());
  }
  return loaded;
}

// --dropped is checked like every output: never an input, only over a file of its kind.
core::Result<void> checkDroppedTarget(const AisOptions& options) {
  if (options.dropped.empty()) return {};
  return core::checkOutputTarget(options.dropped, core::OutputKind::DroppedRowsCsv, options.files, options.force);
}

int runStats(AisOptions& options) {
  if (options.json && options.emissions) {
    return reportError(core::usageError("--emissions prints a text table; it cannot be combined with --json").error());
  }
  if (auto target = checkDroppedTarget(options); !target) return reportError(target.error());
  auto loaded = loadChecked(options, *options.statsReader);
  if (!loaded) return reportError(loaded.error());
  if (options.json) {
    printJson(*loaded);
  } else {
    printText(*loaded, options.emissions);
  }
  return 0;
}

int runExport(AisOptions& options) {
  if (auto target = core::checkOutputTarget(options.out, core::OutputKind::GeoPackage, options.files, options.force);
      !target) {
    return reportError(target.error());
  }
  if (auto target = checkDroppedTarget(options); !target) return reportError(target.error());
  core::InterruptionScope stopOnSignals;  // reading and writing stop soon after Ctrl-C or SIGTERM
  auto loaded = loadChecked(options, *options.exportReader);
  if (!loaded) return reportError(loaded.error());
  io::AisExportOptions exportOptions;
  exportOptions.simplifyMetres = options.simplifyMetres;
  exportOptions.points = options.points;
  app::addEmissionColumns(loaded->tracks, exportOptions);
  auto summary = io::writeAisTracks(options.out, loaded->tracks, exportOptions);
  if (!summary) return reportError(summary.error());
  std::printf("%s: %zu tracks (%zu vertices), %zu vessels", options.out.c_str(), summary->lines,
              summary->vertices, loaded->tracks.vessels.size());
  if (options.points) std::printf(", %zu points", summary->points);
  std::printf("\n");
  if (summary->singlePointTracks) {
    std::printf("%zu tracks of a single point have no line%s\n", summary->singlePointTracks,
                options.points ? " (they are in the points layer)" : "; --points writes them as points");
  }
  std::printf("%lld of %lld rows dropped; 'corridor ais stats' lists why\n", (long long)loaded->counts.droppedTotal(),
              (long long)loaded->counts.rowsRead);
  return 0;
}

}  // namespace

CommandAction addAisCommand(CLI::App& app) {
  auto options = std::make_shared<AisOptions>();
  CLI::App* ais = app.add_subcommand("ais", "Read AIS files: statistics, cleaning, tracks, export, and archives of months of AIS (import)");
  ais->require_subcommand(1);
  CLI::App* stats = ais->add_subcommand(
      "stats", "What was read: rows accepted and dropped (by reason), vessels, tracks, time span, throughput");
  options->statsReader = addInputOptions(*stats, *options);
  stats->add_flag("--json", options->json, "one JSON object on stdout (rows_read, rows_accepted, rows_dropped, "
                                           "vessels, tracks, time_start, time_end, throughput)");
  stats->add_flag("--emissions", options->emissions, "also the emissions of the tracks (AIS-inferred vessel classes)");
  CLI::App* exporter = ais->add_subcommand(
      "export", "Write the cleaned tracks to a GeoPackage (one line per track, with times, vessel fields and emissions)");
  options->exportReader = addInputOptions(*exporter, *options);
  exporter->add_option("--out", options->out,
                       "the GeoPackage to write (.gpkg); replaces an existing GeoPackage only once the new one is whole")
      ->required();
  exporter->add_flag("--force", options->force, "replace an existing --out even when it is not a GeoPackage "
                                                "(never one of the input files)");
  exporter->add_flag("--points", options->points, "also a 'points' layer: every kept point with its time");
  exporter->add_option("--simplify-m", options->simplifyMetres,
                       "simplify the lines to this error in metres (0: every point); times are kept")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  const AisSubcommand importer = addAisImportCommand(*ais);
  return [options, stats, exporter, importer] {
    if (stats->parsed()) return runStats(*options);
    if (exporter->parsed()) return runExport(*options);
    if (importer.command->parsed()) return importer.action();
    return 2;
  };
}

}  // namespace corridor::cli
