// AIS tracks: gaps, jumps, the antimeridian, several files and compressed input, the OGR path
// giving the same tracks as the fast parser, simplification and the GeoPackage export.
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>

#include "AisFixtures.h"
#include "AisLoading.h"
#include "GdalFixtures.h"
#include "TestSupport.h"
#include "io/AisExport.h"
#include "io/AisReader.h"
#include "io/AisTracks.h"

namespace corridor::io {
namespace {

using test::marineCadastreRow;

struct Fix {
  long mmsi;
  int minute;  // after 2022-06-01T00:00:00
  double lat, lon;
};

std::string timeAt(int minute) {
  return core::formatIso8601(*core::parseIso8601("2022-06-01") + std::int64_t(minute) * 60 * core::kMicrosPerSecond)
      .substr(0, 19);
}

std::string csvOf(const std::vector<Fix>& fixes) {
  std::string text = std::string(test::kMarineCadastreHeader) + "\n";
  for (const Fix& f : fixes) text += marineCadastreRow(f.mmsi, timeAt(f.minute), f.lat, f.lon) + "\n";
  return text;
}

// A ship at 15 kn heading east along the parallel `lat`, one report every 10 minutes.
std::vector<Fix> steaming(long mmsi, double lat, double startLon, int reports, int startMinute = 0) {
  std::vector<Fix> fixes;
  const double degreesPer10Min = 15 * 1852.0 / 6 / (111195.0 * std::cos(lat * 3.14159265358979 / 180));
  for (int i = 0; i < reports; ++i) {
    double lon = startLon + i * degreesPer10Min;
    if (lon >= 180) lon -= 360;
    // As a CSV writes them (5 decimals), so every reader sees the same numbers.
    fixes.push_back({mmsi, startMinute + 10 * i, lat, std::round(lon * 1e5) / 1e5});
  }
  return fixes;
}

using Loaded = test::LoadedAis;

Loaded load(const std::vector<std::filesystem::path>& files, const AisReadOptions& read = {},
            const AisTrackOptions& tracks = {}) {
  return test::loadAis(files, read, tracks);
}

TEST(AisTracks, AVesselCrossingTheAntimeridianStaysOneTrack) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "a.csv", csvOf(steaming(367000001, 40, 179.5, 30)));
  const Loaded loaded = load({dir / "a.csv"});
  ASSERT_EQ(loaded.set.tracks.size(), 1u);
  EXPECT_EQ(loaded.set.tracks[0].size(), 30u);
  EXPECT_EQ(loaded.counts.dropped[std::size_t(DropReason::ImplausibleJump)], 0);
  EXPECT_GT(loaded.set.lon(0), 179);
  EXPECT_LT(loaded.set.lon(29), -178.5);

