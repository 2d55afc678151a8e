// corridor ais import: AIS files cleaned once into an archive that any window is read from.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <optional>

#include "AisCommands.h"
#include "AisFlags.h"
#include "TerminalProgress.h"
#include "app/AisImport.h"
#include "core/InputFile.h"
#include "core/Interruption.h"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;

struct ImportOptions {
  std::vector<std::string> files;
  std::string into;
  std::unique_ptr<AisReaderFlags> reader;
};

std::string droppedSummary(const io::AisCounts& counts) {
  std::string text;
  for (int r = 0; r < io::kDropReasonCount; ++r) {
    if (counts.dropped[std::size_t(r)] == 0) continue;
    text += (text.empty() ? " (" : ", ") + std::string(io::dropReasonKey(io::DropReason(r))) + " " +
            std::to_string(counts.dropped[std::size_t(r)]);
  }
  return text.empty() ? text : text + ")";
}

void printImport(const std::string& file, const app::AisFileImport& done) {
  const io::AisImportRecord& record = done.record;
  if (done.alreadyImported) {
    std::printf("%s: imported before (%s, as %s); nothing changed\n", file.c_str(),
                core::formatIso8601(record.importedAt).substr(0, 19).c_str(), record.file.c_str());
    return;
  }
  const double mb = double(record.counts.bytesRead) / 1e6;
  std::printf("%s: %lld rows read, %lld kept in %zu tracks of %zu vessels, %lld dropped%s; read %.2f s (%.0f MB/s), "
              "written %.2f s (%.0f points/s)\n",
              file.c_str(), (long long)record.counts.rowsRead, (long long)record.pointsKept, done.tracks, done.vessels,
              (long long)record.counts.droppedTotal(), droppedSummary(record.counts).c_str(), done.readSeconds,
              mb / std::max(1e-6, done.readSeconds), done.writeSeconds,
              double(record.pointsKept) / std::max(1e-6, done.writeSeconds));
}

void printArchive(const std::string& path) {
  auto summary = io::describeAisArchive(path);
  if (!summary || !summary->first) return;
  std::printf("%s: %zu files, %lld points, %lld vessels, %s .. %s", core::withoutSecrets(path).c_str(),
              summary->imports.size(),
              (long long)summary->points, (long long)summary->vessels, core::formatIso8601(*summary->first).c_str(),
              core::formatIso8601(*summary->last).c_str());
  struct stat info{};
  if (!io::isPostgresArchive(path) && ::stat(path.c_str(), &info) == 0) {
    std::printf("; %.1f MB (%.1f bytes a point)", double(info.st_size) / 1e6,
                double(info.st_size) / double(std::max<std::int64_t>(1, summary->points)));
  }
  std::printf("\n");
}

core::Result<void> checkImport(const ImportOptions& options) {
  std::error_code error;
  for (const std::string& file : options.files) {
    if (auto regular = core::requireRegularFile(file, "file"); !regular) return regular;
    if (fs::equivalent(file, options.into, error)) {
      return core::usageError(file + ": is the archive itself; it cannot be imported into itself");
    }
  }
  return {};
}

int runImport(const ImportOptions& options) {
  const io::AisReadOptions read = options.reader->readOptions();
  if (auto checked = checkImport(options); !checked) return reportError(checked.error());
  core::InterruptionScope stopOnSignals;  // the file being imported is rolled back; earlier ones stay
  const bool created = !io::isPostgresArchive(options.into) && !fs::exists(options.into);
  auto opened = io::AisArchiveWriter::open(options.into, [&] {
    std::fprintf(stderr, "%s: another import is writing to it; waiting for it to finish\n",
                 core::withoutSecrets(options.into).c_str());
  });
  if (!opened) return reportError(opened.error());
  std::optional<io::AisArchiveWriter> archive(std::move(*opened));
  std::size_t imported = 0;
  for (const std::string& file : options.files) {
    TerminalProgress progress;
    const std::string name = fs::path(file).filename().string();
    io::AisReadOptions withProgress = read;
    withProgress.progress = [&](const std::string&, std::int64_t done, std::int64_t total) {
      progress.show(total > 0 ? 0.5 * double(done) / double(total) : -1, name + ": reading");
    };
    auto done = app::importAisFile(*archive, file, withProgress, options.reader->trackOptions(),
                                   [&](std::size_t written, std::size_t total) {
                                     progress.show(0.5 + 0.5 * double(written) / double(std::max<std::size_t>(1, total)),
                                                   name + ": writing " + std::to_string(written) + " points");
                                   });
    progress.finish();
    if (!done) {
      core::Error error = done.error();
      if (imported > 0) error.message += " (the " + std::to_string(imported) + " files before it are in the archive)";
      if (imported == 0 && created) {  // an archive made for this import, empty: not left behind
        archive.reset();
        std::error_code ignored;
        fs::remove(options.into, ignored);
      }
      return reportError(error);
    }
    printImport(file, *done);
    ++imported;
  }
  printArchive(options.into);
  return 0;
}

}  // namespace

AisSubcommand addAisImportCommand(CLI::App& ais) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* command = ais.add_subcommand(
      "import", "Clean AIS files once into an archive (a GeoPackage, or a PostGIS database) that stats, export, render, view and record read "
                "a time window of; a file imported before is skipped, and each file is one transaction");
  command->add_option("files", options->files, "AIS files, as for 'corridor ais stats' (a day each, typically)")->required();
  command->add_option("--into", options->into, "the archive: a GeoPackage (.gpkg), created when missing, or a PostGIS database "
                                          "(PG:\"dbname=... host=...\"; the database must exist with the postgis extension)")->required();
  options->reader = std::make_unique<AisReaderFlags>(*command, false, false);
  return {command, [options] { return runImport(*options); }};
}

}  // namespace corridor::cli
