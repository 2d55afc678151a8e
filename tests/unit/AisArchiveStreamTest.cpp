// Playing an AIS archive holds the window around the clock, not the windows it left: memory
// follows one window while one clock plays, two while a recording's clock takes turns with it.
#include <gtest/gtest.h>

#include "AisFixtures.h"
#include "TestSupport.h"
#include "app/AisArchiveStream.h"
#include "app/AisImport.h"
#include "io/AisArchive.h"

namespace corridor::test {
namespace {

namespace fs = std::filesystem;
constexpr core::UtcMicros kHour = 3600 * core::kMicrosPerSecond;

core::UtcMicros at(const char* iso) { return *core::parseIso8601(iso); }

// Three days of one ship reporting every ten minutes, imported into a GeoPackage archive.
fs::path threeDayArchive(const ScratchDir& dir) {
  std::string text = std::string(kMarineCadastreHeader) + "\n";
  const core::UtcMicros start = at("2022-06-01T00:00:00Z");
  for (int i = 0; i < 3 * 144; ++i) {
    const std::string time = core::formatIso8601(start + i * kHour / 6).substr(0, 19);
    text += marineCadastreRow(367000001, time, 33.0, -118.3 + i * 0.001) + "\n";
  }
  writeTextFile(dir / "days.csv", text);
  auto writer = io::AisArchiveWriter::open(dir / "days.gpkg", nullptr);
  EXPECT_TRUE(writer.has_value()) << (writer ? "" : writer.error().message);
  auto imported = app::importAisFile(*writer, dir / "days.csv", {}, {}, nullptr);
  EXPECT_TRUE(imported.has_value()) << (imported ? "" : imported.error().message);
  return dir / "days.gpkg";
}

app::AisArchiveStream streamOf(const fs::path& archive) {
  return app::AisArchiveStream({archive}, {}, {}, kHour, kHour, app::AisArchiveStream::kSpan);
}

std::shared_ptr<const io::AisTrackSet> tracksAround(app::AisArchiveStream& stream, const char* iso) {
  auto tracks = stream.around(at(iso));
  EXPECT_TRUE(tracks.has_value()) << (tracks ? "" : tracks.error().message);
  return tracks ? *tracks : nullptr;
}

TEST(AisArchiveStream, AWindowTheClockLeftIsFreedOnceNothingElseHoldsIt) {
  ScratchDir dir;
  app::AisArchiveStream stream = streamOf(threeDayArchive(dir));
  auto first = tracksAround(stream, "2022-06-01T12:00:00Z");
  ASSERT_TRUE(first);
  EXPECT_GT(first->pointCount(), 0u);
  const std::weak_ptr<const io::AisTrackSet> left = first;
  first.reset();
  // Before, the stream kept the last two windows: a day of US AIS is ~650 MB each. Now even the
  // last one asked for (a finished recording's, say) goes with its last user.
  EXPECT_TRUE(left.expired());
  const auto later = tracksAround(stream, "2022-06-03T12:00:00Z");
  ASSERT_TRUE(later);
  EXPECT_GT(later->pointCount(), 0u);
}

TEST(AisArchiveStream, AWindowKeepsOfItsGapMarginsOnlyTheNearestReports) {
  ScratchDir dir;
  app::AisArchiveStream stream = streamOf(threeDayArchive(dir));
  // The window: an hour before noon to 6 + 1 hours after, 11:00 .. 19:00, 48 reports; read with
  // the 6 hours' gap limit either side (120 reports), of which eight a side are kept.
  const auto tracks = tracksAround(stream, "2022-06-01T12:00:00Z");
  ASSERT_TRUE(tracks);
  EXPECT_EQ(tracks->pointCount(), 48u + 2 * io::AisNearestOutside::kPerSide);
  EXPECT_EQ(tracks->time.front(), at("2022-06-01T09:40:00Z"));
  EXPECT_EQ(tracks->time.back(), at("2022-06-01T20:10:00Z"));
}

TEST(AisArchiveStream, AWindowStillInUseIsTakenUpAgainNotReadAgain) {
  ScratchDir dir;
  app::AisArchiveStream stream = streamOf(threeDayArchive(dir));
  const auto recording = tracksAround(stream, "2022-06-01T12:00:00Z");  // held, as trips built from it are
  const auto clock = tracksAround(stream, "2022-06-03T12:00:00Z");
  EXPECT_NE(clock, recording);
  EXPECT_EQ(tracksAround(stream, "2022-06-01T12:10:00Z"), recording);
  EXPECT_EQ(tracksAround(stream, "2022-06-03T12:10:00Z"), clock);
}

}  // namespace
}  // namespace corridor::test
