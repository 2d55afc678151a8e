// The fast AIS CSV reader: formats, quirks of real files, every dropped row counted by reason.
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <random>

#include "AisFixtures.h"
#include "AisLoading.h"
#include "TestSupport.h"
#include "io/AisCsv.h"
#include "io/AisReader.h"
#include "io/AisRow.h"
#include "io/AisTracks.h"

namespace corridor::io {
namespace {

using test::juneFirst;
using test::marineCadastreRow;

using Loaded = test::LoadedAis;

Loaded load(const std::vector<std::filesystem::path>& files, const AisReadOptions& options = {}) {
  return test::loadAis(files, options);
}

std::int64_t dropped(const Loaded& loaded, DropReason reason) { return loaded.counts.dropped[std::size_t(reason)]; }

TEST(AisCsvLayout, RecognisesTheThreeHeaders) {
  auto classic = detectAisCsvLayout(test::kMarineCadastreHeader);
  ASSERT_TRUE(classic);
  EXPECT_EQ(classic->formatName, "MarineCadastre");
  EXPECT_EQ(classic->columns, 17);
  EXPECT_EQ(classic->map[AisField::Lat], 2);
  EXPECT_EQ(classic->map[AisField::Lon], 3);

  auto recent = detectAisCsvLayout(test::kMarineCadastre2024Header);
  ASSERT_TRUE(recent);
  EXPECT_EQ(recent->formatName, "MarineCadastre 2024+");
  EXPECT_EQ(recent->map[AisField::Lon], 2);  // longitude first
  EXPECT_EQ(recent->map[AisField::Lat], 3);

  auto dma = detectAisCsvLayout(std::string("\xEF\xBB\xBF") + test::kDmaHeader + "\r");
  ASSERT_TRUE(dma);
  EXPECT_EQ(dma->formatName, "Danish Maritime Authority");
  EXPECT_EQ(dma->columns, 26);
  EXPECT_EQ(dma->map[AisField::Id], 2);
  EXPECT_EQ(dma->map[AisField::TypeOfMobile], 1);
  // Older DMA files stop after "Data source type": 22 columns.
  std::string old = test::kDmaHeader;
  old.erase(old.find(",A,B,C,D"));
  auto dma22 = detectAisCsvLayout(old);
  ASSERT_TRUE(dma22);
  EXPECT_EQ(dma22->columns, 22);
}

TEST(AisCsvLayout, OtherHeadersAreRefusedNamingWhatWasExpected) {
  auto layout = detectAisCsvLayout("id,when,x,y");
  ASSERT_FALSE(layout);
  EXPECT_NE(layout.error().message.find("'id,when,x,y'"), std::string::npos);
  EXPECT_NE(layout.error().message.find("MMSI,BaseDateTime,LAT,LON"), std::string::npos);
}

TEST(AisRow, OnlyShipMmsisAreVessels) {
  EXPECT_TRUE(isVesselMmsi(367000001));
  EXPECT_TRUE(isVesselMmsi(219000001));
  EXPECT_FALSE(isVesselMmsi(2190001));     // seven digits: a station
  EXPECT_FALSE(isVesselMmsi(2190047));
  EXPECT_FALSE(isVesselMmsi(3669999));
  EXPECT_FALSE(isVesselMmsi(992191234));  // aid to navigation
  EXPECT_FALSE(isVesselMmsi(111219500));  // SAR aircraft
  EXPECT_FALSE(isVesselMmsi(970123456));  // AIS-SART
}

// A parser's chunk lets numbers be read 16 bytes at a time; the value must be the one read byte
// by byte (and from_chars): the same double, to the bit, and the same refusals.
TEST(AisRow, NumbersReadWideAreTheSameToTheBit) {
  std::vector<std::string> fields = {"0", "-0", "5.", ".5", "-.5", "-", ".", "", "  33.74123 ", "-118.26123",
                                     "367000123", "999999999999999", "1234567.89012345", "9999999999999999",
                                     "12.3.4", "1e5", "+7", "12a", "NA", "Unknown", "-0.0000001", "90.00000",
                                     "0001.0100", "102.3", "511", "57.0"};
  std::mt19937_64 random(7);
  for (int i = 0; i < 20000; ++i) {  // [-]digits[.digits], 1 to 17 characters
    std::string field = random() % 4 == 0 ? "-" : "";
    const std::size_t digits = 1 + random() % 16, point = random() % (digits + 2);
    for (std::size_t d = 0; d < digits; ++d) {
      if (d == point) field += '.';
      field += char('0' + random() % 10);
    }
    fields.push_back(field);
  }
  // What comes before a field in a row: other fields, digits, points, signs and bytes of UTF-8
  // text, none of which may count.
  const std::string before[] = {std::string(16, ','), "98765.4321098765,", "1234567890123456",
                                "-\xC3\xA9-9.\xFF\x80--.\xE2\x80\x99-1-"};
  for (const std::string& field : fields) {
    double narrow = -1;
    const bool narrowRead = parseAisNumber(field, narrow);
    detail::PlainDecimal plain;
    const bool plainRead = detail::readPlainDecimal(field, plain);
    for (const std::string& row : before) {
      const std::string chunk = row + field;
      const std::string_view inChunk = std::string_view(chunk).substr(row.size());
      double wide = -1;
      const bool wideRead = parseAisNumber(inChunk, wide, chunk.data());
      ASSERT_EQ(wideRead, narrowRead) << field << " after " << row;
      if (narrowRead) {
        EXPECT_EQ(std::bit_cast<std::uint64_t>(wide), std::bit_cast<std::uint64_t>(narrow)) << field << " after " << row;
      }
      // The 16-byte reader itself, which a fallback would otherwise hide: the same plain
      // decimals, read into the same digits and places.
      detail::PlainDecimal right;
      ASSERT_EQ(detail::readPlainDecimalRightAligned(inChunk, right), plainRead) << field << " after " << row;
      if (plainRead) {
        EXPECT_EQ(right.digits, plain.digits) << field;
        EXPECT_EQ(right.decimals, plain.decimals) << field;
        EXPECT_EQ(right.negative, plain.negative) << field;
      }
      for (const std::size_t decimals : {0u, 1u, 7u}) {
        std::int64_t exactWide = -1, exactNarrow = -1;
        ASSERT_EQ(parseAisExact(inChunk, decimals, exactWide, chunk.data()), parseAisExact(field, decimals, exactNarrow))
            << field << " at " << decimals;
        EXPECT_EQ(exactWide, exactNarrow) << field << " at " << decimals;
      }
    }
    double correct = 0;  // the correctly rounded value, where the whole field is a number
    const std::string_view trimmed = trimField(field);
    if (const auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), correct);
        narrowRead && ec == std::errc() && end == trimmed.data() + trimmed.size()) {
      EXPECT_EQ(std::bit_cast<std::uint64_t>(narrow), std::bit_cast<std::uint64_t>(correct)) << field;
    }
  }
  double value = 0;
  ASSERT_TRUE(parseAisNumber("-118.26123", value, nullptr));
  EXPECT_EQ(value, -118.26123);
}

