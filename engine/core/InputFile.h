#pragma once
// What a path given as an input is, said plainly when it is not a file Corridor can read: a
// folder, a pipe or a device gets its own message instead of "no such file".
#include <filesystem>
#include <string>

#include "core/Result.h"

namespace corridor::core {

// A data error "PATH: no such WHAT" / "PATH: is a folder, not a WHAT" / "PATH: is a pipe
// (FIFO), not a WHAT ..." / "PATH: is a device, not a WHAT" unless `path` is a regular file
// (links followed).
Result<void> requireRegularFile(const std::filesystem::path& path, const std::string& what);

}  // namespace corridor::core
