#include "app/AisInput.h"

#include "core/Stopwatch.h"

namespace corridor::app {
namespace {

// "FILES: no row kept of N read (bad_time 12, ...); the first: FILE:LINE: why"
std::string noRowKept(const std::vector<std::filesystem::path>& files, const io::AisCounts& counts) {
  std::string text = files.front().string() + (files.size() > 1 ? " and " + std::to_string(files.size() - 1) + " more" : "");
  if (counts.rowsRead == 0) return text + ": no AIS rows to read (a header only?)";
  text += ": no row kept of " + std::to_string(counts.rowsRead) + " read";
  std::string reasons;
  for (int r = 0; r < io::kDropReasonCount; ++r) {
    if (counts.dropped[std::size_t(r)] == 0) continue;
    reasons += (reasons.empty() ? "" : ", ") + std::string(io::dropReasonKey(io::DropReason(r))) + " " +
               std::to_string(counts.dropped[std::size_t(r)]);
  }
  if (!reasons.empty()) text += " (" + reasons + ")";
  if (!counts.rows.empty()) text += "; the first: " + io::describeBadRow(counts.rows.front());
  return text;
}

}  // namespace

core::Result<void> requireKeptRows(const LoadedAis& loaded, const std::vector<std::filesystem::path>& files) {
  if (loaded.tracks.pointCount() > 0) return {};
  return core::dataError(noRowKept(files, loaded.counts));
}

core::Result<LoadedAis> loadAisTracks(const std::vector<std::filesystem::path>& files, const io::AisReadOptions& read,
                                      const io::AisTrackOptions& tracks) {
  core::Stopwatch clock;
  io::AisReadOptions widened = read;
  widened.window = read.window.widened(core::UtcMicros(tracks.gapHours * 3600 * core::kMicrosPerSecond));
  auto raw = io::readAis(files, widened);
  if (!raw) return std::unexpected(raw.error());
  LoadedAis loaded;
  loaded.counts = std::move(raw->counts);
  loaded.files = raw->files;
  loaded.tracks = io::buildAisTracks(std::move(*raw), tracks, loaded.counts, read.threads);
  loaded.seconds = clock.seconds();
  return loaded;
}

}  // namespace corridor::app
