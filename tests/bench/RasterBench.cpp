// Raster layers at port zoom over a 1 GB cloud-optimised GeoTIFF: time to the first frame
// (raster opened, every tile read), frame time while the camera pans with tiles streaming in
// the background (median, 95th percentile, worst), the tile cache's hit rate, and memory
// against the budget. Baseline: the same frames without the layer, in the same process.
//
//   corridor_bench_raster [COG] [WIDTHxHEIGHT] [FRAMES]
//
// Default COG: /tmp/corridor-bench/raster-1gb.tif, generated when missing (16384 x 16384
// Float32 pixels of 2 m in UTM 11N over Long Beach, uncompressed, with overviews); default
// 1920x1080 and 120 frames.
#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "BenchUsage.h"
#include "app/RasterLayers.h"
#include "core/Stopwatch.h"
#include "gpu/Context.h"
#include "render/OffscreenRenderer.h"

namespace {

using namespace corridor;

constexpr int kSide = 16384;

// Waves of a few hundred metres, ripples of a few pixels and per-pixel noise: detail at every
// level, and data that does not compress away.
float depthAt(int x, int y) {
  const std::uint32_t hash = (std::uint32_t(x) * 73856093u) ^ (std::uint32_t(y) * 19349663u);
  const float fx = float(x), fy = float(y);
  return -30.0f + 20.0f * std::sin(fx / 250.0f) * std::cos(fy / 310.0f) + 3.0f * std::sin(fx / 7.0f) * std::sin(fy / 9.0f) +
         float(hash % 1000) / 1000.0f;
}

void generateCog(const std::filesystem::path& path) {
  std::printf("generating %s (1 GiB of Float32, once)...\n", path.c_str());
  std::filesystem::create_directories(path.parent_path());
  GDALAllRegister();
  const std::filesystem::path tiled = path.string() + ".tiled.tif";
  {
    const char* options[] = {"TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "BIGTIFF=YES", nullptr};
    GDALDataset* dataset = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
        tiled.c_str(), kSide, kSide, 1, GDT_Float32, const_cast<char**>(options));
    double transform[6] = {389000.0 - kSide, 2.0, 0, 3735000.0 + kSide, 0, -2.0};
    dataset->SetGeoTransform(transform);
    OGRSpatialReference utm;
    utm.importFromEPSG(32611);
    dataset->SetSpatialRef(&utm);
    dataset->GetRasterBand(1)->SetDescription("depth");
    dataset->GetRasterBand(1)->SetUnitType("m");
    std::vector<float> rows(std::size_t(kSide) * 512);
    for (int top = 0; top < kSide; top += 512) {
      for (int y = 0; y < 512; ++y) {
        for (int x = 0; x < kSide; ++x) rows[std::size_t(y) * kSide + x] = depthAt(x, top + y);
      }
      if (dataset->GetRasterBand(1)->RasterIO(GF_Write, 0, top, kSide, 512, rows.data(), kSide, 512, GDT_Float32, 0, 0,
                                              nullptr) != CE_None) {
        throw std::runtime_error("cannot write " + tiled.string());
      }
    }
    GDALClose(dataset);
  }
  GDALDataset* source = GDALDataset::Open(tiled.c_str(), GDAL_OF_RASTER);
  const char* cog[] = {"COMPRESS=NONE", "BLOCKSIZE=512", "OVERVIEW_RESAMPLING=AVERAGE", "BIGTIFF=YES", nullptr};
  GDALDataset* written = GetGDALDriverManager()->GetDriverByName("COG")->CreateCopy(
      (path.string() + ".part").c_str(), source, FALSE, const_cast<char**>(cog), nullptr, nullptr);
  if (!written) throw std::runtime_error("cannot write the COG " + path.string());
  GDALClose(written);
  GDALClose(source);
  std::filesystem::remove(tiled);
  std::filesystem::rename(path.string() + ".part", path);
}

// Resident and peak memory of this process, MiB.
std::pair<double, double> hostMemory() {
  std::ifstream status("/proc/self/status");
  std::string line;
  double rss = 0, peak = 0;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) rss = std::stod(line.substr(6)) / 1024;
    if (line.rfind("VmHWM:", 0) == 0) peak = std::stod(line.substr(6)) / 1024;
  }
  return {rss, peak};
}

struct FrameTimes {
  double median = 0, p95 = 0, worst = 0;
  int framesWithStandIns = 0;
};

// The camera circles over the harbour at 5 km, 3 degrees of arc a frame (about 40 pixels).
timeline::CameraPose panAt(int frame) {
  timeline::CameraPose camera;
  const double angle = frame * 3.0 * 3.14159265358979 / 180.0;
  camera.lon = -118.21 + 0.05 * std::cos(angle);
  camera.lat = 33.74 + 0.04 * std::sin(angle);
  camera.altitude = 5000;
  return camera;
}

