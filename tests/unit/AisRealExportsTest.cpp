// The variants of real AIS exports, each made by construction so the right counts are known, and
// read through both readers, which must agree: minute times in both date orders, epoch times,
// text ids, odd coordinate names, blank rows, the line numbers of dropped rows.
#include <gtest/gtest.h>

#include <cstdlib>

#include "AisLoading.h"
#include "TestSupport.h"
#include "io/AisReader.h"
#include "io/AisTracks.h"

namespace corridor::io {
namespace {

using Loaded = test::LoadedAis;

Loaded load(const std::filesystem::path& file, AisReaderKind reader, AisReadOptions options = {}) {
  options.reader = reader;
  return test::loadAis({file}, options);
}

// Both readers, checked to agree on every kept point, vessel and count.
Loaded loadBoth(const std::filesystem::path& file, const AisReadOptions& options = {}) {
  const Loaded fast = load(file, AisReaderKind::Fast, options);
  const Loaded ogr = load(file, AisReaderKind::Ogr, options);
  EXPECT_EQ(fast.set.time, ogr.set.time) << file;
  EXPECT_EQ(fast.set.latE7, ogr.set.latE7) << file;
  EXPECT_EQ(fast.set.lonE7, ogr.set.lonE7) << file;
  EXPECT_EQ(fast.set.tracks.size(), ogr.set.tracks.size()) << file;
  EXPECT_EQ(fast.counts.rowsRead, ogr.counts.rowsRead) << file;
  EXPECT_EQ(fast.counts.dropped, ogr.counts.dropped) << file;
  EXPECT_EQ(fast.set.vessels.size(), ogr.set.vessels.size()) << file;
  for (std::size_t v = 0; v < std::min(fast.set.vessels.size(), ogr.set.vessels.size()); ++v) {
    EXPECT_EQ(fast.set.vessels[v].label(), ogr.set.vessels[v].label()) << file;
  }
  return fast;
}

core::UtcMicros utc(const char* iso) { return *core::parseIso8601(iso); }

TEST(AisRealExports, MinuteTimesAreReadInTheDateOrderTheFileShows) {
  test::ScratchDir dir;
  // Excel-style, day first: the 15th can only be a day. Month first: the 15th can only be one too.
  test::writeTextFile(dir / "dmy.csv", "MMSI,BaseDateTime,LAT,LON,SOG\n"
                                       "367000001,03/10/2022 23:50,33.70,-118.30,10\n"
                                       "367000001,15/10/2022 23:59,33.72,-118.30,10\n");
  test::writeTextFile(dir / "mdy.csv", "MMSI,BaseDateTime,LAT,LON,SOG\n"
                                       "367000001,10/03/2022 23:50,33.70,-118.30,10\n"
                                       "367000001,10/15/2022 23:59,33.72,-118.30,10\n");
  for (const char* name : {"dmy.csv", "mdy.csv"}) {
    const Loaded loaded = loadBoth(dir / name);
    ASSERT_EQ(loaded.set.pointCount(), 2u) << name;
    EXPECT_EQ(loaded.set.time[0], utc("2022-10-03T23:50:00Z")) << name;
    EXPECT_EQ(loaded.set.time[1], utc("2022-10-15T23:59:00Z")) << name;
    EXPECT_EQ(loaded.counts.droppedTotal(), 0) << name;
  }
  // The option decides where the data cannot: read month first, 03/10 is the 10th of March.
  AisReadOptions monthFirst;
  monthFirst.timeFormat = AisTimeFormat::MonthFirst;
  const Loaded forced = loadBoth(dir / "dmy.csv", monthFirst);
  EXPECT_EQ(forced.set.pointCount(), 1u);
  EXPECT_EQ(forced.set.time[0], utc("2022-03-10T23:50:00Z"));
  EXPECT_EQ(forced.counts.dropped[std::size_t(DropReason::BadTime)], 1);  // "15/10" has no month 15
}

TEST(AisRealExports, TextIdsEpochTimesAndDegreeColumnsAreRead) {
  test::ScratchDir dir;
  // A segment export (MovingPandas style): text track ids, epoch seconds and milliseconds.
  test::writeTextFile(dir / "segments.csv", "track_id,timestamp,Longitude_degrees,Latitude_degrees,sog\n"
                                            "244030457-2017-1,1665878340,4.10,52.10,8\n"
                                            "244030457-2017-1,1665878400000,4.11,52.10,8\n"
                                            "A17,1665878340,4.50,52.50,3\n"
                                            ",1665878340,4.50,52.50,3\n");
  const Loaded loaded = loadBoth(dir / "segments.csv");
  ASSERT_EQ(loaded.set.vessels.size(), 2u);
  EXPECT_EQ(loaded.set.vessels[0].label(), "id 244030457-2017-1");
  EXPECT_FALSE(loaded.set.vessels[0].hasMmsi());
  EXPECT_EQ(loaded.set.vessels[1].label(), "id A17");  // no MMSI rules for a text id
  EXPECT_EQ(loaded.set.pointCount(), 3u);
  EXPECT_EQ(loaded.set.time[1] - loaded.set.time[0], 60 * core::kMicrosPerSecond);
  EXPECT_EQ(loaded.counts.dropped[std::size_t(DropReason::MissingId)], 1);
}

// Each chunk of a file numbers its text ids as it meets them; merged, every id must name one
// vessel with the fields of all its rows. Chunks of 64 bytes hold a row or two, so the ids come
// in another order in each and a vessel's name only in a later chunk than its first row.
TEST(AisRealExports, TextIdsAcrossChunksNameOneVesselEach) {
  test::ScratchDir dir;
  std::string text = "track_id,timestamp,lon,lat,vesselname\n";
  const char* ids[] = {"B2", "A1", "C3"};
  for (int row = 0; row < 12; ++row) {
    const std::string id = ids[(row * 7 / 3) % 3];
    text += id + "," + std::to_string(1665878340 + 60 * row) + ",4." + std::to_string(10 + row) + ",52.10," +
            (row >= 9 ? "SHIP " + id : "") + "\n";
  }
  test::writeTextFile(dir / "ids.csv", text);
  AisReadOptions chunked;
  chunked.reader = AisReaderKind::Fast;
  chunked.chunkBytes = 64;
  chunked.threads = 2;
  const Loaded pieces = test::loadAis({dir / "ids.csv"}, chunked);
  const Loaded whole = load(dir / "ids.csv", AisReaderKind::Fast);
  ASSERT_EQ(pieces.set.vessels.size(), 3u);
  EXPECT_EQ(pieces.set.pointCount(), 12u);
  for (std::size_t v = 0; v < 3; ++v) {
    EXPECT_EQ(pieces.set.vessels[v].textId, whole.set.vessels[v].textId);
    EXPECT_EQ(pieces.set.vessels[v].name, "SHIP " + pieces.set.vessels[v].textId);
  }
  EXPECT_EQ(pieces.set.time, whole.set.time);
  EXPECT_EQ(pieces.set.lonE7, whole.set.lonE7);
}

TEST(AisRealExports, CoordinateColumnsCanBeNamed) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "grid.csv", "mmsi,time,E,N\n"
                                        "367000001,2022-06-01T00:00:00Z,-118.30,33.70\n"
                                        "367000001,2022-06-01T00:01:00Z,-118.29,33.70\n");
  for (AisReaderKind reader : {AisReaderKind::Fast, AisReaderKind::Ogr}) {
    AisReadOptions unnamed;
    unnamed.reader = reader;
    const auto refused = readAis({dir / "grid.csv"}, unnamed);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("the columns are: mmsi, time, E, N"), std::string::npos)
        << refused.error().message;
    EXPECT_NE(refused.error().message.find("--lon-field"), std::string::npos);
  }
  AisReadOptions named;
  named.fields.lon = "E";
  named.fields.lat = "n";  // names match as written or normalized
  const Loaded loaded = loadBoth(dir / "grid.csv", named);
  ASSERT_EQ(loaded.set.pointCount(), 2u);
  EXPECT_NEAR(loaded.set.lon(1), -118.29, 1e-9);

  AisReadOptions wrong;
  wrong.fields.lon = "Easting";
  const auto missing = readAis({dir / "grid.csv"}, wrong);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("--lon-field 'Easting': no such column"), std::string::npos);
}