  // The export cuts the line at 180 into one feature of two parts, none spanning the map.
  auto summary = writeAisTracks(dir / "t.gpkg", loaded.set, {});
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->lines, 1u);
  test::GdalDatasetPtr dataset(GDALDataset::Open((dir / "t.gpkg").c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(dataset);
  OGRLayer* layer = dataset->GetLayerByName("tracks");
  ASSERT_TRUE(layer);
  ASSERT_EQ(layer->GetFeatureCount(), 1);
  std::unique_ptr<OGRFeature> feature(layer->GetNextFeature());
  const auto* lines = feature->GetGeometryRef()->toMultiLineString();
  ASSERT_EQ(lines->getNumGeometries(), 2);
  OGREnvelope west, east;
  lines->getGeometryRef(0)->getEnvelope(&east);
  lines->getGeometryRef(1)->getEnvelope(&west);
  EXPECT_GE(east.MinX, 179.0);
  EXPECT_LE(west.MaxX, -178.5);
  EXPECT_STREQ(feature->GetFieldAsString("start_time"), "2022/06/01 00:00:00+00");
  EXPECT_EQ(feature->GetFieldAsInteger("points"), 30);
}

TEST(AisTracks, TimeGapsSplitTracksAtTheChosenLength) {
  test::ScratchDir dir;
  std::vector<Fix> fixes = steaming(367000001, 33, -130, 6);
  const std::vector<Fix> later = steaming(367000001, 33, -129.5, 6, 7 * 60);  // 7 h later
  fixes.insert(fixes.end(), later.begin(), later.end());
  test::writeTextFile(dir / "a.csv", csvOf(fixes));
  EXPECT_EQ(load({dir / "a.csv"}).set.tracks.size(), 2u);
  AisTrackOptions eightHours;
  eightHours.gapHours = 8;
  EXPECT_EQ(load({dir / "a.csv"}, {}, eightHours).set.tracks.size(), 1u);
}

TEST(AisTracks, AJumpTheFollowingReportsConfirmStartsANewTrack) {
  test::ScratchDir dir;
  std::vector<Fix> fixes = steaming(367000001, 33, -130, 5);
  const std::vector<Fix> elsewhere = steaming(367000001, 20, -150, 5, 50);  // same MMSI, 2,500 km away
  fixes.insert(fixes.end(), elsewhere.begin(), elsewhere.end());
  test::writeTextFile(dir / "a.csv", csvOf(fixes));
  const Loaded loaded = load({dir / "a.csv"});
  EXPECT_EQ(loaded.set.tracks.size(), 2u);
  EXPECT_EQ(loaded.set.pointCount(), 10u);
  EXPECT_EQ(loaded.counts.dropped[std::size_t(DropReason::ImplausibleJump)], 0);
}

// Exact duplicates (same vessel, time and position) far apart in a file, among another vessel's
// reports: the one read first is kept, with its own SOG, and the later one is the dropped row.
TEST(AisTracks, OfExactDuplicatesTheOneReadFirstIsKept) {
  const std::vector<Fix> first = steaming(367000001, 33, -130, 40), second = steaming(367000002, 34, -130, 40);
  auto row = [](const Fix& f, const char* sog) { return marineCadastreRow(f.mmsi, timeAt(f.minute), f.lat, f.lon, sog) + "\n"; };
  std::string text = std::string(test::kMarineCadastreHeader) + "\n" + row(first[30], "3.0");  // line 2
  for (std::size_t i = 0; i < first.size(); ++i) text += row(first[i], "12.0") + row(second[i], "12.0");  // 3..82
  text += row(first[5], "3.0");                                                                            // line 83
  test::ScratchDir dir;
  test::writeTextFile(dir / "a.csv", text);
  AisReadOptions read;
  read.droppedRowsPerReason = AisCounts::kEveryRow;
  const Loaded loaded = load({dir / "a.csv"}, read);
  std::vector<std::int64_t> droppedLines;
  for (const AisBadRow& dropped : loaded.counts.rows) droppedLines.push_back(dropped.line);
  std::sort(droppedLines.begin(), droppedLines.end());
  EXPECT_EQ(droppedLines, (std::vector<std::int64_t>{3 + 2 * 30, 83}));  // the later copies of minutes 300 and 50
  const AisTrackSet& set = loaded.set;
  ASSERT_EQ(set.tracks.size(), 2u);
  const std::uint32_t begin = set.tracks[0].begin;
  ASSERT_EQ(set.vessels[set.tracks[0].vessel].key, 367000001u);
  EXPECT_EQ(set.sogTenths[begin + 30], 30);   // minute 300: the first copy read, at 3 kn
  EXPECT_EQ(set.sogTenths[begin + 5], 120);   // minute 50: the original
}

// Points grouped by vessel, as an archive reads them, are cleaned from where they lie;
// interleaved, or one vessel's in two chunks, they are gathered through their indices sorted by
// vessel. All give the same tracks and the same drops, on any number of workers, although the
// memory of grouped points is handed back as their vessels reach the columns.
std::vector<AisPoint> voyage(std::uint32_t mmsi, int reports, double lon0, std::uint32_t line0) {
  std::vector<AisPoint> points;  // 10 kn east, a report every minute
  for (int i = 0; i < reports; ++i) {
    points.push_back({core::UtcMicros(i) * 60 * core::kMicrosPerSecond, mmsi, 330000000 + i,
                      std::int32_t((lon0 + 0.0033 * i) * 1e7), line0 + std::uint32_t(i), std::int16_t(100 + i % 7),
                      std::int16_t(900 + i % 11), std::int16_t(90 + i % 3), 0});
  }
  return points;
}

AisRawData dataOf(std::vector<std::vector<AisPoint>> chunks) {
  AisRawData raw;
  raw.addFile({"points.csv"});
  AisVesselTable vessels;
  for (std::uint32_t mmsi : {367000003u, 367000001u, 367000002u}) vessels[mmsi];
  for (auto& chunk : chunks) raw.add(std::move(chunk), vessels);
  return raw;
}

std::vector<std::int64_t> droppedLines(const AisCounts& counts) {
  std::vector<std::int64_t> lines;
  for (const AisBadRow& row : counts.rows) lines.push_back(row.line);
  std::ranges::sort(lines);
  return lines;
}

TEST(AisTracks, PointsGroupedByVesselAreCleanedWhereTheyLieWithTheSameResult) {
  // 30,000 reports a vessel: each vessel spans many pages, handed back once its vessels are
  // done. The chunks hold the vessels out of key order.
  constexpr int kReports = 30000;
  std::vector<AisPoint> first = voyage(367000001, kReports, -130, 2), second = voyage(367000002, kReports, -120, 40002),
                        third = voyage(367000003, kReports, -110, 80002);
  first[100].lonE7 = -1000000000;  // a spike 3,000 km away
  third[200].lonE7 = -1000000000;
  second.push_back(second[7]);  // an exact duplicate, read later
  second.back().line = 200000;
  AisRawData grouped = dataOf({third, first, second});
  std::vector<AisPoint> firstThenSecond = first;
  firstThenSecond.insert(firstThenSecond.end(), second.begin(), second.end());
  // Two vessels' runs in one chunk, cleaned by one worker in turn: the chunk must outlive the first.
  AisRawData shared = dataOf({third, firstThenSecond});
  std::vector<AisPoint> interleaved;
  for (std::size_t i = 0; i < second.size(); ++i) {
    for (const auto* points : {&first, &second, &third}) {
      if (i < points->size()) interleaved.push_back((*points)[i]);
    }
  }
  AisRawData mixed = dataOf({interleaved}), mixedAgain = dataOf({interleaved});
  AisRawData split = dataOf({{first.begin(), first.begin() + 10}, second, {first.begin() + 10, first.end()}, third});

  const auto runs = vesselRuns(grouped.pointChunks, grouped.vessels);
  ASSERT_TRUE(runs.has_value());
  EXPECT_EQ((*runs)[0].data(), grouped.pointChunks[0].data());  // 367000003, where it was read
  EXPECT_EQ((*runs)[1].data(), grouped.pointChunks[1].data());
  EXPECT_EQ((*runs)[2].size(), second.size());
  EXPECT_FALSE(vesselRuns(mixed.pointChunks, mixed.vessels).has_value());
  EXPECT_FALSE(vesselRuns(split.pointChunks, split.vessels).has_value());  // one vessel in two chunks

  AisCounts groupedCounts, sharedCounts, mixedCounts, splitCounts, firstOfEachCounts;
  for (AisCounts* counts : {&groupedCounts, &sharedCounts, &mixedCounts, &splitCounts}) {
    counts->rowsPerReason = AisCounts::kEveryRow;
  }
  firstOfEachCounts.rowsPerReason = 1;
  const AisTrackSet fromGroups = buildAisTracks(std::move(grouped), {}, groupedCounts, 2);
  const AisTrackSet fromShared = buildAisTracks(std::move(shared), {}, sharedCounts, 1);
  const AisTrackSet fromMixed = buildAisTracks(std::move(mixed), {}, mixedCounts, 3);
  const AisTrackSet fromSplit = buildAisTracks(std::move(split), {}, splitCounts, 4);
  buildAisTracks(std::move(mixedAgain), {}, firstOfEachCounts, 3);
  // Vessels in key order, each one track without its dropped report.
  ASSERT_EQ(fromGroups.pointCount(), 3u * kReports - 2);
  ASSERT_EQ(fromGroups.tracks.size(), 3u);
  const std::uint32_t ends[] = {kReports - 1, 2 * kReports - 1, 3 * kReports - 2};
  for (std::uint32_t t = 0; t < 3; ++t) {
    EXPECT_EQ(fromGroups.vessels[fromGroups.tracks[t].vessel].key, 367000001u + t);
    EXPECT_EQ(fromGroups.tracks[t].begin, t == 0 ? 0 : ends[t - 1]);
    EXPECT_EQ(fromGroups.tracks[t].end, ends[t]);
  }
  EXPECT_EQ(fromGroups.latE7.back(), 330000000 + kReports - 1);  // the last vessel's last report, intact
  EXPECT_EQ(fromGroups.pointBytes(), fromGroups.pointCount() * 22 + 3 * sizeof(AisTrack));
  for (const AisTrackSet* other : {&fromShared, &fromMixed, &fromSplit}) test::expectSameTracks(fromGroups, *other);
  EXPECT_EQ(droppedLines(groupedCounts), (std::vector<std::int64_t>{102, 80202, 200000}));
  for (const AisCounts* other : {&sharedCounts, &mixedCounts, &splitCounts}) {
    EXPECT_EQ(droppedLines(*other), droppedLines(groupedCounts));
  }
  // Of each reason, the first dropped row in vessel order, whichever worker cleaned it.
  EXPECT_EQ(droppedLines(firstOfEachCounts), (std::vector<std::int64_t>{102, 200000}));
  EXPECT_EQ(firstOfEachCounts.droppedTotal(), 3);
}

void writeGzip(const std::filesystem::path& path, const std::string& text) {
  VSILFILE* file = VSIFOpenL(("/vsigzip/" + path.string()).c_str(), "wb");
  ASSERT_TRUE(file);
  VSIFWriteL(text.data(), 1, text.size(), file);
  VSIFCloseL(file);
}

void writeZip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& members) {
  for (const auto& [name, text] : members) {
    VSILFILE* file = VSIFOpenL(("/vsizip/" + path.string() + "/" + name).c_str(), "wb");
    ASSERT_TRUE(file) << name;
    VSIFWriteL(text.data(), 1, text.size(), file);
    VSIFCloseL(file);
  }
}

