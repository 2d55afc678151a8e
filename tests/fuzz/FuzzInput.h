#pragma once
// What the fuzz targets share: the input as a file (the readers take paths), in memory through
// GDAL's /vsimem/ where GDAL reads it, on disk (a per-process scratch file) otherwise.
#include <cpl_vsi.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace corridor::fuzz {

// A GDAL in-memory file holding the input while alive.
class MemoryFile {
 public:
  MemoryFile(const std::string& name, const std::uint8_t* data, std::size_t size) : path_("/vsimem/" + name) {
    VSIFCloseL(VSIFileFromMemBuffer(path_.c_str(), const_cast<GByte*>(data), vsi_l_offset(size), FALSE));
  }
  ~MemoryFile() { VSIUnlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A per-process scratch path for a file named `name` (its extension matters to some readers).
inline std::filesystem::path scratchPath(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("corridor-fuzz-" + std::to_string(::getpid()) + "-" + name);
}

// The input written to `path`, removed when this goes.
class ScratchFile {
 public:
  ScratchFile(std::filesystem::path path, const std::uint8_t* data, std::size_t size) : path_(std::move(path)) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), std::streamsize(size));
  }
  ~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace corridor::fuzz
