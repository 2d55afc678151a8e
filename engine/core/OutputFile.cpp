#include "core/OutputFile.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cctype>
#include <cstring>
#include <mutex>
#include <set>

namespace corridor::core {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kPartial = ".partial-";

// Unique within the process too: two outputs to the same target must not share a temporary.
std::string partialTag() {
  static std::atomic<unsigned> counter{0};
  return std::string(kPartial) + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

bool processIsGone(std::string_view digits) {
  int pid = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
  if (error != std::errc() || end == digits.data() || pid <= 0) return false;
  return ::kill(pid, 0) != 0 && errno == ESRCH;
}

// Flushes a file or folder to the device (a rename is durable only once its folder is); errors
// name `reportAs` (the final name, not the temporary).
Result<void> syncPath(const fs::path& path, bool folder, const fs::path& reportAs) {
  const int fd = ::open(path.c_str(), (folder ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::unexpected(writeFailure(reportAs, errno));
  const int synced = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  // Some file systems cannot sync a folder; the data itself was synced before the rename.
  if (synced != 0 && !(folder && (error == EINVAL || error == EBADF))) return std::unexpected(writeFailure(reportAs, error));
  return {};
}

// The PID in the name of a temporary this code makes, else empty: only these shapes are ever
// removed as stale (a user's "notes.partial-2023-draft.txt" is not one of them):
//   TARGET.partial-PID-N[EXT]           a PendingOutput (EXT: TARGET's extension)
//   TARGET.partial-PID-N[EXT]-journal   what SQLite keeps beside it (also -wal, -shm)
//   .partial-PID-N                       a PendingFolder (a folder)
std::string_view ourTemporaryPid(std::string_view name, bool folder) {
  const auto at = name.rfind(kPartial);
  if (at == std::string_view::npos) return {};
  const std::string_view target = name.substr(0, at), rest = name.substr(at + kPartial.size());
  const auto dash = rest.find('-');
  const auto digitsEnd = [&](std::size_t from) {
    const auto end = rest.find_first_not_of("0123456789", from);
    return end == std::string_view::npos ? rest.size() : end;
  };
  if (dash == std::string_view::npos || dash == 0 || digitsEnd(0) != dash) return {};
  const std::size_t counterEnd = digitsEnd(dash + 1);
  if (counterEnd == dash + 1) return {};
  std::string_view tail = rest.substr(counterEnd);
  if (target.empty()) return folder && tail.empty() ? rest.substr(0, dash) : std::string_view{};
  for (std::string_view sqlite : {"-journal", "-wal", "-shm"}) {
    if (tail.ends_with(sqlite)) tail.remove_suffix(sqlite.size());
  }
  const std::string extension = fs::path(target).extension().string();
  return !folder && tail == extension ? rest.substr(0, dash) : std::string_view{};
}

fs::path folderOf(const fs::path& path) {
  return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

// Up to the first `count` bytes of a regular file ("" for anything else: opening a pipe would
// wait for a writer).
std::string fileHead(const fs::path& path, std::size_t count) {
  if (!fs::is_regular_file(path)) return "";
  std::string head(count, '\0');
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  const ssize_t got = ::pread(fd, head.data(), head.size(), 0);
  ::close(fd);
  head.resize(std::size_t(std::max<ssize_t>(got, 0)));
  return head;
}

// What a file holds, told by its first bytes, among the kinds written into result folders.
std::string contentKind(const fs::path& path) {
  using namespace std::string_view_literals;
  const std::string head = fileHead(path, 256);
  const std::string_view bytes = head;
  if (bytes.starts_with("SQLite format 3\0"sv)) return "GeoPackage";
  for (std::string_view tiff : {"II*\0"sv, "MM\0*"sv, "II+\0"sv, "MM\0+"sv}) {
    if (bytes.starts_with(tiff)) return "GeoTIFF";
  }
  if (bytes.starts_with("\x89PNG\r\n\x1a\n"sv)) return "PNG image";
  const std::string_view firstLine = bytes.substr(0, bytes.find('\n'));
  const bool text = std::all_of(firstLine.begin(), firstLine.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\r';
  });
  return text && firstLine.find(',') != std::string_view::npos ? "CSV table" : "";
}

// The kind a result file's name says it holds.
std::string nameKind(const fs::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".csv") return "CSV table";
  if (extension == ".gpkg") return "GeoPackage";
  if (extension == ".tif" || extension == ".tiff") return "GeoTIFF";
  if (extension == ".png") return "PNG image";
  return "file Corridor writes";
}

}  // namespace

bool staysUnder(const fs::path& folder, const fs::path& path) {
  const fs::path relative = path.lexically_normal().lexically_relative(folder.lexically_normal());
  return !relative.empty() && relative != "." && *relative.begin() != "..";
}

Error writeFailure(const fs::path& path, int errorNumber) {
  if (errorNumber == ENOSPC || errorNumber == EDQUOT) return {ErrorKind::Io, path.string() + ": disk full"};
  return {ErrorKind::Io, path.string() + ": cannot write (" + std::strerror(errorNumber) + ")"};
}

bool diskFullWhileWriting(const fs::path& path, const std::string& message) {
  if (message.find("No space left") != std::string::npos || message.find("disk is full") != std::string::npos) {
    return true;
  }
  // Only a message that says no more than "could not write" is put down to a device with next
  // to no space: a refusal for another reason (permissions, a driver's limit) says so itself.
  const bool generic = message.empty() || message.find("IO error") != std::string::npos ||
                       message.find("I/O error") != std::string::npos || message.find("rite error") != std::string::npos ||
                       message.find("ailed to write") != std::string::npos;
  if (!generic) return false;
  constexpr std::uintmax_t kNextToNothing = 1 << 20;
  std::error_code ec;
  const fs::space_info space = fs::space(folderOf(path), ec);
  return !ec && space.available < kNextToNothing;
}

void removeStalePartials(const fs::path& folder) {
  // Once per folder and process: a temporary of a dead process cannot appear while we run.
  static std::mutex mutex;
  static std::set<fs::path> swept;
  {
    std::error_code ec;
    const std::lock_guard lock(mutex);
    if (!swept.insert(fs::weakly_canonical(folder, ec)).second) return;
  }
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const std::string_view pid = ourTemporaryPid(name, it->is_directory(ec));
    if (!pid.empty() && processIsGone(pid)) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

PendingOutput::PendingOutput(fs::path target, fs::path temporary)
    : target_(std::move(target)), temporary_(std::move(temporary)) {}

PendingOutput::PendingOutput(PendingOutput&& other) noexcept
    : target_(std::move(other.target_)), temporary_(std::move(other.temporary_)), done_(other.done_) {
  other.done_ = true;
}

PendingOutput::~PendingOutput() {
  if (done_) return;
  std::error_code ignored;
  fs::remove(temporary_, ignored);
}

Result<PendingOutput> PendingOutput::begin(const fs::path& target) {
  std::error_code ec;
  if (fs::is_directory(target, ec)) return fail(ErrorKind::Io, target.string() + ": is a folder, not a file");
  removeStalePartials(folderOf(target));
  fs::path temporary = target;
  temporary += partialTag();
  temporary += target.extension();
  return PendingOutput(target, std::move(temporary));
}

Result<void> PendingOutput::commit() {
  if (done_) return {};
  if (auto synced = syncPath(temporary_, false, target_); !synced) return synced;
  std::error_code ec;
  fs::rename(temporary_, target_, ec);
  if (ec) return fail(ErrorKind::Io, target_.string() + ": cannot move the finished file into place (" + ec.message() + ")");
  done_ = true;
  return syncPath(folderOf(target_), true, folderOf(target_));
}

Result<void> writeFileReplacing(const fs::path& target, std::span<const std::byte> bytes) {
  auto output = PendingOutput::begin(target);
  if (!output) return std::unexpected(output.error());
  const int fd = ::open(output->temporary().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return std::unexpected(writeFailure(target, errno));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) {
      const int error = wrote < 0 ? errno : ENOSPC;
      ::close(fd);
      return std::unexpected(writeFailure(target, error));
    }
    done += std::size_t(wrote);
  }
  if (::close(fd) != 0) return std::unexpected(writeFailure(target, errno));
  return output->commit();
}

PendingFolder::PendingFolder(fs::path folder, fs::path temporary, bool force)
    : folder_(std::move(folder)), temporary_(std::move(temporary)), force_(force) {}

PendingFolder::PendingFolder(PendingFolder&& other) noexcept
    : folder_(std::move(other.folder_)),
      temporary_(std::move(other.temporary_)),
      force_(other.force_),
      done_(other.done_) {
  other.done_ = true;
}

PendingFolder::~PendingFolder() {
  if (done_) return;
  std::error_code ignored;
  fs::remove_all(temporary_, ignored);
}

Result<PendingFolder> PendingFolder::begin(const fs::path& folder, bool force) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return fail(ErrorKind::Io, folder.string() + ": cannot write there (" + ec.message() + ")");
  removeStalePartials(folder);
  fs::path temporary = folder / partialTag();
  fs::create_directory(temporary, ec);
  if (ec) return std::unexpected(writeFailure(folder, ec.value()));
  return PendingFolder(folder, std::move(temporary), force);
}

Result<void> PendingFolder::checkReplaceable(const fs::path& folder, const std::vector<std::string>& names, bool force) {
  std::error_code ec;
  for (const std::string& name : names) {
    const fs::path existing = folder / name;
    if (force || !fs::exists(existing, ec)) continue;
    const std::string kind = nameKind(existing);
    if (contentKind(existing) != kind) {
      return usageError(existing.string() + ": exists and is not a " + kind +
                        ", the kind written under that name; nothing was replaced (--force replaces it anyway)");
    }
  }
  return {};
}

Result<void> PendingFolder::commit() {
  if (done_) return {};
  // Listed, checked and synced first: nothing moves unless every file can.
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(temporary_, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) return fail(ErrorKind::Internal, it->path().string() + ": not a file, cannot be moved in");
    files.push_back(it->path());
  }
  if (ec) return fail(ErrorKind::Io, temporary_.string() + ": cannot list (" + ec.message() + ")");
  for (const fs::path& file : files) {
    if (auto replaceable = checkReplaceable(folder_, {file.filename().string()}, force_); !replaceable) {
      return replaceable;
    }
  }
  for (const fs::path& file : files) {
    if (auto synced = syncPath(file, false, folder_ / file.filename()); !synced) return synced;
  }
  for (const fs::path& file : files) {
    const fs::path destination = folder_ / file.filename();
    fs::rename(file, destination, ec);
    if (ec) return fail(ErrorKind::Io, destination.string() + ": cannot move into place (" + ec.message() + ")");
  }
  done_ = true;
  fs::remove(temporary_, ec);
  if (ec) return fail(ErrorKind::Io, temporary_.string() + ": cannot remove (" + ec.message() + ")");
  return syncPath(folder_, true, folder_);
}

