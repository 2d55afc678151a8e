#pragma once
// AIS files read, cleaned and cut into tracks, for every command that takes AIS.
#include <filesystem>
#include <vector>

#include "core/Result.h"
#include "io/AisReader.h"
#include "io/AisTracks.h"

namespace corridor::app {

// AIS files read, cleaned and cut into tracks: where 'ais stats', 'ais export' and --ais start.
struct LoadedAis {
  io::AisTrackSet tracks;
  io::AisCounts counts;  // rows read and dropped, by reason
  std::vector<io::AisSourceFile> files;  // as read (an archive is one)
  double seconds = 0;    // reading and building the tracks
};

// `read.progress` (if set) is called as the files are read. A read that keeps no row is no
// error here (its counts say why); requireKeptRows makes it one. A bounded read.window is
// widened by the gap limit on each side, so that tracks and their interpolation are right up to
// its edges.
core::Result<LoadedAis> loadAisTracks(const std::vector<std::filesystem::path>& files, const io::AisReadOptions& read,
                                      const io::AisTrackOptions& tracks);

// An error naming the files, the reason counts and the first dropped row when nothing was kept.
core::Result<void> requireKeptRows(const LoadedAis& loaded, const std::vector<std::filesystem::path>& files);

}  // namespace corridor::app