// Lines are split 16 bytes at a time only where the bytes past them are still the chunk's: a
// chunk that ends right before memory that cannot be read parses without touching it (a read
// past its end would crash the test), whatever its last line and number look like.
TEST(AisCsvReader, AChunkEndingBeforeUnreadableMemoryIsReadWithinIt) {
  const std::size_t page = std::size_t(sysconf(_SC_PAGESIZE));
  char* const pages =
      static_cast<char*>(mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  ASSERT_NE(pages, MAP_FAILED);
  ASSERT_EQ(mprotect(pages + page, page, PROT_NONE), 0);
  char* const end = pages + page;
  const auto layout = detectAisCsvLayout("MMSI,BaseDateTime,LAT,LON");  // the longitude ends each line
  ASSERT_TRUE(layout.has_value());
  for (const std::string last : {"-118.2", "-118.25123", "-118.123456789", "7", "-118.2\n", "-118.25123\r\n"}) {
    const std::string text = "367000001,2022-06-01T00:00:00,33.5,-118.25\n367000001,2022-06-01T00:10:00,33.5," + last;
    std::memcpy(end - text.size(), text.data(), text.size());
    const AisCsvChunk chunk = parseAisCsvChunk(std::string_view(end - text.size(), text.size()), *layout);
    ASSERT_EQ(chunk.points.size(), 2u) << last;
    double lon = 0;
    ASSERT_TRUE(parseAisNumber(last.substr(0, last.find_first_of("\r\n")), lon));
    EXPECT_EQ(chunk.points[1].lonE7, std::int32_t(std::lround(lon * 1e7))) << last;
  }
  munmap(pages, 2 * page);
}

// Numbers are read 16 bytes at a time, back from their end, only where those bytes are still the
// chunk's: a chunk that starts right after memory that cannot be read parses without touching it.
TEST(AisCsvReader, AChunkStartingAfterUnreadableMemoryIsReadWithinIt) {
  const std::size_t page = std::size_t(sysconf(_SC_PAGESIZE));
  char* const pages =
      static_cast<char*>(mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  ASSERT_NE(pages, MAP_FAILED);
  ASSERT_EQ(mprotect(pages, page, PROT_NONE), 0);
  char* const begin = pages + page;
  const auto layout = detectAisCsvLayout("LAT,LON,MMSI,BaseDateTime");  // numbers in a line's first bytes
  ASSERT_TRUE(layout.has_value());
  const std::string text = "3.5,-8.25,367000001,2022-06-01T00:00:00\n33.5,-118.25123,367000001,2022-06-01T00:10:00\n";
  std::memcpy(begin, text.data(), text.size());
  const AisCsvChunk chunk = parseAisCsvChunk(std::string_view(begin, text.size()), *layout);
  ASSERT_EQ(chunk.points.size(), 2u);
  EXPECT_EQ(chunk.points[0].latE7, 35'000'000);
  EXPECT_EQ(chunk.points[0].lonE7, -82'500'000);
  EXPECT_EQ(chunk.points[1].lonE7, -1'182'512'300);
  EXPECT_EQ(chunk.points[1].sogTenths, -1);  // no such columns: not available
  EXPECT_EQ(chunk.points[1].cogTenths, -1);
  EXPECT_EQ(chunk.points[1].heading, -1);
  for (std::size_t length = 1; length <= 17; ++length) {  // fields ending 1 to 17 bytes in
    const std::string field = std::string("-12.3456789012345").substr(0, length);
    std::memcpy(begin, field.data(), field.size());
    double wide = 0, narrow = 0;
    const bool wideRead = parseAisNumber(std::string_view(begin, field.size()), wide, begin);
    ASSERT_EQ(wideRead, parseAisNumber(field, narrow)) << field;
    EXPECT_EQ(wide, narrow) << field;
  }
  munmap(pages, 2 * page);
}

// Every quirk of FACTS.md in one MarineCadastre file; the counts are known by construction.
TEST(AisCsvReader, CountsEveryDroppedRowByReason) {
  test::ScratchDir dir;
  std::string text = std::string("\xEF\xBB\xBF") + test::kMarineCadastreHeader + "\r\n";
  auto row = [&](const std::string& line) { text += line + "\r\n"; };
  // Vessel A: 5 good rows written out of time order, plus an exact duplicate and a spike.
  row(marineCadastreRow(367000001, juneFirst(0, 30), 33.60, -118.30, "12.0", "360.0", "511", "\"EVER, GIVEN\"", "70.0"));
  row(marineCadastreRow(367000001, juneFirst(0, 0), 33.70, -118.30));
  row(marineCadastreRow(367000001, juneFirst(0, 10), 33.6667, -118.30, "102.3"));
  row(marineCadastreRow(367000001, juneFirst(0, 10), 33.6667, -118.30, "102.3"));  // duplicate
  row(marineCadastreRow(367000001, juneFirst(0, 15), 40.0, -118.30));               // spike: 700 km in 5 min
  row(marineCadastreRow(367000001, juneFirst(0, 20), 33.6333, -118.30));
  row(marineCadastreRow(367000001, juneFirst(0, 40), 33.5667, -118.30));
  // Vessel B: one good row with an empty name and type written as 57.0-style text.
  row(marineCadastreRow(538000002, juneFirst(1, 0), 35.0, 140.0, "", "", "", "", "80.0", "0"));
  // Bad rows, one of each reason.
  row(marineCadastreRow(3669999, juneFirst(0, 0), 33.7, -118.2));                  // base station
  row(marineCadastreRow(992001234, juneFirst(0, 0), 33.7, -118.2));                // aid to navigation
  row(marineCadastreRow(367000003, juneFirst(0, 0), 91, 181));                      // not available
  row(marineCadastreRow(367000003, juneFirst(0, 0), 95, 10));                       // out of range
  row(marineCadastreRow(367000003, juneFirst(0, 0), 33, -190));                     // out of range
  row("367000003,2022-06-01T00:00:00,,,1,1,1,X,,,,,,,,,");                          // empty position
  row("367000003,2022-06-01T00:00:00,abc,1,1,1,1,X,,,,,,,,,");                      // bad number
  row("36700000x,2022-06-01T00:00:00,33,1,1,1,1,X,,,,,,,,,");                       // bad MMSI
  row("367000003,2022-06-31T00:00:00,33,1,1,1,1,X,,,,,,,,,");                       // bad time
  row("367000003,2022-06-01T00:00:00,33,1,1");                                      // too few columns
  text += "\r\n";                                                                   // blank line: no row
  text += "367000003,2022-06-01T00:00:00,33.1,-118";                                // truncated last line
  test::writeTextFile(dir / "AIS_2022_06_01.csv", text);

  const Loaded loaded = load({dir / "AIS_2022_06_01.csv"});
  EXPECT_EQ(loaded.counts.rowsRead, 19);
  EXPECT_EQ(loaded.set.pointCount(), 6u);
  EXPECT_EQ(dropped(loaded, DropReason::Duplicate), 1);
  EXPECT_EQ(dropped(loaded, DropReason::ImplausibleJump), 1);
  EXPECT_EQ(dropped(loaded, DropReason::NonVesselMmsi), 2);
  EXPECT_EQ(dropped(loaded, DropReason::PositionNotAvailable), 2);
  EXPECT_EQ(dropped(loaded, DropReason::PositionOutOfRange), 2);
  EXPECT_EQ(dropped(loaded, DropReason::BadNumber), 2);
  EXPECT_EQ(dropped(loaded, DropReason::BadTime), 1);
  EXPECT_EQ(dropped(loaded, DropReason::WrongColumnCount), 2);
  EXPECT_EQ(loaded.counts.rowsRead, std::int64_t(loaded.set.pointCount()) + loaded.counts.droppedTotal());
  EXPECT_EQ(loaded.counts.sentinels[std::size_t(Sentinel::Sog102_3)], 2);  // the duplicate's too
  EXPECT_EQ(loaded.counts.sentinels[std::size_t(Sentinel::Heading511)], 1);

  ASSERT_EQ(loaded.set.vessels.size(), 2u);
  const AisVesselInfo& a = loaded.set.vessels[0];
  EXPECT_EQ(a.key, 367000001u);
  EXPECT_EQ(a.name, "EVER, GIVEN");
  EXPECT_EQ(a.imo, "9481374");
  EXPECT_EQ(a.aisType, 70);
  EXPECT_EQ(a.lengthM, 180);
  EXPECT_EQ(loaded.set.vessels[1].aisType, 80);
  EXPECT_EQ(loaded.set.vessels[1].lengthM, 0);  // 0 is "not available"

  // Vessel A is one track in time order; sentinels are missing, the position kept.
  ASSERT_EQ(loaded.set.tracks.size(), 2u);
  const AisTrack& track = loaded.set.tracks[0];
  ASSERT_EQ(track.size(), 5u);
  for (std::uint32_t i = track.begin + 1; i < track.end; ++i) EXPECT_LT(loaded.set.time[i - 1], loaded.set.time[i]);
  EXPECT_EQ(loaded.set.sogTenths[track.begin + 1], -1);  // 00:10, SOG 102.3
  EXPECT_EQ(loaded.set.cogTenths[track.begin + 3], -1);  // 00:30, COG 360
  EXPECT_EQ(loaded.set.heading[track.begin + 3], -1);    // heading 511
  EXPECT_EQ(loaded.set.sogTenths[track.begin], 120);

  // The first dropped rows are shown with their line numbers (header is line 1).
  ASSERT_FALSE(loaded.counts.rows.empty());
  EXPECT_EQ(loaded.counts.rows.front().line, 10);
  EXPECT_EQ(loaded.counts.rows.front().reason, DropReason::NonVesselMmsi);
  EXPECT_NE(loaded.counts.rows.front().file.find("AIS_2022_06_01.csv"), std::string::npos);
}

TEST(AisCsvReader, AVesselsDescriptionTakesEachFieldFromItsFirstReportThatHasIt) {
  test::ScratchDir dir;
  std::string text = std::string(test::kMarineCadastreHeader) + "\n";
  // No IMO, call sign or width at first; all of them next; then other values that change nothing.
  text += "367000001,2022-06-01T00:00:00,33.0,-118.3,12,90,90,FIRST NAME,,,70,0,180,,10,70,A\n";
  text += "367000001,2022-06-01T00:10:00,33.0,-118.29,12,90,90,SECOND NAME,IMO9481374,CALL1,80,0,200,30,10,70,A\n";
  text += "367000001,2022-06-01T00:20:00,33.0,-118.28,12,90,90,THIRD NAME,IMO9000001,CALL2,60,0,250,40,10,70,A\n";
  test::writeTextFile(dir / "AIS_2022_06_01.csv", text);
  const Loaded loaded = load({dir / "AIS_2022_06_01.csv"});
  ASSERT_EQ(loaded.set.vessels.size(), 1u);
  const AisVesselInfo& vessel = loaded.set.vessels[0];
  EXPECT_EQ(vessel.name, "FIRST NAME");
  EXPECT_EQ(vessel.aisType, 70);
  EXPECT_EQ(vessel.lengthM, 180);
  EXPECT_EQ(vessel.imo, "9481374");
  EXPECT_EQ(vessel.callSign, "CALL1");
  EXPECT_EQ(vessel.widthM, 30);
  EXPECT_TRUE(vessel.complete());
  AisVesselInfo noImo = vessel;
  noImo.imo.clear();
  EXPECT_FALSE(noImo.complete());
}

TEST(AisCsvReader, SmallChunksAndBothThreadsGiveTheSameResult) {
  test::ScratchDir dir;
  std::string text = std::string(test::kMarineCadastreHeader) + "\n";
  for (int i = 0; i < 500; ++i) {
    text += marineCadastreRow(367000000 + i % 7, juneFirst(i / 60, i % 60), 33.0 + i * 1e-4, -118.0) + "\n";
    if (i % 50 == 0) text += "367000001,bad,1,2\n";
  }
  test::writeTextFile(dir / "a.csv", text);
  AisReadOptions small;
  small.chunkBytes = 333;  // chunks end mid-line, the header spans reads
  small.threads = 2;
  AisReadOptions single;
  single.threads = 1;
  const Loaded a = load({dir / "a.csv"}, small), b = load({dir / "a.csv"}, single);
  EXPECT_EQ(a.counts.rowsRead, 510);
  EXPECT_EQ(a.counts.rowsRead, b.counts.rowsRead);
  EXPECT_EQ(a.set.time, b.set.time);
  EXPECT_EQ(a.set.latE7, b.set.latE7);
  ASSERT_EQ(a.counts.rows.size(), b.counts.rows.size());
  for (std::size_t i = 0; i < a.counts.rows.size(); ++i) {
    EXPECT_EQ(a.counts.rows[i].line, b.counts.rows[i].line);
  }
  EXPECT_EQ(a.counts.rows.front().line, 3);  // after the header and the first row
}

// Larger files go in larger chunks (fewer vessel tables to fill and merge), never so large
// that a core goes without some eight of them, nor past 64 MB; what a caller sets stands.
TEST(AisCsvReader, ChunksGrowWithTheFileUpTo64Mb) {
  constexpr std::int64_t kMb = 1 << 20;
  const AisReadOptions automatic;
  EXPECT_EQ(aisCsvChunkBytes(automatic, 1074 * kMb, 2), std::size_t(64 * kMb));
  EXPECT_EQ(aisCsvChunkBytes(automatic, 480 * kMb, 2), std::size_t(30 * kMb));
  EXPECT_EQ(aisCsvChunkBytes(automatic, 4096 * kMb, 16), std::size_t(32 * kMb));
  EXPECT_EQ(aisCsvChunkBytes(automatic, 1074 * kMb, 16), kAisChunkBytes);
  EXPECT_EQ(aisCsvChunkBytes(automatic, 100 * kMb, 2), kAisChunkBytes);
  EXPECT_EQ(aisCsvChunkBytes(automatic, 20 * kMb, 0), kAisChunkBytes);
  EXPECT_EQ(aisCsvChunkBytes(automatic, -1, 2), kAisChunkBytes);  // compressed: size unknown
  AisReadOptions set;
  set.chunkBytes = 333;
  EXPECT_EQ(aisCsvChunkBytes(set, 1074 * kMb, 2), 333u);
}

TEST(AisCsvReader, ReadsDmaFilesWithPlaceholdersBaseStationsAndDuplicates) {
  test::ScratchDir dir;
  std::string text = std::string(test::kDmaHeader) + "\n";
  const std::string good =
      "18/03/2023 00:00:00,Class A,219000001,55.5,10.5,Under way using engine,0,11.2,45.0,44,"
      "Unknown,OXYZ2,\"NORD, STAR\",Cargo,Unknown,32,225,GPS,12.0,AARHUS,Unknown,AIS,1,2,3,4\n";
  text += good + good + good;  // rebroadcast: two exact duplicates
  text += "18/03/2023 00:01:00,Class A,219000001,55.51,10.5,Under way using engine,0,11.2,Unknown,511,"
          "Unknown,OXYZ2,NORD STAR,Cargo,Unknown,32,225,GPS,12.0,AARHUS,Unknown,AIS,1,2,3,4\n";
  text += "18/03/2023 00:01:00,Base Station,219000009,55.0,10.0,Unknown value,,,,,Unknown,Unknown,,"
          "Undefined,,,,Surveyed,,Unknown,,AIS,,,,\n";
  text += "18/03/2023 00:02:00,Class A,2190047,55.0,10.0,Unknown value,,,,,Unknown,Unknown,,"
          "Undefined,,,,GPS,,Unknown,,AIS,,,,\n";
  test::writeTextFile(dir / "aisdk-2023-03-18.csv", text);
  const Loaded loaded = load({dir / "aisdk-2023-03-18.csv"});
  EXPECT_EQ(loaded.counts.rowsRead, 6);
  EXPECT_EQ(loaded.set.pointCount(), 2u);
  EXPECT_EQ(dropped(loaded, DropReason::Duplicate), 2);
  EXPECT_EQ(dropped(loaded, DropReason::NonVesselMmsi), 2);
  ASSERT_EQ(loaded.set.vessels.size(), 1u);
  EXPECT_EQ(loaded.set.vessels[0].name, "NORD, STAR");
  EXPECT_EQ(loaded.set.vessels[0].imo, "");
  EXPECT_EQ(loaded.set.vessels[0].aisType, 70);
  EXPECT_EQ(loaded.set.vessels[0].lengthM, 225);
  EXPECT_EQ(loaded.set.time[0], *core::parseIso8601("2023-03-18T00:00:00Z"));
  EXPECT_EQ(loaded.set.cogTenths[1], -1);  // "Unknown"
}

TEST(AisCsvReader, Reads2024FilesWithLongitudeFirst) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "ais-2024-01-01.csv",
                      std::string(test::kMarineCadastre2024Header) + "\n" +
                          "367000001,2024-01-01 00:00:02,-118.25,33.75,0.1,,511,SHIP,,,70,5,300,48,14,,A\n");
  const Loaded loaded = load({dir / "ais-2024-01-01.csv"});
  ASSERT_EQ(loaded.set.pointCount(), 1u);
  EXPECT_NEAR(loaded.set.lon(0), -118.25, 1e-7);
  EXPECT_NEAR(loaded.set.lat(0), 33.75, 1e-7);
  EXPECT_EQ(loaded.set.time[0], *core::parseIso8601("2024-01-01T00:00:02Z"));
}

TEST(AisCsvReader, FilesThatAreNotAisAreErrorsNamingTheFile) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "empty.csv", "");
  test::writeTextFile(dir / "other.csv", "id,when,x,y\n1,2,3,4\n");
  std::string binary(4096, '\0');
  for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = char(i * 37 % 256);
  test::writeTextFile(dir / "binary.csv", binary);
  for (const char* name : {"empty.csv", "other.csv", "binary.csv"}) {
    auto raw = readAis({dir / name}, {});
    ASSERT_FALSE(raw) << name;
    EXPECT_NE(raw.error().message.find(name), std::string::npos) << raw.error().message;
    EXPECT_NE(raw.error().message.find("expected"), std::string::npos) << raw.error().message;
  }
  auto missing = readAis({dir / "missing.csv"}, {});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("missing.csv"), std::string::npos);
}

