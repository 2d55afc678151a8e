// What safe outputs cost: a file written whole through core::writeFileReplacing (temporary
// name, checked writes, fsync, rename, folder fsync) against the same bytes written straight
// over the final name with no sync (the old way), in the same run. Default size: the default
// recording's MP4 (scripts/run, about 1 MB); relate the difference to that recording's time.
// Usage: corridor_bench_output [FOLDER] [BYTES] [REPEATS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "BenchUsage.h"
#include "core/OutputFile.h"

namespace {

double milliseconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const corridor::bench::Usage arguments(argc, argv,
      "[FOLDER] [BYTES] [REPEATS]   (default a temporary folder, 1052711 21)\n"
      "A file written safely (temporary, fsync, rename) against written straight over its name.");
  namespace fs = std::filesystem;
  const fs::path folder = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "corridor-bench-output";
  const std::size_t bytes = argc > 2 ? std::size_t(std::atoll(argv[2])) : 1'052'711;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 21;
  fs::create_directories(folder);
  std::vector<std::byte> data(bytes);
  for (std::size_t i = 0; i < bytes; ++i) data[i] = std::byte(i * 2654435761u >> 24);

  std::vector<double> plain, safe;
  for (int r = 0; r < repeats; ++r) {
    auto start = std::chrono::steady_clock::now();
    std::ofstream(folder / "plain.mp4", std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data.data()), std::streamsize(bytes));
    plain.push_back(milliseconds(std::chrono::steady_clock::now() - start));
    start = std::chrono::steady_clock::now();
    if (auto written = corridor::core::writeFileReplacing(folder / "safe.mp4", data); !written) {
      std::fprintf(stderr, "%s\n", written.error().message.c_str());
      return 1;
    }
    safe.push_back(milliseconds(std::chrono::steady_clock::now() - start));
  }
  const double baseline = median(plain), replacing = median(safe);
  std::printf("%zu bytes in %s, median of %d: plain write %.2f ms, temporary + fsync + rename %.2f ms "
              "(%.1fx, +%.2f ms a file)\n",
              bytes, folder.c_str(), repeats, baseline, replacing, replacing / baseline, replacing - baseline);
  fs::remove_all(folder);
  return 0;
}
