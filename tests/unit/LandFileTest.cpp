#include "scene/LandFile.h"

#include <gtest/gtest.h>

#include "TestSupport.h"

namespace corridor::test {
namespace {

geo::LandGeometry sampleLand() {
  geo::LandGeometry land;
  land.land.push_back({0.0, {{{0, 0}, {1, 0}, {0, 1}, {179.5, -85.25}}, {0, 1, 2, 1, 3, 2}}});
  land.land.push_back({0.3, {{{0, 0}, {1, 0}, {0, 1}}, {0, 1, 2}}});
  land.outlines = {{{0, 0}, {1, 0}}, {}, {{170, 10}, {190, 10}, {200, 12}}};
  return land;
}

TEST(LandFile, RoundTripsExactly) {
  ScratchDir dir;
  const geo::LandGeometry land = sampleLand();
  ASSERT_TRUE(scene::writeLandFile(dir / "a.land", land));
  const auto back = scene::readLandFile(dir / "a.land");
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->land.size(), 2u);
  ASSERT_EQ(back->land[0].mesh.vertices.size(), 4u);
  EXPECT_EQ(back->land[0].mesh.vertices[3].lon, 179.5);
  EXPECT_EQ(back->land[0].mesh.vertices[3].lat, -85.25);
  EXPECT_EQ(back->land[0].mesh.indices, land.land[0].mesh.indices);
  EXPECT_EQ(back->land[1].toleranceDegrees, 0.3);
  EXPECT_EQ(back->land[1].mesh.indices.size(), 3u);
  ASSERT_EQ(back->outlines.size(), 3u);
  EXPECT_TRUE(back->outlines[1].empty());
  EXPECT_EQ(back->outlines[2][1].lon, 190.0);
}

TEST(LandFile, RejectsTruncatedAndForeignFiles) {
  ScratchDir dir;
  ASSERT_TRUE(scene::writeLandFile(dir / "a.land", sampleLand()));
  const auto size = std::filesystem::file_size(dir / "a.land");
  for (const auto cut : {size - 1, size / 2, std::uintmax_t{4}}) {
    std::filesystem::copy_file(dir / "a.land", dir / "cut.land",
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::resize_file(dir / "cut.land", cut);
    const auto result = scene::readLandFile(dir / "cut.land");
    ASSERT_FALSE(result) << "cut at " << cut;
    EXPECT_TRUE(containsText(result.error().message, "cut.land"));
  }
  writeTextFile(dir / "notes.land", "not geometry at all");
  EXPECT_FALSE(scene::readLandFile(dir / "notes.land"));
  EXPECT_FALSE(scene::readLandFile(dir / "missing.land"));
}

TEST(LandFile, RejectsIndicesBeyondTheVertices) {
  ScratchDir dir;
  geo::LandGeometry land = sampleLand();
  land.land[1].mesh.indices.push_back(99);
  ASSERT_TRUE(scene::writeLandFile(dir / "bad.land", land));
  EXPECT_FALSE(scene::readLandFile(dir / "bad.land"));
}

}  // namespace
}  // namespace corridor::test
