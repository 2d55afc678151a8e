#pragma once
// AIS files read and cut into tracks in one step, the read's success checked by the test.
// Their track sets compared column by column.
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

// Every column of two track sets, point by point, and every track's vessel and range.
inline void expectSameTracks(const io::AisTrackSet& a, const io::AisTrackSet& b) {
  ASSERT_EQ(a.pointCount(), b.pointCount());
  ASSERT_EQ(a.tracks.size(), b.tracks.size());
  ASSERT_EQ(a.vessels.size(), b.vessels.size());
  for (std::size_t t = 0; t < a.tracks.size(); ++t) {
    EXPECT_EQ(a.tracks[t].vessel, b.tracks[t].vessel) << "track " << t;
    EXPECT_EQ(a.tracks[t].begin, b.tracks[t].begin) << "track " << t;
    EXPECT_EQ(a.tracks[t].end, b.tracks[t].end) << "track " << t;
  }
  EXPECT_EQ(a.time, b.time);
  EXPECT_EQ(a.latE7, b.latE7);
  EXPECT_EQ(a.lonE7, b.lonE7);
  EXPECT_EQ(a.sogTenths, b.sogTenths);
  EXPECT_EQ(a.cogTenths, b.cogTenths);
  EXPECT_EQ(a.heading, b.heading);
  for (std::size_t v = 0; v < a.vessels.size(); ++v) {
    EXPECT_EQ(a.vessels[v].key, b.vessels[v].key);
    EXPECT_EQ(a.vessels[v].name, b.vessels[v].name);
    EXPECT_EQ(a.vessels[v].aisType, b.vessels[v].aisType);
    EXPECT_EQ(a.vessels[v].lengthM, b.vessels[v].lengthM);
  }
}

}  // namespace corridor::test
