// AIS archives, each test on a GeoPackage and on a PostGIS database (a throwaway cluster): an
// import keeps exactly what reading the files keeps, a window reads exactly the reports inside
// it, and no failed or repeated import changes the archive.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <atomic>
#include <thread>

#include "AisFixtures.h"
#include "AisLoading.h"
#include "GdalFixtures.h"
#include "PostgresServer.h"
#include "TestSupport.h"
#include "app/AisImport.h"
#include "core/FileHash.h"
#include "core/Interruption.h"
#include "io/AisArchive.h"
#include "io/AisExport.h"

namespace corridor::test {
namespace {

namespace fs = std::filesystem;
using io::AisArchiveWriter;

constexpr core::UtcMicros kMinute = 60 * core::kMicrosPerSecond, kHour = 60 * kMinute;

std::string isoTime(core::UtcMicros time) { return core::formatIso8601(time).substr(0, 19); }
core::UtcMicros at(const char* iso) { return *core::parseIso8601(iso); }

// `vessels` ships reporting every `step` from `start` for `count` reports, sailing east 0.001
// degrees a report (7 kn at 10 min), and a few rows every reader drops.
std::string day(core::UtcMicros start, int count, core::UtcMicros step, int vessels = 3, double lon0 = -118.3) {
  std::string text = std::string(kMarineCadastreHeader) + "\n";
  for (int i = 0; i < count; ++i) {
    for (int v = 0; v < vessels; ++v) {
      text += marineCadastreRow(367000001 + v, isoTime(start + i * step), 33.0 + v * 0.1, lon0 + i * 0.001) + "\n";
    }
  }
  text += marineCadastreRow(367000001, isoTime(start), 33.0, lon0) + "\n";             // a duplicate
  text += marineCadastreRow(3669999, isoTime(start), 33.5, lon0) + "\n";               // a base station
  text += "367000001,2022-06-01T00:30:00,xx,1,1,1,1,X,,,,,,,,,\n";                     // a bad number
  return text;
}

// Each test runs on both kinds of archive.
enum class Kind { GeoPackage, PostGis };

class AisArchive : public ::testing::TestWithParam<Kind> {
 protected:
  void SetUp() override {
    if (GetParam() == Kind::PostGis) {
      server_.emplace();
      ASSERT_TRUE(server_->ok());
    }
    archive_ = GetParam() == Kind::PostGis ? fs::path(server_->archive()) : dir_ / "archive.gpkg";
  }
  // Three vessels over 16.5 hours, a report every 10 minutes, imported.
  void importDay() const;
  // What the archive holds, to compare before and after.
  std::string contents() const {
    const auto summary = io::describeAisArchive(archive_);
    if (!summary) return summary.error().message;
    return std::to_string(summary->imports.size()) + " imports, " + std::to_string(summary->points) + " points, " +
           std::to_string(summary->vessels) + " vessels, " + std::to_string(loadAis({archive_}).set.pointCount()) + " read";
  }

