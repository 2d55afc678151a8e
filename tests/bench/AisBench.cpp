// AIS ingest speed on a generated MarineCadastre day of about 1 GB: the fast parser on one core
// and on every core, against GDAL's OGR CSV driver reading the same file, and against reading
// the bytes alone (the page-cache limit). Each reader runs in its own process, so each peak
// memory figure is its own.
//
//   corridor_bench_ais [FILE] [SIZE_MB]   (default /tmp/corridor-bench/AIS_2022_06_01.csv 1024)
//
// The file is generated when missing or of another size; it is never committed.
#include <fcntl.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <thread>
#include <string>
#include <vector>

#include "BenchUsage.h"
#include "core/Stopwatch.h"
#include "io/AisReader.h"
#include "io/AisTracks.h"

namespace {

using namespace corridor;
namespace fs = std::filesystem;

void appendNumber(std::string& out, double value, int decimals) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  out.append(buffer, end);
}

// A day of a few thousand ships in the North Pacific, one row per report, rows in roughly
// time order but not sorted (as MarineCadastre's are), with the quirks of real files: exact
// duplicates, heading 511, positions not available, base stations, integers written as 57.0.
void generate(const fs::path& path, std::size_t targetBytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,"
         "Width,Draft,Cargo,TransceiverClass\n";
  constexpr int kVessels = 6000;
  std::mt19937_64 random(42);
  std::uniform_real_distribution<double> unit(0, 1);
  // Each ship sails a straight course at constant speed; a report's position is where the ship
  // is at the report's time, so the speeds the rows imply are plausible.
  struct Ship {
    double lat, lon, knots, course;
  };
  std::vector<Ship> ships(kVessels);
  for (Ship& s : ships) s = {20 + 30 * unit(random), -180 + 360 * unit(random), 2 + 18 * unit(random), 360 * unit(random)};
  const std::size_t rowsWanted = targetBytes / 118;
  const double secondsPerRow = 86400.0 / double(rowsWanted);
  std::string block, row;
  std::size_t written = 0;
  for (std::size_t r = 0; written < targetBytes; ++r) {
    const int v = int(random() % kVessels);
    const Ship& s = ships[std::size_t(v)];
    const int second = std::min(86399, int(double(r) * secondsPerRow + 30 * unit(random)));
    const double miles = s.knots * second / 3600.0;
    const double lat = std::clamp(s.lat + miles / 60 * std::cos(s.course * M_PI / 180), -80.0, 80.0);
    double lon = s.lon + miles / 60 * std::sin(s.course * M_PI / 180) / std::cos(s.lat * M_PI / 180);
    lon = std::remainder(lon, 360.0);
    const double quirk = unit(random);
    row.clear();
    row += std::to_string(quirk < 0.002 ? 3669000 + v : 367000000 + v);  // base stations
    char time[32];
    std::snprintf(time, sizeof time, ",2022-06-01T%02d:%02d:%02d,", second / 3600, second / 60 % 60, second % 60);
    row += time;
    if (quirk > 0.998) {
      row += "91.00000,181.00000";
    } else {
      appendNumber(row, lat, 5);
      row += ',';
      appendNumber(row, lon, 5);
    }
    row += ',';
    appendNumber(row, s.knots, 1);
    row += ',';
    appendNumber(row, s.course, 1);
    row += v % 3 ? ",511," : ",90,";
    row += "VESSEL " + std::to_string(v) + ",IMO" + std::to_string(9000000 + v) + ",CALL" + std::to_string(v) +
           (v % 2 ? ",70.0,0,180,30,10.0,70,A\n" : ",80,0,250,44,12.5,80,A\n");
    block += row;
    if (quirk > 0.95 && quirk <= 0.96) block += row;  // 1 % exact duplicates
    if (block.size() > (1 << 22)) {
      out << block;
      written += block.size();
      block.clear();
    }
  }
  out << block;
}

struct Measurement {
  double seconds = 0;
  double rows = 0;
  double keptPoints = 0;
  double bytesPerPoint = 0;
  double peakMb = 0;
};

// Runs `work` in a child process; its wall time, result and peak memory come back by pipe.
Measurement measure(const std::function<Measurement()>& work) {
  int pipeFds[2];
  if (pipe(pipeFds) != 0) return {};
  const pid_t child = fork();
  if (child == 0) {
    close(pipeFds[0]);
    core::Stopwatch clock;
    Measurement m = work();
    m.seconds = clock.seconds();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    m.peakMb = double(usage.ru_maxrss) / 1024;
    if (write(pipeFds[1], &m, sizeof m) != ssize_t(sizeof m)) _exit(1);
    _exit(0);
  }
  close(pipeFds[1]);
  Measurement m;
  if (read(pipeFds[0], &m, sizeof m) != ssize_t(sizeof m)) std::fprintf(stderr, "a measurement failed\n");
  close(pipeFds[0]);
  waitpid(child, nullptr, 0);
  return m;
}

