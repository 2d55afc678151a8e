#include "app/AisInput.h"

#include "core/Stopwatch.h"

namespace corridor::app {

core::Result<LoadedAis> loadAisTracks(const std::vector<std::filesystem::path>& files, const io::AisReadOptions& read,
                                      const io::AisTrackOptions& tracks) {
  core::Stopwatch clock;
  auto raw = io::readAis(files, read);
  if (!raw) return std::unexpected(raw.error());
  LoadedAis loaded;
  loaded.counts = std::move(raw->counts);
  loaded.tracks = io::buildAisTracks(std::move(*raw), tracks, loaded.counts, read.threads);
  loaded.seconds = clock.seconds();
  return loaded;
}

}  // namespace corridor::app
