#pragma once
// Outputs that replace their final file only when whole. A file is written under a temporary
// name in the same folder ("NAME.partial-PID.EXT": the extension stays last so that GDAL and
// FFmpeg still pick the format by it), flushed to disk, then renamed over the final name. Until
// then the previous file is untouched; a failed or abandoned output removes its temporary, and
// the temporaries of a process that died (SIGKILL, power loss) are removed by the next writer.
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/Result.h"

namespace corridor::core {

class PendingOutput {
 public:
  // Also removes stale temporaries of `target` left by dead processes.
  static Result<PendingOutput> begin(const std::filesystem::path& target);
  PendingOutput(PendingOutput&& other) noexcept;
  PendingOutput& operator=(PendingOutput&&) = delete;
  ~PendingOutput();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temporary() const { return temporary_; }

  // fsync the temporary, rename it over the target, fsync the folder.
  Result<void> commit();

 private:
  PendingOutput(std::filesystem::path target, std::filesystem::path temporary);
  std::filesystem::path target_, temporary_;
  bool done_ = false;
};

// A whole file written through PendingOutput, every write checked.
Result<void> writeFileReplacing(const std::filesystem::path& target, std::span<const std::byte> bytes);

// A folder that collects a set of output files under a temporary name inside `folder`
// ("FOLDER/.partial-PID-N"); commit() moves each file into `folder` only after every file was
// written and synced. A same-named file there is replaced only when it holds what its name says
// (checkReplaceable), or `force`; otherwise nothing moves. Abandoned: removed with everything in
// it.
class PendingFolder {
 public:
  static Result<PendingFolder> begin(const std::filesystem::path& folder, bool force = false);
  // Before any work: a usage error unless each of `names` in `folder` is missing or holds the
  // kind its extension says (.csv a table of text with commas, .gpkg a GeoPackage, .tif a
  // TIFF, .png a PNG), or `force`.
  static Result<void> checkReplaceable(const std::filesystem::path& folder, const std::vector<std::string>& names,
                                       bool force);
  PendingFolder(PendingFolder&& other) noexcept;
  PendingFolder& operator=(PendingFolder&&) = delete;
  ~PendingFolder();

  const std::filesystem::path& path() const { return temporary_; }
  Result<void> commit();

 private:
  PendingFolder(std::filesystem::path folder, std::filesystem::path temporary, bool force);
  std::filesystem::path folder_, temporary_;
  bool force_ = false;
  bool done_ = false;
};

// True when `path` lies inside `folder` once both are normalised (no ".." climbs out of it).
bool staysUnder(const std::filesystem::path& folder, const std::filesystem::path& path);

// The error for a failed write: "PATH: disk full" when the device is full, once for the path.
Error writeFailure(const std::filesystem::path& path, int errorNumber);

// True when a library's failure to write `path` is a full device: its message says so, or
// (GDAL's TIFF and CSV writers report only "IO error") the device has next to no space left.
bool diskFullWhileWriting(const std::filesystem::path& path, const std::string& message);

// Removes the temporaries (`NAME.partial-PID-N...`, files or folders) in `folder` of processes
// that no longer run; looks at each folder once per process.
void removeStalePartials(const std::filesystem::path& folder);

}  // namespace corridor::core

namespace corridor::core {

enum class OutputKind { Png, Mp4, GeoPackage, DroppedRowsCsv, Tour };

// Checks a command's output path before any work: refuses (a usage error naming both) an output
// that is the same file as one of `inputs` (given as typed: "PATH[:LAYER][:STYLE]" is matched by
// its path), an output whose extension is not the kind's (.png, .mp4, .gpkg, .csv, .toml), and an existing
// file that is not of the kind, so that only a file Corridor would write is replaced, unless
// `force`.
Result<void> checkOutputTarget(const std::filesystem::path& out, OutputKind kind, const std::vector<std::string>& inputs,
                               bool force);

}  // namespace corridor::core
