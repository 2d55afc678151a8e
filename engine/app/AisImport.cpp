#include "app/AisImport.h"

#include <chrono>

#include "app/AisInput.h"
#include "core/FileHash.h"
#include "core/InputFile.h"
#include "core/Stopwatch.h"

namespace corridor::app {

core::Result<AisFileImport> importAisFile(io::AisArchiveWriter& archive, const std::filesystem::path& file,
                                          const io::AisReadOptions& read, const io::AisTrackOptions& tracks,
                                          const std::function<void(std::size_t, std::size_t)>& writing) {
  if (auto regular = core::requireRegularFile(file, "file"); !regular) return std::unexpected(regular.error());
  AisFileImport result;
  const std::int64_t bytes = std::int64_t(std::filesystem::file_size(file));
  auto hash = core::contentHash(file);
  if (!hash) return std::unexpected(hash.error());
  if (auto previous = archive.findImport(bytes, *hash)) {
    result.alreadyImported = true;
    result.record = std::move(*previous);
    return result;
  }
  auto loaded = loadAisTracks({file}, read, tracks);
  if (!loaded) return std::unexpected(loaded.error());
  if (auto kept = requireKeptRows(*loaded, {file}); !kept) return std::unexpected(kept.error());
  result.readSeconds = loaded->seconds;
  result.counts = loaded->counts;
  result.vessels = loaded->tracks.vessels.size();
  result.tracks = loaded->tracks.tracks.size();

  io::AisImportRecord& record = result.record;
  record.file = file.string();
  record.bytes = bytes;
  record.hash = *hash;
  record.importedAt = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
  record.counts = loaded->counts;
  record.counts.rows.clear();
  for (const io::AisSourceFile& source : loaded->files) {
    record.timeResolutionSeconds = std::max(record.timeResolutionSeconds, source.timeResolutionSeconds);
  }
  core::Stopwatch clock;
  if (auto appended = archive.append(record, loaded->tracks, writing); !appended) return std::unexpected(appended.error());
  result.writeSeconds = clock.seconds();
  result.record = archive.findImport(bytes, *hash).value_or(record);
  return result;
}

}  // namespace corridor::app