TEST(AisCsvReader, AHeaderOnlyFileHasNoRows) {
  test::ScratchDir dir;
  test::writeTextFile(dir / "header.csv", test::kMarineCadastreHeader);
  const Loaded loaded = load({dir / "header.csv"});
  EXPECT_EQ(loaded.counts.rowsRead, 0);
  EXPECT_EQ(loaded.set.pointCount(), 0u);
}

TEST(AisCsvReader, AnEndlessLineIsDroppedWithoutHoldingIt) {
  test::ScratchDir dir;
  const std::string good = marineCadastreRow(367000001, juneFirst(0, 0), 33.0, -118.0) + "\n";
  const std::string good2 = marineCadastreRow(367000001, juneFirst(0, 10), 33.01, -118.0) + "\n";
  test::writeTextFile(dir / "a.csv", std::string(test::kMarineCadastreHeader) + "\n" + good +
                                         std::string(3 << 20, 'x') + "\n" + good2);
  AisReadOptions options;
  options.chunkBytes = 64 << 10;
  const Loaded loaded = load({dir / "a.csv"}, options);
  EXPECT_EQ(loaded.counts.rowsRead, 3);
  EXPECT_EQ(loaded.set.pointCount(), 2u);
  EXPECT_EQ(dropped(loaded, DropReason::WrongColumnCount), 1);
  ASSERT_EQ(loaded.counts.rows.size(), 1u);
  EXPECT_EQ(loaded.counts.rows[0].line, 3);
}