namespace {

struct KindInfo {
  const char* extension;
  const char* name;
  std::string_view magic;
  std::size_t offset;  // of the magic bytes in the file
};

KindInfo kindInfo(OutputKind kind) {
  using namespace std::string_view_literals;
  switch (kind) {
    case OutputKind::Png: return {".png", "PNG image", "\x89PNG\r\n\x1a\n"sv, 0};
    case OutputKind::Mp4: return {".mp4", "MP4 video", "ftyp"sv, 4};
    case OutputKind::GeoPackage: return {".gpkg", "GeoPackage", "SQLite format 3\0"sv, 0};
    case OutputKind::DroppedRowsCsv: return {".csv", "CSV of dropped AIS rows", "file,line,feature,reason,detail"sv, 0};
    case OutputKind::Tour: return {".toml", "camera tour saved by Corridor", "# Corridor camera tour"sv, 0};
  }
  return {"", "", {}, 0};
}

bool hasMagic(const fs::path& path, const KindInfo& info) {
  const std::string head = fileHead(path, info.offset + info.magic.size());
  return head.size() == info.offset + info.magic.size() && std::string_view(head).substr(info.offset) == info.magic;
}

// The paths an input argument may name: the whole text, and each prefix before a ':'.
std::vector<fs::path> inputPaths(const std::string& text) {
  std::vector<fs::path> paths{text};
  for (std::size_t colon = text.find(':'); colon != std::string::npos; colon = text.find(':', colon + 1)) {
    paths.emplace_back(text.substr(0, colon));
  }
  return paths;
}

}  // namespace

Result<void> checkOutputTarget(const fs::path& out, OutputKind kind, const std::vector<std::string>& inputs, bool force) {
  const KindInfo info = kindInfo(kind);
  std::string extension = out.extension().string();
  for (char& c : extension) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (extension != info.extension) {
    return usageError(out.string() + ": the output is a " + info.name + "; give it the extension " + info.extension);
  }
  std::error_code ec;
  if (!fs::exists(out, ec)) return {};
  for (const std::string& input : inputs) {
    for (const fs::path& path : inputPaths(input)) {
      if (fs::equivalent(out, path, ec)) {
        return usageError(out.string() + ": is the input " + path.string() + "; write the output to another file");
      }
    }
  }
  if (fs::is_directory(out, ec)) return usageError(out.string() + ": is a folder; the output is a file");
  if (!force && !hasMagic(out, info)) {
    return usageError(out.string() + ": exists and is not a " + info.name +
                      "; Corridor replaces only a file of the kind it writes (--force replaces it anyway)");
  }
  return {};
}

}  // namespace corridor::core
