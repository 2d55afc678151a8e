#pragma once
// What a path given as an input is, said plainly when it is not a file Corridor can read: a
// folder, a pipe or a device gets its own message instead of "no such file".
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/Result.h"

namespace corridor::core {

// A data error "PATH: no such WHAT" / "PATH: is a folder, not a WHAT" / "PATH: is a pipe
// (FIFO), not a WHAT ..." / "PATH: is a device, not a WHAT" unless `path` is a regular file
// (links followed).
Result<void> requireRegularFile(const std::filesystem::path& path, const std::string& what);

// The size of an input file when a read begins, to tell afterwards whether the file changed
// while it was read (still being written, or cut short): its counts would be of no particular
// moment. Paths that are not regular files (a database connection) are not watched.
class SizeWatch {
 public:
  explicit SizeWatch(std::filesystem::path path);
  std::optional<std::uintmax_t> sizeAtStart() const { return size_; }
  // A data error naming the file when its size differs from the start's, or when `bytesRead`
  // (if given) is not all of it.
  Result<void> unchanged(std::optional<std::uintmax_t> bytesRead = std::nullopt) const;

 private:
  std::filesystem::path path_;
  std::optional<std::uintmax_t> size_;
};

}  // namespace corridor::core
