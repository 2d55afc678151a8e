#pragma once
// AIS files read and cut into tracks in one step, the read's success checked by the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "io/AisReader.h"
#include "io/AisTracks.h"

namespace corridor::test {

struct LoadedAis {
  io::AisTrackSet set;
  io::AisCounts counts;
};

inline LoadedAis loadAis(const std::vector<std::filesystem::path>& files, const io::AisReadOptions& read = {},
                         const io::AisTrackOptions& tracks = {}) {
  auto raw = io::readAis(files, read);
  EXPECT_TRUE(raw.has_value()) << (raw ? "" : raw.error().message);
  LoadedAis loaded;
  if (!raw) return loaded;
  loaded.counts = raw->counts;
  loaded.set = io::buildAisTracks(std::move(*raw), tracks, loaded.counts);
  return loaded;
}

}  // namespace corridor::test