TEST(AisCsvReader, HugeNumbersInVesselFieldsAreNotAvailableNotOverflowed) {
  test::ScratchDir dir;
  // Before, a vessel type of 1e300 was converted to int: undefined behaviour.
  test::writeTextFile(dir / "huge.csv", std::string(test::kMarineCadastreHeader) + "\n" +
                                      marineCadastreRow(367000001, test::juneFirst(0, 0), 33.7, -118.3, "12.0", "90.0",
                                                        "90", "TEST SHIP", "1e300") +
                                      "\n" +
                                      marineCadastreRow(367000001, test::juneFirst(0, 10), 33.71, -118.3) + "\n");
  for (const AisReaderKind reader : {AisReaderKind::Fast, AisReaderKind::Ogr}) {
    AisReadOptions options;
    options.reader = reader;
    const Loaded loaded = load({dir / "huge.csv"}, options);
    ASSERT_EQ(loaded.set.vessels.size(), 1u);
    EXPECT_EQ(loaded.set.vessels[0].aisType, 70) << "the first usable report's type";
  }
}

TEST(AisCsvReader, AFileCutShortWhileItIsReadIsAnError) {
  test::ScratchDir dir;
  std::string text = std::string(test::kMarineCadastreHeader) + "\n";
  for (int minute = 0; minute < 600; ++minute) {
    text += marineCadastreRow(367000001, test::juneFirst(minute / 60, minute % 60), 33.7, -118.3) + "\n";
  }
  test::writeTextFile(dir / "growing.csv", text);
  AisReadOptions options;
  options.chunkBytes = 4096;
  options.threads = 1;
  // Another program truncates the file after the first chunk (a copy being replaced).
  options.progress = [&](const std::string&, std::int64_t done, std::int64_t) {
    if (done == 4096) std::filesystem::resize_file(dir / "growing.csv", 10000);
  };
  const auto raw = readAis({dir / "growing.csv"}, options);
  ASSERT_FALSE(raw);
  EXPECT_TRUE(test::containsText(raw.error().message, "growing.csv: changed size while being read")) << raw.error().message;
}