  ScratchDir dir_;
  std::optional<PostgresServer> server_;
  fs::path archive_;
};

AisArchiveWriter openWriter(const fs::path& archive) {
  auto writer = AisArchiveWriter::open(archive, nullptr);
  EXPECT_TRUE(writer.has_value()) << (writer ? "" : writer.error().message);
  return std::move(*writer);
}

app::AisFileImport import(AisArchiveWriter& writer, const fs::path& file, const io::AisTrackOptions& tracks = {}) {
  auto done = app::importAisFile(writer, file, {}, tracks, nullptr);
  EXPECT_TRUE(done.has_value()) << (done ? "" : done.error().message);
  return done ? *done : app::AisFileImport{};
}

void AisArchive::importDay() const {
  writeTextFile(dir_ / "day.csv", day(at("2022-06-01T00:00:00Z"), 100, 10 * kMinute));
  AisArchiveWriter writer = openWriter(archive_);
  import(writer, dir_ / "day.csv");
}

TEST_P(AisArchive, AnImportKeepsExactlyWhatReadingTheFileKeeps) {
  const ScratchDir& dir = dir_;
  writeTextFile(dir / "day.csv", day(at("2022-06-01T00:00:00Z"), 100, 10 * kMinute));
  const LoadedAis files = loadAis({dir / "day.csv"});
  AisArchiveWriter writer = openWriter(archive_);
  const app::AisFileImport done = import(writer, dir / "day.csv");
  // 300 reports, the duplicate, the base station and the bad number.
  EXPECT_EQ(done.record.counts.rowsRead, 303);
  EXPECT_EQ(done.record.pointsKept, 300);
  EXPECT_EQ(done.record.counts.dropped, files.counts.dropped);
  EXPECT_EQ(done.record.counts.rowsRead, files.counts.rowsRead);
  const LoadedAis archived = loadAis({archive_});
  EXPECT_EQ(archived.counts.rowsRead, 300);
  EXPECT_EQ(archived.counts.droppedTotal(), 0);
  expectSameTracks(files.set, archived.set);
}

TEST_P(AisArchive, ReadInBlocksOfAFewPointsItGivesTheSameTracks) {
  // Reading holds the points in blocks of chunkBytes; 7 points a block: 300 reports fill 42
  // and start a 43rd, and the margins' nearest reports, added last, cross blocks too.
  importDay();
  io::AisReadOptions small;
  small.chunkBytes = 7 * sizeof(io::AisPoint);
  expectSameTracks(loadAis({archive_}).set, loadAis({archive_}, small).set);
  io::AisReadOptions margins;
  margins.window = {at("2022-06-01T05:00:00Z"), at("2022-06-01T10:00:00Z")};
  margins.window = margins.window.widened(2 * kHour);
  margins.nearestInMargins = true;
  io::AisReadOptions smallMargins = margins;
  smallMargins.chunkBytes = small.chunkBytes;
  const LoadedAis whole = loadAis({archive_}, margins);
  EXPECT_EQ(whole.set.pointCount(), 3u * (30 + 2 * 8));  // each vessel's 30 reports and 8 a side
  expectSameTracks(whole.set, loadAis({archive_}, smallMargins).set);
}

TEST_P(AisArchive, AWindowGivesEachVesselsPointsAsOneRunSoTheyAreCleanedWhereTheyLie) {
  // Each vessel has blocks in three 6-hour periods, which the window's query gives period by
  // period; margins' nearest reports and blocks of 7 points included.
  importDay();
  io::AisReadOptions read;
  read.chunkBytes = 7 * sizeof(io::AisPoint);
  read.window = io::AisWindow{at("2022-06-01T05:00:00Z"), at("2022-06-01T14:00:00Z")}.widened(2 * kHour);
  read.nearestInMargins = true;
  auto raw = io::readAis({archive_}, read);
  ASSERT_TRUE(raw) << raw.error().message;
  const auto runs = io::vesselRuns(raw->pointChunks, raw->vessels);
  ASSERT_TRUE(runs.has_value());
  ASSERT_EQ(runs->size(), 3u);
  for (const auto& run : *runs) EXPECT_EQ(run.size(), 54u + 2 * 8);  // 9 hours of reports, 8 a side
}

TEST_P(AisArchive, TextIdsKeepTheirVesselsAcrossImports) {
  const ScratchDir& dir = dir_;
  writeTextFile(dir / "a.csv", "track_id,timestamp,lon,lat\nA17,2022-06-01T00:00:00Z,10,50\nB2,2022-06-01T00:00:00Z,11,50\n");
  writeTextFile(dir / "b.csv", "track_id,timestamp,lon,lat\nB2,2022-06-01T00:10:00Z,11.01,50\nC3,2022-06-01T00:10:00Z,12,50\n");
  {
    AisArchiveWriter writer = openWriter(archive_);
    import(writer, dir / "a.csv");
  }
  AisArchiveWriter writer = openWriter(archive_);  // a second session numbers on
  import(writer, dir / "b.csv");
  const LoadedAis archived = loadAis({archive_});
  ASSERT_EQ(archived.set.vessels.size(), 3u);
  std::vector<std::string> ids;
  for (const io::AisTrack& track : archived.set.tracks) ids.push_back(archived.set.vessels[track.vessel].textId + ":" + std::to_string(track.size()));
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"A17:1", "B2:2", "C3:1"}));
}

