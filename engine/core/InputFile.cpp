#include "core/InputFile.h"

namespace corridor::core {

Result<void> requireRegularFile(const std::filesystem::path& path, const std::string& what) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  const std::string name = path.string() + ": ";
  switch (status.type()) {
    case fs::file_type::regular:
      return {};
    case fs::file_type::directory:
      return dataError(name + "is a folder, not a " + what);
    case fs::file_type::fifo:
      return dataError(name + "is a pipe (FIFO), not a " + what + "; save the data to a file first");
    case fs::file_type::character:
    case fs::file_type::block:
      return dataError(name + "is a device, not a " + what);
    case fs::file_type::not_found:
      return dataError(name + "no such " + what);
    default:
      return dataError(name + "not a " + what + (ec ? " (" + ec.message() + ")" : ""));
  }
}

}  // namespace corridor::core