TEST(AisTracks, DailyFilesPlainGzipAndZipAreOneDataSet) {
  test::ScratchDir dir;
  // One voyage over four days; one day per file, each in another container.
  const std::vector<Fix> voyage = steaming(367000001, 30, -170, 4 * 144);
  std::vector<std::string> days(4);
  for (int d = 0; d < 4; ++d) {
    days[d] = csvOf(std::vector<Fix>(voyage.begin() + d * 144, voyage.begin() + (d + 1) * 144));
  }
  test::writeTextFile(dir / "AIS_2022_06_01.csv", days[0]);
  writeGzip(dir / "AIS_2022_06_02.csv.gz", days[1]);
  writeZip(dir / "AIS_2022_06_03-04.zip", {{"AIS_2022_06_03.csv", days[2]}, {"AIS_2022_06_04.csv", days[3]}});
  const Loaded loaded = load({dir / "AIS_2022_06_01.csv", dir / "AIS_2022_06_02.csv.gz", dir / "AIS_2022_06_03-04.zip"});
  EXPECT_EQ(loaded.counts.rowsRead, 4 * 144);
  ASSERT_EQ(loaded.set.tracks.size(), 1u);
  EXPECT_EQ(loaded.set.tracks[0].size(), 4u * 144u);

  writeZip(dir / "nothing.zip", {{"readme.txt", "hello"}});
  auto empty = readAis({dir / "nothing.zip"}, {});
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("nothing.zip"), std::string::npos);
}