TEST_P(AisArchive, NamesThatAreNotUtf8AreKeptWithTheirBadBytesReplaced) {
  const ScratchDir& dir = dir_;
  writeTextFile(dir / "latin1.csv", std::string(kMarineCadastreHeader) + "\n" +
                                        marineCadastreRow(367000001, "2022-06-01T00:00:00", 33, -118, "12.0", "90.0", "90",
                                                          "\xC9TOILE DU NORD") + "\n");
  AisArchiveWriter writer = openWriter(archive_);
  EXPECT_EQ(import(writer, dir / "latin1.csv").record.pointsKept, 1);  // PostgreSQL would refuse the byte
  const LoadedAis archived = loadAis({archive_});
  ASSERT_EQ(archived.set.vessels.size(), 1u);
  EXPECT_EQ(archived.set.vessels[0].name, "?TOILE DU NORD");
}

TEST_P(AisArchive, ASecondImportOfTheSameContentChangesNothing) {
  const ScratchDir& dir = dir_;
  writeTextFile(dir / "day.csv", day(at("2022-06-01T00:00:00Z"), 50, 10 * kMinute));
  fs::copy_file(dir / "day.csv", dir / "renamed.csv");
  AisArchiveWriter writer = openWriter(archive_);
  import(writer, dir / "day.csv");
  const std::string before = contents();
  const std::uint64_t hashBefore = GetParam() == Kind::GeoPackage ? *core::contentHash(archive_) : 0;
  const app::AisFileImport again = import(writer, dir / "renamed.csv");
  EXPECT_TRUE(again.alreadyImported);
  EXPECT_EQ(again.record.file, (dir / "day.csv").string());
  EXPECT_EQ(contents(), before);
  if (GetParam() == Kind::GeoPackage) {
    EXPECT_EQ(*core::contentHash(archive_), hashBefore);  // not a byte written
  }
  EXPECT_EQ(io::describeAisArchive(archive_)->points, 150);
}

// Two days of one vessel in days.csv and the archive, a report every 10 minutes: blocks of 6
// hours hold 36 each. Returns a read of `from` .. `to` on 1 June.
io::AisReadOptions importTwoDays(const ScratchDir& dir, const fs::path& archive, const char* from, const char* to) {
  writeTextFile(dir / "days.csv", day(at("2022-06-01T00:00:00Z"), 288, 10 * kMinute, 1));
  AisArchiveWriter writer = openWriter(archive);
  import(writer, dir / "days.csv");
  io::AisReadOptions read;
  read.window.from = at((std::string("2022-06-01T") + from + "Z").c_str());
  read.window.to = at((std::string("2022-06-01T") + to + "Z").c_str());
  return read;
}

TEST_P(AisArchive, AWindowReadsExactlyTheReportsInsideIt) {
  const ScratchDir& dir = dir_;
  const io::AisReadOptions read = importTwoDays(dir, archive_, "11:55:00", "13:00:00");
  const LoadedAis window = loadAis({archive_}, read);
  // 12:00 .. 12:50: six reports, the first and the last of the window.
  ASSERT_EQ(window.set.pointCount(), 6u);
  EXPECT_EQ(window.set.time.front(), at("2022-06-01T12:00:00Z"));
  EXPECT_EQ(window.set.time.back(), at("2022-06-01T12:50:00Z"));
  // The same window through a file counts what it leaves out.
  const LoadedAis file = loadAis({dir / "days.csv"}, read);
  EXPECT_EQ(file.set.time, window.set.time);
  EXPECT_EQ(file.counts.outsideWindow, 288 - 6 + 1);  // and the duplicate, outside too
}

TEST_P(AisArchive, OfAWidenedWindowsMarginsOnlyTheNearestReportsAreKeptForDrawing) {
  io::AisReadOptions read = importTwoDays(dir_, archive_, "12:00:00", "13:00:00");
  read.window = read.window.widened(2 * kHour);  // 10:00 .. 15:00
  const LoadedAis whole = loadAis({archive_}, read);
  EXPECT_EQ(whole.set.pointCount(), 30u);  // 10:00 .. 14:50
  read.nearestInMargins = true;
  const LoadedAis drawn = loadAis({archive_}, read);
  // Eight a side: 10:40 .. 11:50; the window's six, 12:00 .. 12:50; 13:00 .. 14:10.
  ASSERT_EQ(drawn.set.pointCount(), 22u);
  EXPECT_EQ(drawn.set.time.front(), at("2022-06-01T10:40:00Z"));
  EXPECT_EQ(drawn.set.time.back(), at("2022-06-01T14:10:00Z"));
  ASSERT_EQ(drawn.set.tracks.size(), 1u);
}