TEST(AisRealExports, BlankLinesAndEmptySpreadsheetRowsAreNoRows) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "blank.csv", "MMSI,BaseDateTime,LAT,LON\n"
                                         "367000001,2022-06-01T00:00:00,33.70,-118.30\n"
                                         "\n"
                                         ",,,\n"
                                         "\r\n"
                                         "367000001,2022-06-01T00:01:00,33.70,-118.29\n"
                                         "367000001,2022-06-01T00:02:00,xx,-118.28\n");
  const Loaded loaded = loadBoth(dir / "blank.csv");
  EXPECT_EQ(loaded.counts.rowsRead, 3);
  EXPECT_EQ(loaded.set.pointCount(), 2u);
  EXPECT_EQ(loaded.counts.dropped[std::size_t(DropReason::BadNumber)], 1);
}

TEST(AisRealExports, DroppedRowsNameTheirRealLineInEitherReader) {
  test::ScratchDir dir;
  // Blank lines shift the lines; through OGR, a quoted name over two lines shifts them again.
  const std::string rows = "MMSI,BaseDateTime,LAT,LON,VesselName\n"                  // 1
                           "367000001,2022-06-01T00:00:00,33.70,-118.30,A\n"         // 2
                           "\n"                                                      // 3
                           "367000001,2022-06-01T00:01:00,33.70,-118.29,A\n"         // 4
                           "367000001,2022-06-01T00:01:00,33.70,-118.29,A\n"         // 5: duplicate
                           "3669999,2022-06-01T00:01:00,33.70,-118.29,STATION\n";    // 6: not a vessel
  test::writeTextFile(dir / "lines.csv", rows);
  for (AisReaderKind reader : {AisReaderKind::Fast, AisReaderKind::Ogr}) {
    const Loaded loaded = load(dir / "lines.csv", reader);
    ASSERT_EQ(loaded.counts.rows.size(), 2u);
    for (const AisBadRow& row : loaded.counts.rows) {
      EXPECT_FALSE(row.feature);
      EXPECT_EQ(row.line, row.reason == DropReason::Duplicate ? 5 : 6) << dropReasonKey(row.reason);
      EXPECT_NE(row.file.find("lines.csv"), std::string::npos);
    }
  }
  test::writeTextFile(dir / "quoted.csv", "MMSI,BaseDateTime,LAT,LON,VesselName\n"    // 1
                                          "367000001,2022-06-01T00:00:00,33.70,-118.30,\"TWO\n"  // 2
                                          "LINES\"\n"                                  // 3
                                          "\n"                                         // 4
                                          "367000001,2022-06-01T00:01:00,x,-118.29,A\n");  // 5
  const Loaded quoted = load(dir / "quoted.csv", AisReaderKind::Ogr);
  ASSERT_EQ(quoted.counts.rows.size(), 1u);
  EXPECT_EQ(quoted.counts.rows[0].line, 5);
  EXPECT_EQ(quoted.set.vessels.at(0).name, "TWO\nLINES");
}

