#include "record/PngSequence.h"

#include <algorithm>
#include <cstdio>

#include "core/OutputFile.h"

namespace corridor::record {

core::Result<PngSequence> PngSequence::create(const std::filesystem::path& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) return core::fail(core::ErrorKind::Io, directory.string() + ": cannot create (" + ec.message() + ")");
  return PngSequence(directory);
}

core::Result<void> PngSequence::checkTarget(const std::filesystem::path& directory, const std::vector<std::string>& inputs,
                                            bool force) {
  std::error_code ec;
  if (!std::filesystem::exists(directory, ec)) return {};
  if (!std::filesystem::is_directory(directory, ec)) {
    return core::usageError(directory.string() + ": is not a folder; --png-dir names the folder the frames go to");
  }
  for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const bool frame = name.size() >= 16 && name.starts_with("frame_") && name.ends_with(".png") &&
                       std::all_of(name.begin() + 6, name.end() - 4, [](char c) { return c >= '0' && c <= '9'; });
    if (!frame) continue;
    if (auto replaceable = core::checkOutputTarget(it->path(), core::OutputKind::Png, inputs, force); !replaceable) {
      return replaceable;
    }
  }
  if (ec) return core::fail(core::ErrorKind::Io, directory.string() + ": cannot list (" + ec.message() + ")");
  return {};
}

core::Result<void> PngSequence::write(const core::Image& frame) {
  char name[32];
  std::snprintf(name, sizeof name, "frame_%06ld.png", next_++);
  return core::writePng(frame, directory_ / name);
}

}  // namespace corridor::record