TEST_P(AisArchive, ABoxAcrossTheAntimeridianReadsBothSides) {
  const ScratchDir& dir = dir_;
  std::string text = std::string(kMarineCadastreHeader) + "\n";
  text += marineCadastreRow(367000001, "2022-06-01T00:00:00", 10, 179.95) + "\n";
  text += marineCadastreRow(367000002, "2022-06-01T00:00:00", 10, -179.95) + "\n";
  text += marineCadastreRow(367000003, "2022-06-01T00:00:00", 10, 0) + "\n";
  text += marineCadastreRow(367000004, "2022-06-01T00:00:00", 30, 179.95) + "\n";
  writeTextFile(dir / "day.csv", text);
  AisArchiveWriter writer = openWriter(archive_);
  import(writer, dir / "day.csv");
  io::AisReadOptions read;
  read.window.box = io::AisBox{170, 0, -170, 20};
  const LoadedAis boxed = loadAis({archive_}, read);
  ASSERT_EQ(boxed.set.vessels.size(), 2u);
  EXPECT_EQ(boxed.set.vessels[0].key, 367000001u);
  EXPECT_EQ(boxed.set.vessels[1].key, 367000002u);
}

TEST_P(AisArchive, ABoxFindsAReportThatTheBlocksSimplifiedLineLeftOut) {
  const ScratchDir& dir = dir_;
  // Sailing east along 33 N, the middle report 5.6 m north of the line: the block's line (within
  // 10 m) drops it, and its box ends at 33 N; the query box lies just north of that.
  std::string text = std::string(kMarineCadastreHeader) + "\n";
  text += marineCadastreRow(367000001, "2022-06-01T00:00:00", 33.0, -118.30) + "\n";
  text += marineCadastreRow(367000001, "2022-06-01T00:01:00", 33.00005, -118.29) + "\n";
  text += marineCadastreRow(367000001, "2022-06-01T00:02:00", 33.0, -118.28) + "\n";
  writeTextFile(dir / "day.csv", text);
  AisArchiveWriter writer = openWriter(archive_);
  import(writer, dir / "day.csv");
  io::AisReadOptions read;
  read.window.box = io::AisBox{-118.295, 33.00003, -118.285, 33.1};
  const LoadedAis boxed = loadAis({archive_}, read);
  ASSERT_EQ(boxed.set.pointCount(), 1u);
  EXPECT_EQ(boxed.set.latE7[0], 330000500);
}

TEST_P(AisArchive, ATrackAcrossMidnightIsOneTrackAcrossDailyImports) {
  const ScratchDir& dir = dir_;
  writeTextFile(dir / "day1.csv", day(at("2022-06-01T23:00:00Z"), 6, 10 * kMinute, 1));
  writeTextFile(dir / "day2.csv", day(at("2022-06-02T00:00:00Z"), 6, 10 * kMinute, 1, -118.294));
  AisArchiveWriter writer = openWriter(archive_);
  import(writer, dir / "day1.csv");
  import(writer, dir / "day2.csv");
  const LoadedAis archived = loadAis({archive_});
  ASSERT_EQ(archived.set.tracks.size(), 1u);
  EXPECT_EQ(archived.set.pointCount(), 12u);
}

TEST_P(AisArchive, AnInterruptedImportLeavesTheArchiveAsItWas) {
  const ScratchDir& dir = dir_;
  writeTextFile(dir / "first.csv", day(at("2022-06-01T00:00:00Z"), 10, 10 * kMinute));
  writeTextFile(dir / "big.csv", day(at("2022-06-02T00:00:00Z"), 800, 1 * kMinute, 100));  // 80,000 reports
  AisArchiveWriter writer = openWriter(archive_);
  import(writer, dir / "first.csv");
  const std::string before = contents();
  core::Result<app::AisFileImport> done;
  {
    core::InterruptionScope scope;
    done = app::importAisFile(writer, dir / "big.csv", {}, {}, [](std::size_t written, std::size_t) {
      if (written > 0) std::raise(SIGINT);  // Ctrl-C once the first 65,536 points are written
    });
  }
  { core::InterruptionScope clearsTheFlag; }  // for the tests that run after this one
  ASSERT_FALSE(done.has_value());
  EXPECT_EQ(done.error().kind, core::ErrorKind::Interrupted) << done.error().message;
  EXPECT_EQ(contents(), before);
}

