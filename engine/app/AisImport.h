#pragma once
// `corridor ais import`: AIS files read and cleaned as for every command, appended to an archive.
#include <filesystem>
#include <functional>

#include "core/Result.h"
#include "io/AisArchive.h"
#include "io/AisReader.h"
#include "io/AisTracks.h"

namespace corridor::app {

struct AisFileImport {
  bool alreadyImported = false;  // the same content was imported before: `record` is that import
  io::AisImportRecord record;
  io::AisCounts counts;  // with the first dropped rows of each reason
  std::size_t vessels = 0, tracks = 0;
  double readSeconds = 0, writeSeconds = 0;
};

// Reads, cleans and appends one file (a day of MarineCadastre, a zip of them) as one
// transaction; a file whose size and content were imported before is not read again. A file
// that keeps no row is an error and writes nothing. `writing` gets the points written.
core::Result<AisFileImport> importAisFile(io::AisArchiveWriter& archive, const std::filesystem::path& file,
                                          const io::AisReadOptions& read, const io::AisTrackOptions& tracks,
                                          const std::function<void(std::size_t done, std::size_t total)>& writing);

}  // namespace corridor::app
