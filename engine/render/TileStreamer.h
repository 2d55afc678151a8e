#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "core/Image.h"
#include "scene/RasterLayer.h"

namespace corridor::render {

// A tile of a raster layer, to read or as read (no image: unreadable).
struct TileRequest {
  std::shared_ptr<const scene::RasterLayer> layer;
  geo::TileKey key;
};
struct LoadedTile {
  std::uint64_t layer = 0;
  geo::TileKey key;
  std::optional<core::Image> image;
};

// Reads raster tiles on a background thread so that drawing never waits on I/O. Each frame
// says which tiles it still lacks (most wanted first); that list replaces the previous one, so
// a camera that moved on does not leave a queue of stale reads behind.
class TileStreamer {
 public:
  TileStreamer();
  ~TileStreamer();
  TileStreamer(const TileStreamer&) = delete;
  TileStreamer& operator=(const TileStreamer&) = delete;

  void want(std::vector<TileRequest> tiles);
  // Up to `limit` tiles read since the last call.
  std::vector<LoadedTile> take(std::size_t limit);
  // Reads on the caller's thread (for recordings, which must show every tile).
  static LoadedTile readNow(const TileRequest& request);

 private:
  void run(std::stop_token stop);

  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::deque<TileRequest> wanted_;
  std::vector<LoadedTile> loaded_;
  std::optional<std::pair<std::uint64_t, geo::TileKey>> reading_;
  std::jthread worker_;  // last: starts after the members it uses
};

}  // namespace corridor::render