TEST_P(AisArchive, AnImportKilledMidwayLeavesTheArchiveAsItWas) {
  const ScratchDir& dir = dir_;
  writeTextFile(dir / "first.csv", day(at("2022-06-01T00:00:00Z"), 10, 10 * kMinute));
  writeTextFile(dir / "big.csv", day(at("2022-06-02T00:00:00Z"), 800, 1 * kMinute, 100));
  {
    AisArchiveWriter writer = openWriter(archive_);
    import(writer, dir / "first.csv");
  }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // killed with SIGKILL in the middle of its transaction
    auto writer = AisArchiveWriter::open(archive_, nullptr);
    if (writer) {
      (void)app::importAisFile(*writer, dir / "big.csv", {}, {}, [](std::size_t written, std::size_t) {
        if (written > 0) std::raise(SIGKILL);
      });
    }
    _exit(3);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  const auto summary = io::describeAisArchive(archive_);
  ASSERT_TRUE(summary.has_value()) << summary.error().message;
  EXPECT_EQ(summary->imports.size(), 1u);
  EXPECT_EQ(summary->points, 30);
  EXPECT_EQ(loadAis({archive_}).set.pointCount(), 30u);
  AisArchiveWriter writer = openWriter(archive_);  // and it takes the file again
  EXPECT_EQ(import(writer, dir / "big.csv").record.pointsKept, 80000);
}

TEST_P(AisArchive, ASecondWriterWaitsForTheFirst) {
  auto first = std::make_unique<AisArchiveWriter>(openWriter(archive_));
  std::atomic<bool> waited = false, opened = false;
  std::thread second([&] {
    auto writer = AisArchiveWriter::open(archive_, [&] { waited = true; });
    opened = writer.has_value();
  });
  while (!waited) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_FALSE(opened);
  first.reset();
  second.join();
  EXPECT_TRUE(opened);
}

