#include "render/TileStreamer.h"

#include <algorithm>

namespace corridor::render {

TileStreamer::TileStreamer() : worker_([this](std::stop_token stop) { run(stop); }) {}

TileStreamer::~TileStreamer() {
  worker_.request_stop();
  wake_.notify_all();
}

void TileStreamer::want(std::vector<TileRequest> tiles) {
  {
    std::lock_guard lock(mutex_);
    // A tile being read or read and not yet taken is on its way already.
    auto onItsWay = [&](const TileRequest& tile) {
      auto same = [&](std::uint64_t layer, const geo::TileKey& key) { return layer == tile.layer->id && key == tile.key; };
      return (reading_ && same(reading_->first, reading_->second)) ||
             std::any_of(loaded_.begin(), loaded_.end(), [&](const LoadedTile& t) { return same(t.layer, t.key); });
    };
    wanted_.clear();
    for (TileRequest& tile : tiles) {
      if (!onItsWay(tile)) wanted_.push_back(std::move(tile));
    }
  }
  wake_.notify_one();
}

std::vector<LoadedTile> TileStreamer::take(std::size_t limit) {
  std::lock_guard lock(mutex_);
  const std::size_t count = std::min(limit, loaded_.size());
  std::vector<LoadedTile> taken(std::make_move_iterator(loaded_.begin()),
                                std::make_move_iterator(loaded_.begin() + std::ptrdiff_t(count)));
  loaded_.erase(loaded_.begin(), loaded_.begin() + std::ptrdiff_t(count));
  return taken;
}

LoadedTile TileStreamer::readNow(const TileRequest& request) {
  return {request.layer->id, request.key, request.layer->readTile(request.key)};
}

void TileStreamer::run(std::stop_token stop) {
  while (true) {
    TileRequest request;
    {
      std::unique_lock lock(mutex_);
      if (!wake_.wait(lock, stop, [&] { return !wanted_.empty(); })) return;
      request = std::move(wanted_.front());
      wanted_.pop_front();
      reading_.emplace(request.layer->id, request.key);
    }
    LoadedTile tile = readNow(request);
    std::lock_guard lock(mutex_);
    loaded_.push_back(std::move(tile));
    reading_.reset();
  }
}

}  // namespace corridor::render
