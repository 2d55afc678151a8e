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

SizeWatch::SizeWatch(std::filesystem::path path) : path_(std::move(path)) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path_, ec)) {
    const auto size = std::filesystem::file_size(path_, ec);
    if (!ec) size_ = size;
  }
}

Result<void> SizeWatch::unchanged(std::optional<std::uintmax_t> bytesRead) const {
  if (!size_) return {};
  std::error_code ec;
  const auto now = std::filesystem::file_size(path_, ec);
  if (!ec && now == *size_ && (!bytesRead || *bytesRead == *size_)) return {};
  const std::string after = ec ? "gone" : std::to_string(now) + " bytes";
  return dataError(path_.string() + ": changed size while being read (" + std::to_string(*size_) +
                   " bytes at the start, " + (bytesRead ? std::to_string(*bytesRead) + " read, " : std::string()) +
                   after + " at the end); read it again once it is complete");
}

}  // namespace corridor::core
