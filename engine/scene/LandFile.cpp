#include "scene/LandFile.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <system_error>
#include <vector>

#include "core/OutputFile.h"

namespace corridor::scene {
namespace {

constexpr char kMagic[8] = {'C', 'O', 'R', 'L', 'A', 'N', 'D', '2'};

class Writer {
 public:
  void put(const void* data, std::size_t size) {
    const auto* begin = static_cast<const std::byte*>(data);
    bytes.insert(bytes.end(), begin, begin + size);
  }
  void count(std::uint64_t n) { put(&n, sizeof n); }
  template <class T>
  void array(const std::vector<T>& values) {
    count(values.size());
    put(values.data(), values.size() * sizeof(T));
  }
  std::vector<std::byte> bytes;
};

class Reader {
 public:
  explicit Reader(std::vector<char> bytes) : bytes_(std::move(bytes)) {}
  bool count(std::uint64_t& n) { return take(&n, sizeof n); }
  template <class T>
  bool array(std::vector<T>& values) {
    std::uint64_t n = 0;
    if (!count(n) || n > (bytes_.size() - position_) / sizeof(T)) return false;
    values.resize(n);
    return take(values.data(), n * sizeof(T));
  }
  bool take(void* into, std::size_t size) {
    if (size == 0) return true;  // an empty array: `into` may be null
    if (size > bytes_.size() - position_) return false;
    std::memcpy(into, bytes_.data() + position_, size);
    position_ += size;
    return true;
  }
  bool finished() const { return position_ == bytes_.size(); }

 private:
  std::vector<char> bytes_;
  std::size_t position_ = 0;
};

}  // namespace

core::Result<void> writeLandFile(const std::filesystem::path& path, const geo::LandGeometry& land) {
  Writer writer;
  writer.put(kMagic, sizeof kMagic);
  writer.count(land.land.size());
  for (const auto& level : land.land) {
    writer.put(&level.toleranceDegrees, sizeof(double));
    writer.array(level.mesh.vertices);
    writer.array(level.mesh.indices);
  }
  writer.count(land.outlines.size());
  for (const auto& line : land.outlines) writer.array(line);
  return core::writeFileReplacing(path, writer.bytes);
}

core::Result<geo::LandGeometry> readLandFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::dataError(path.string() + ": cannot open");
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Reader reader(std::move(bytes));
  char magic[sizeof kMagic];
  geo::LandGeometry land;
  std::uint64_t levels = 0, lines = 0;
  bool ok = reader.take(magic, sizeof magic) && std::memcmp(magic, kMagic, sizeof magic) == 0 &&
            reader.count(levels) && levels <= 16;
  for (std::uint64_t i = 0; ok && i < levels; ++i) {
    geo::LandLevel& level = land.land.emplace_back();
    ok = reader.take(&level.toleranceDegrees, sizeof(double)) &&
         reader.array(level.mesh.vertices) && reader.array(level.mesh.indices);
  }
  ok = ok && reader.count(lines);
  for (std::uint64_t i = 0; ok && i < lines; ++i) {
    ok = reader.array(land.outlines.emplace_back());
  }
  if (!ok || !reader.finished()) {
    return core::dataError(path.string() + ": not a Corridor land file, or truncated");
  }
  for (const auto& level : land.land) {
    for (std::uint32_t index : level.mesh.indices) {
      if (index >= level.mesh.vertices.size()) {
        return core::dataError(path.string() + ": triangle index out of range");
      }
    }
  }
  return land;
}

}  // namespace corridor::scene