TEST(AisArchiveFile, BadArchivesAreErrorsNamingTheFile) {
  ScratchDir dir;
  const fs::path archive = dir / "archive.gpkg";
  writeTextFile(dir / "day.csv", day(at("2022-06-01T00:00:00Z"), 10, 10 * kMinute));
  const LoadedAis loaded = loadAis({dir / "day.csv"});
  ASSERT_TRUE(io::writeAisTracks(dir / "tracks.gpkg", loaded.set, {}).has_value());
  auto notArchive = AisArchiveWriter::open(dir / "tracks.gpkg", nullptr);
  ASSERT_FALSE(notArchive.has_value());
  EXPECT_TRUE(containsText(notArchive.error().message, "tracks.gpkg: a GeoPackage, but not a Corridor AIS archive"));
  EXPECT_FALSE(AisArchiveWriter::open(dir / "archive.sqlite", nullptr).has_value());

  {
    AisArchiveWriter writer = openWriter(archive);
    import(writer, dir / "day.csv");
  }
  io::AisRawData data;
  io::AisReadOptions read;
  read.window.from = at("2023-01-01T00:00:00Z");
  auto outside = io::readAisArchive(archive, read, data);
  ASSERT_FALSE(outside.has_value());
  EXPECT_TRUE(containsText(outside.error().message, "is outside the archive's period 2022-06-01T00:00:00Z .. 2022-06-01T01:30:00Z"))
      << outside.error().message;

  GDALAllRegister();
  {
    GdalDatasetPtr dataset(GDALDataset::Open((dir / "archive.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(dataset);
    dataset->ExecuteSQL("UPDATE corridor_archive SET value = '99' WHERE key = 'schema_version'", nullptr, nullptr);
  }
  auto newer = io::describeAisArchive(archive);
  ASSERT_FALSE(newer.has_value());
  EXPECT_TRUE(containsText(newer.error().message, "schema version 99, written by a newer Corridor")) << newer.error().message;
}

TEST_P(AisArchive, ABlockWhoseCountItsBytesCannotHoldIsDamageNotAnAllocation) {
  importDay();
  {
    GDALAllRegister();
    GdalDatasetPtr dataset(GDALDataset::Open(archive_.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(dataset);
    // A billion reports (32 GB of points) claimed by a block of a few hundred bytes.
    dataset->ExecuteSQL("UPDATE ais_blocks SET point_count = 1000000000 WHERE vessel = 367000002", nullptr, nullptr);
  }
  auto raw = io::readAis({archive_}, {});
  ASSERT_FALSE(raw.has_value());
  EXPECT_TRUE(containsText(raw.error().message, "ais_blocks row of vessel 367000002 from 2022-06-01T"))
      << raw.error().message;
  EXPECT_TRUE(containsText(raw.error().message, "damaged (its points do not decode as 1000000000 reports)"))
      << raw.error().message;
}

INSTANTIATE_TEST_SUITE_P(Archives, AisArchive, ::testing::Values(Kind::GeoPackage, Kind::PostGis),
                         [](const auto& test) { return test.param == Kind::GeoPackage ? "GeoPackage" : "PostGis"; });

TEST(PostGisArchive, BlocksArePartitionedByMonthWithSpatialAndTimeIndexes) {
  ScratchDir dir;
  PostgresServer server;
  ASSERT_TRUE(server.ok());
  writeTextFile(dir / "days.csv", day(at("2022-06-30T18:00:00Z"), 72, 10 * kMinute, 1));  // June into July
  AisArchiveWriter writer = openWriter(server.archive());
  import(writer, dir / "days.csv");
  EXPECT_EQ(server.value("SELECT relkind FROM pg_class WHERE relname = 'ais_blocks'"), "p");
  EXPECT_EQ(server.value("SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                         "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'ais_blocks'"),
            "ais_blocks_2022_06,ais_blocks_2022_07");
  EXPECT_EQ(server.value("SELECT string_agg(indexdef, ' | ' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'ais_blocks'"),
            "CREATE INDEX ais_blocks_geom ON ONLY public.ais_blocks USING gist (geom) | "
            "CREATE INDEX ais_blocks_start ON ONLY public.ais_blocks USING btree (start_us)");
  EXPECT_EQ(server.value("SELECT count(*) FROM ais_blocks_2022_06"), "1");  // 18:00 .. 23:50
  EXPECT_EQ(server.value("SELECT count(*) FROM ais_blocks_2022_07"), "1");  // 00:00 .. 05:50
}

TEST(PostGisArchive, ADatabaseThatCannotBeReachedOrIsNoArchiveIsAnError) {
  auto unreachable = io::describeAisArchive("PG:host=/nonexistent-corridor dbname=corridor user=postgres");
  ASSERT_FALSE(unreachable.has_value());
  EXPECT_TRUE(containsText(unreachable.error().message, "PG:host=/nonexistent-corridor dbname=corridor user=postgres: "
                                                        "cannot connect to the PostgreSQL database"))
      << unreachable.error().message;
  PostgresServer server;
  ASSERT_TRUE(server.ok());
  auto empty = io::describeAisArchive(server.archive());
  ASSERT_FALSE(empty.has_value());
  EXPECT_TRUE(containsText(empty.error().message, "not a Corridor AIS archive")) << empty.error().message;
}

TEST(PostgresServer, AClusterLeftByAKilledTestIsRemovedByTheNext) {
  // A test killed outright (a CI timeout sends SIGKILL) never runs its destructor, and its
  // server ran on, holding memory and a socket, until the machine was restarted.
  int pipeEnds[2];
  ASSERT_EQ(::pipe(pipeEnds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const PostgresServer server;
    const std::string folder = server.ok() ? server.folder().string() : "";
    if (::write(pipeEnds[1], folder.data(), folder.size()) < 0) ::_exit(1);
    ::raise(SIGKILL);
  }
  ::close(pipeEnds[1]);
  char folder[512] = {};
  const ssize_t length = ::read(pipeEnds[0], folder, sizeof folder - 1);
  ::close(pipeEnds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  ASSERT_GT(length, 0) << "the killed test's cluster did not start";
  const fs::path left(std::string(folder, std::size_t(length)));
  std::ifstream pidFile(left / "data" / "postmaster.pid");
  pid_t postmaster = 0;
  ASSERT_TRUE(pidFile >> postmaster) << "its server runs on after the kill";
  ASSERT_EQ(::kill(postmaster, 0), 0);
  const PostgresServer next;
  EXPECT_TRUE(next.ok());
  EXPECT_FALSE(fs::exists(left));
  // Stopped, not only removed (an immediate stop lets the postmaster exit at once).
  for (int tries = 0; tries < 50 && ::kill(postmaster, 0) == 0; ++tries) ::usleep(100'000);
  EXPECT_NE(::kill(postmaster, 0), 0) << "the abandoned server " << postmaster << " still runs";
}

}  // namespace
}  // namespace corridor::test