TEST(AisRealExports, ACompressedCsvThroughOgrNamesFeaturesNotLines) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "plain.csv", "MMSI,BaseDateTime,LAT,LON\n\n367000001,2022-06-01T00:00:00,xx,-118.3\n");
  ASSERT_EQ(std::system(("gzip -k " + (dir / "plain.csv").string()).c_str()), 0);
  const Loaded loaded = load(dir / "plain.csv.gz", AisReaderKind::Ogr);
  ASSERT_EQ(loaded.counts.rows.size(), 1u);
  EXPECT_TRUE(loaded.counts.rows[0].feature);
  EXPECT_EQ(loaded.counts.rows[0].line, 1);  // GDAL's first feature
}

TEST(AisRealExports, EveryDroppedRowIsKeptWhenAsked) {
  test::ScratchDir dir;
  std::string text = "MMSI,BaseDateTime,LAT,LON\n";
  for (int i = 0; i < 25; ++i) text += "367000001,2022-06-01T00:00:00,91,181\n";
  test::writeTextFile(dir / "na.csv", text);
  EXPECT_EQ(load(dir / "na.csv", AisReaderKind::Fast).counts.rows.size(), AisCounts::kExamplesPerReason);
  AisReadOptions every;
  every.droppedRowsPerReason = AisCounts::kEveryRow;
  every.chunkBytes = 100;  // over many chunks
  const Loaded all = load(dir / "na.csv", AisReaderKind::Fast, every);
  ASSERT_EQ(all.counts.rows.size(), 25u);
  for (std::size_t i = 0; i < 25; ++i) EXPECT_EQ(all.counts.rows[i].line, std::int64_t(i) + 2);
}

}  // namespace
}  // namespace corridor::io
