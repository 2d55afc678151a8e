#include "record/PngSequence.h"

#include <cstdio>

namespace corridor::record {

core::Result<PngSequence> PngSequence::create(const std::filesystem::path& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) return core::fail(core::ErrorKind::Io, directory.string() + ": cannot create (" + ec.message() + ")");
  return PngSequence(directory);
}

core::Result<void> PngSequence::write(const core::Image& frame) {
  char name[32];
  std::snprintf(name, sizeof name, "frame_%06ld.png", next_++);
  return core::writePng(frame, directory_ / name);
}

}  // namespace corridor::record