TEST(AisCsvReader, PipesDevicesAndFoldersAreNamedForWhatTheyAre) {
  test::ScratchDir dir;
  ASSERT_EQ(::mkfifo((dir / "pipe").c_str(), 0600), 0);
  const std::vector<std::pair<std::filesystem::path, std::string>> cases{
      {dir / "pipe", "is a pipe (FIFO)"}, {"/dev/zero", "is a device"}, {dir / "", "is a folder"},
      {dir / "missing.csv", "no such file"}};
  for (const auto& [path, expected] : cases) {
    const auto raw = readAis({path}, {});
    ASSERT_FALSE(raw) << path;
    EXPECT_TRUE(test::containsText(raw.error().message, expected)) << raw.error().message;
  }
}

TEST(AisOgrReader, HeadersWithTwoLongitudeColumnsAreReadWithoutCrashingGdal) {
  test::ScratchDir dir;
  // With X/Y_POSSIBLE_NAMES, GDAL 3.6's CSV driver crashed on these (found by fuzzing): LON
  // twice, and 'longitude' beside 'LON'. The longitude is the first column named 'lon' (in any
  // case), else the first named 'longitude'.
  test::writeTextFile(dir / "twice.csv", "MMSI,BaseDateTime,LAT,LON,SOG,lon\n367000001,2022-06-01T00:00:00,33.7,-118.3,12.0,-117\n");
  test::writeTextFile(dir / "two.csv", "MMSI,BaseDateTime,longitude,LAT,LON\n367000001,2022-06-01T00:00:00,-117,33.7,-118.3\n");
  AisReadOptions options;
  options.reader = AisReaderKind::Ogr;
  for (const char* name : {"twice.csv", "two.csv"}) {
    const Loaded loaded = load({dir / name}, options);
    ASSERT_EQ(loaded.set.time.size(), 1u) << name;
    EXPECT_NEAR(loaded.set.lon(0), -118.3, 1e-6) << name;
    EXPECT_NEAR(loaded.set.lat(0), 33.7, 1e-6) << name;
  }
}

}  // namespace
}  // namespace corridor::io