// The same fixes as a GeoPackage layer in Web Mercator with a DateTime field.
void writeMercatorGpkg(const std::filesystem::path& path, const std::vector<Fix>& fixes) {
  auto dataset = test::createDataset(path, "GPKG", 0, 0, 0, GDT_Unknown);
  OGRSpatialReference srs = test::spatialReference(3857);
  OGRLayer* layer = dataset->CreateLayer("positions", &srs, wkbPoint, nullptr);
  OGRFieldDefn mmsi("MMSI", OFTInteger), time("BaseDateTime", OFTDateTime), sog("SOG", OFTReal);
  layer->CreateField(&mmsi);
  layer->CreateField(&time);
  layer->CreateField(&sog);
  for (const Fix& f : fixes) {
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetField(0, int(f.mmsi));
    const core::CivilTime t = core::toCivilTime(*core::parseIso8601(timeAt(f.minute)));
    feature.SetField(1, t.year, t.month, t.day, t.hour, t.minute, float(t.second), 100);
    feature.SetField(2, 12.0);
    const test::Xy xy = test::webMercator({f.lon, f.lat});
    OGRPoint point(xy.x, xy.y);
    feature.SetGeometry(&point);
    ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
  }
}

TEST(AisTracks, TheOgrPathGivesTheSameTracksAsTheFastParser) {
  test::ScratchDir dir;
  std::vector<Fix> fixes = steaming(367000001, 33, -130, 20);
  const std::vector<Fix> other = steaming(538000002, 35, 150, 12, 5);
  fixes.insert(fixes.end(), other.begin(), other.end());
  fixes.push_back({3669999, 0, 33.7, -118.2});  // base station: dropped on both paths
  fixes.push_back(fixes[3]);                     // duplicate
  test::writeTextFile(dir / "a.csv", csvOf(fixes));
  writeMercatorGpkg(dir / "a.gpkg", fixes);

  const Loaded fast = load({dir / "a.csv"});
  AisReadOptions ogr;
  ogr.reader = AisReaderKind::Ogr;
  for (const Loaded& viaOgr : {load({dir / "a.csv"}, ogr), load({dir / "a.gpkg"})}) {
    EXPECT_EQ(viaOgr.counts.rowsRead, fast.counts.rowsRead);
    EXPECT_EQ(viaOgr.counts.dropped, fast.counts.dropped);
    ASSERT_EQ(viaOgr.set.tracks.size(), fast.set.tracks.size());
    ASSERT_EQ(viaOgr.set.pointCount(), fast.set.pointCount());
    EXPECT_EQ(viaOgr.set.time, fast.set.time);
    for (std::size_t i = 0; i < fast.set.pointCount(); ++i) {
      EXPECT_NEAR(viaOgr.set.lat(i), fast.set.lat(i), 2e-7);
      EXPECT_NEAR(viaOgr.set.lon(i), fast.set.lon(i), 2e-7);
    }
    EXPECT_EQ(viaOgr.set.vessels[0].key, 367000001u);
  }
}