Measurement readBytes(const fs::path& path) {
  const int fd = open(path.c_str(), O_RDONLY);
  std::vector<char> buffer(std::size_t(16) << 20);
  Measurement m;
  ssize_t got;
  std::size_t lines = 0;
  while ((got = read(fd, buffer.data(), buffer.size())) > 0) {
    for (ssize_t i = 0; i < got; ++i) lines += buffer[std::size_t(i)] == '\n';
  }
  close(fd);
  m.rows = double(lines);
  return m;
}

Measurement fastParser(const fs::path& path, int threads) {
  io::AisReadOptions options;
  options.threads = threads;
  auto raw = io::readAis({path}, options);
  if (!raw) {
    std::fprintf(stderr, "%s\n", raw.error().message.c_str());
    _exit(1);
  }
  Measurement m;
  m.rows = double(raw->counts.rowsRead);
  io::AisCounts counts = raw->counts;
  const io::AisTrackSet set = io::buildAisTracks(std::move(*raw), {}, counts, threads);
  m.keptPoints = double(set.pointCount());
  m.bytesPerPoint = double(set.pointBytes()) / m.keptPoints;
  return m;
}

// GDAL's CSV driver reading every feature and every field (what `ogr2ogr -f Memory` reads).
Measurement ogrCsv(const fs::path& path) {
  GDALAllRegister();
  const char* options[] = {"X_POSSIBLE_NAMES=LON", "Y_POSSIBLE_NAMES=LAT", nullptr};
  GDALDataset* dataset = GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR, nullptr, options);
  Measurement m;
  if (!dataset) return m;
  OGRLayer* layer = dataset->GetLayer(0);
  double checksum = 0;
  for (auto& feature : *layer) {
    for (int i = 0; i < feature->GetFieldCount(); ++i) checksum += double(feature->GetFieldAsString(i)[0]);
    if (const OGRGeometry* g = feature->GetGeometryRef()) checksum += g->toPoint()->getX();
    ++m.rows;
  }
  GDALClose(dataset);
  m.keptPoints = checksum > 0 ? 0 : 1;  // keeps the loop from being optimised away
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  const corridor::bench::Usage arguments(argc, argv,
      "[FILE] [SIZE_MB]   (default /tmp/corridor-bench/AIS_2022_06_01.csv 1024)\n"
      "AIS ingest: the fast parser on one core and on all, GDAL's OGR CSV driver and reading the bytes\n"
      "alone, on a MarineCadastre day generated into FILE when missing or of another size.");
  const fs::path path = argc > 1 ? argv[1] : "/tmp/corridor-bench/AIS_2022_06_01.csv";
  const std::size_t sizeMb = argc > 2 ? std::size_t(std::max(1, std::atoi(argv[2]))) : 1024;
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec || size / 1'000'000 < sizeMb * 1'048'576 / 1'000'000 || size > sizeMb * 1'048'576 * 11 / 10) {
    std::printf("generating %s (%zu MB) ...\n", path.c_str(), sizeMb);
    std::fflush(stdout);
    core::Stopwatch clock;
    generate(path, sizeMb * 1'048'576);
    std::printf("  done in %.1f s\n", clock.seconds());
  }
  const double megabytes = double(fs::file_size(path)) / 1e6;
  std::printf("file: %s, %.0f MB, %u cores\n", path.c_str(), megabytes, std::thread::hardware_concurrency());
  readBytes(path);  // into the page cache, as BENCHMARKS.md measures

  struct Row {
    const char* name;
    Measurement m;
  };
  std::vector<Row> rows = {
      {"read bytes + count lines", measure([&] { return readBytes(path); })},
      {"fast parser, 1 thread", measure([&] { return fastParser(path, 1); })},
      {"fast parser, all cores", measure([&] { return fastParser(path, 0); })},
      {"GDAL OGR CSV driver", measure([&] { return ogrCsv(path); })},
  };
  const double ogrSeconds = rows.back().m.seconds;
  std::printf("%-26s %8s %9s %12s %10s %9s %12s\n", "reader", "seconds", "MB/s", "rows/s", "peak MB", "vs OGR",
              "bytes/point");
  for (const Row& row : rows) {
    std::printf("%-26s %8.2f %9.1f %12.0f %10.0f %8.1fx", row.name, row.m.seconds, megabytes / row.m.seconds,
                row.m.rows / row.m.seconds, row.m.peakMb, ogrSeconds / row.m.seconds);
    if (row.m.bytesPerPoint > 0) {
      std::printf(" %12.1f   (%.0f of %.0f rows kept)", row.m.bytesPerPoint, row.m.keptPoints, row.m.rows);
    }
    std::printf("\n");
  }
  return 0;
}