FrameTimes pan(render::OffscreenRenderer& renderer, scene::Frame frame, int frames, bool still = false) {
  std::vector<double> times;
  FrameTimes result;
  for (int i = 0; i < frames; ++i) {
    frame.view = scene::makeView(panAt(still ? 0 : i), scene::ViewMode::Globe, int(renderer.size().width), int(renderer.size().height));
    const std::uint64_t standIns = renderer.tileStats().standIns;
    core::Stopwatch stopwatch;
    renderer.renderOnly(frame);
    times.push_back(stopwatch.seconds() * 1000.0);
    if (renderer.tileStats().standIns > standIns) ++result.framesWithStandIns;
  }
  std::sort(times.begin(), times.end());
  result.median = times[times.size() / 2];
  result.p95 = times[std::min(times.size() - 1, times.size() * 95 / 100)];
  result.worst = times.back();
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  const corridor::bench::Usage arguments(argc, argv,
      "[COG] [WIDTHxHEIGHT] [FRAMES]   (default /tmp/corridor-bench/raster-1gb.tif 1920x1080 120)\n"
      "A raster layer at port zoom: first frame, frame times while panning, tile cache, memory.");
  const std::filesystem::path path = argc > 1 ? argv[1] : "/tmp/corridor-bench/raster-1gb.tif";
  int width = 1920, height = 1080;
  if (argc > 2 && std::sscanf(argv[2], "%dx%d", &width, &height) != 2) arguments.fail("size: WIDTHxHEIGHT");
  const int frames = argc > 3 ? std::max(10, std::atoi(argv[3])) : 120;
  if (!std::filesystem::exists(path)) generateCog(path);

  auto context = gpu::Context::create({});
  if (!context) {
    std::fprintf(stderr, "%s\n", context.error().message.c_str());
    return 1;
  }
  render::OffscreenRenderer renderer(**context, {uint32_t(width), uint32_t(height)}, 1);
  scene::Frame frame;
  frame.basemap = scene::buildBasemap({});
  frame.view = scene::makeView(panAt(0), scene::ViewMode::Globe, width, height);
  renderer.render(frame);  // Vulkan warmed up: the first frame below measures the raster alone
  const auto [rssBefore, peakBefore] = hostMemory();

  core::Stopwatch firstFrame;
  auto tiles = io::RasterTiles::open(path, {}, "/tmp/corridor-bench/overviews");
  if (!tiles) {
    std::fprintf(stderr, "%s\n", tiles.error().message.c_str());
    return 1;
  }
  const double openSeconds = firstFrame.seconds();
  scene::BasemapInput input;
  input.layerStack = {{app::rasterLayer(*tiles), 0, 1.0f}};
  scene::Frame layered = frame;
  layered.basemap = scene::buildBasemap(std::move(input));
  layered.layers = layered.basemap->layerStack;
  layered.waitForTiles = true;
  renderer.render(layered);
  const double firstFrameSeconds = firstFrame.seconds();
  const render::TileStats afterFirst = renderer.tileStats();

  layered.waitForTiles = false;
  const FrameTimes still = pan(renderer, layered, 20, true);
  const FrameTimes withLayer = pan(renderer, layered, frames);
  const FrameTimes baseline = pan(renderer, frame, frames);
  const render::TileStats stats = renderer.tileStats();
  const auto [rssAfter, peakAfter] = hostMemory();
  const std::uint64_t wanted = stats.wanted - afterFirst.wanted, hits = stats.hits - afterFirst.hits;

  std::printf("device                  %s\n", (*context)->deviceName().c_str());
  std::printf("raster                  %s, %d x %d, %.0f MiB on disk, tile levels up to %d\n", path.c_str(),
              (*tiles)->description().width, (*tiles)->description().height,
              double(std::filesystem::file_size(path)) / (1 << 20), (*tiles)->description().maxLevel);
  std::printf("size                    %dx%d, %d frames panning at 5 km\n", width, height, frames);
  std::printf("first frame             %.0f ms (open and statistics %.0f ms, %llu tiles read and drawn)\n",
              firstFrameSeconds * 1000, openSeconds * 1000, static_cast<unsigned long long>(afterFirst.uploads));
  std::printf("frame, still camera      median %.1f ms (every tile on the GPU: drawing alone)\n", still.median);
  std::printf("frame while panning     median %.1f ms, p95 %.1f ms, worst %.1f ms (%d of %d frames drew stand-ins)\n",
              withLayer.median, withLayer.p95, withLayer.worst, withLayer.framesWithStandIns, frames);
  std::printf("baseline, no layer      median %.1f ms, p95 %.1f ms, worst %.1f ms\n", baseline.median, baseline.p95,
              baseline.worst);
  std::printf("ratio layer / baseline  %.2f (median)\n", withLayer.median / baseline.median);
  std::printf("tile cache              hit rate %.1f %% (%llu of %llu wanted), %llu uploads, %llu evictions\n",
              wanted ? 100.0 * double(hits) / double(wanted) : 0.0, static_cast<unsigned long long>(hits),
              static_cast<unsigned long long>(wanted), static_cast<unsigned long long>(stats.uploads),
              static_cast<unsigned long long>(stats.evictions));
  std::printf("GPU memory              tile atlas %.0f MiB (%zu tiles): the budget, whatever the raster's size\n",
              double(stats.atlasBytes) / (1 << 20), stats.capacity);
  std::printf("host memory             resident %.0f -> %.0f MiB, peak %.0f -> %.0f MiB (GDAL block cache at most %lld MiB)\n",
              rssBefore, rssAfter, peakBefore, peakAfter, static_cast<long long>(GDALGetCacheMax64() >> 20));
  return 0;
}