TEST(AisTracks, SimplificationKeepsBendsAndTheirTimes) {
  AisTrackSet set;
  // Due north along 150 W, one report a minute, with a 5 km dog-leg east at report 30.
  for (int i = 0; i < 60; ++i) {
    set.time.push_back(std::int64_t(i) * 60 * core::kMicrosPerSecond);
    set.latE7.push_back(std::int32_t((10.0 + i * 0.005) * 1e7));
    set.lonE7.push_back(std::int32_t(((i == 30 ? 0.0457 : 0.0) - 150.0) * 1e7));  // ~5 km at 10 N
  }
  const AisTrack track{0, 0, 60};
  const auto straight = simplifyAisTrack(set, track, 10000);
  EXPECT_EQ(straight, (std::vector<std::uint32_t>{0, 59}));
  const auto bent = simplifyAisTrack(set, track, 1000);
  ASSERT_EQ(bent.size(), 5u);  // the dog-leg and the points either side of it
  EXPECT_EQ(bent[2], 30u);
  EXPECT_EQ(set.time[bent[2]], 30 * 60 * core::kMicrosPerSecond);
}

TEST(AisExport, AFailedExportLeavesNoFile) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "a.csv", csvOf(steaming(367000001, 33, -130, 5)));
  const Loaded loaded = load({dir / "a.csv"});
  const std::filesystem::path target = dir / "missing-dir" / "t.gpkg";
  auto summary = writeAisTracks(target, loaded.set, {});
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("t.gpkg"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(target));
}

}  // namespace
}  // namespace corridor::io
