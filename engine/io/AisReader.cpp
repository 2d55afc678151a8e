#include "io/AisReader.h"

#include <cpl_vsi.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <thread>

#include "core/HugePages.h"
#include "core/InputFile.h"
#include "core/Interruption.h"
#include "core/Log.h"
#include "io/AisArchive.h"
#include "io/AisCsv.h"
#include "io/AisOgrReader.h"
#include "io/GdalHandles.h"

namespace corridor::io {
namespace {

struct VsiFileCloser {
  void operator()(VSILFILE* file) const { VSIFCloseL(file); }
};
using VsiFile = std::unique_ptr<VSILFILE, VsiFileCloser>;

bool endsWith(std::string text, std::string_view suffix) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return text.ends_with(suffix);
}

// Merges parsed chunks in file order: chunk line numbers become file line numbers, the chunk's
// text-id keys the data set's.
struct ChunkMerger {
  AisRawData& data;
  std::string name;
  std::uint16_t file = 0;
  std::int64_t linesBefore = 1;  // the header

  void merge(AisCsvChunk chunk) {
    for (AisBadRow& row : chunk.counts.rows) {
      row.file = name;
      row.line += linesBefore;
    }
    std::vector<std::uint32_t> globalKeys(chunk.textIds.size());
    for (std::size_t i = 0; i < globalKeys.size(); ++i) globalKeys[i] = data.textIds.keyOf(chunk.textIds.id(kTextIdKeys + std::uint32_t(i)));
    auto global = [&](std::uint32_t key) { return key >= kTextIdKeys ? globalKeys[key - kTextIdKeys] : key; };
    for (AisPoint& point : chunk.points) {
      point.line = std::uint32_t(std::min<std::int64_t>(point.line + linesBefore, UINT32_MAX));
      point.file = file;
      point.vessel = global(point.vessel);
    }
    if (!globalKeys.empty()) chunk.vessels.rekey(global);
    linesBefore += chunk.lines;
    int& resolution = data.files[file].timeResolutionSeconds;
    resolution = std::max(resolution, chunk.timeResolutionSeconds);
    data.counts.merge(std::move(chunk.counts));
    data.add(std::move(chunk.points), chunk.vessels);
  }

  // A row dropped by the reader itself, at the next line.
  void dropLine(DropReason reason, std::string detail) {
    AisCsvChunk chunk;
    chunk.lines = 1;
    chunk.counts.rowsRead = 1;
    chunk.counts.drop(reason, [&] { return AisBadRow{{}, 1, reason, std::move(detail)}; });
    merge(std::move(chunk));
  }
};

constexpr std::size_t kMaxLineBytes = std::size_t(1) << 20;

// Read buffers are reused: a fresh block a chunk (16 to 64 MB) costs its page faults and
// zero fill, a tenth of the parse time. Each holds a chunk and a megabyte for the line carried
// over from the last, so that any buffer fits any chunk.
struct ReadBuffer {
  std::unique_ptr<char[]> bytes;
  std::size_t capacity = 0;
};

struct ReadBuffers {
  std::vector<ReadBuffer> spare;

  ReadBuffer take(std::size_t bytes) {
    ReadBuffer buffer;
    if (!spare.empty()) {
      buffer = std::move(spare.back());
      spare.pop_back();
    }
    if (buffer.capacity < bytes) {
      const std::size_t capacity = bytes + kMaxLineBytes;
      buffer = {std::make_unique_for_overwrite<char[]>(capacity), capacity};
      core::adviseHugePages(buffer.bytes.get(), capacity);
    }
    return buffer;
  }
  void giveBack(ReadBuffer buffer) { spare.push_back(std::move(buffer)); }
};

struct ParsedChunk {
  AisCsvChunk chunk;
  ReadBuffer buffer;  // back to the pool once merged
};

struct CsvInput {
  std::string path;  // GDAL path
  std::string name;  // for messages
};

core::Result<std::vector<CsvInput>> zipMembers(const std::filesystem::path& file) {
  const std::string root = "/vsizip/" + file.string();
  char** names = VSIReadDirRecursive(root.c_str());
  std::vector<CsvInput> members;
  for (char** name = names; name && *name; ++name) {
    if (endsWith(*name, ".csv")) members.push_back({root + "/" + *name, file.string() + "/" + *name});
  }
  CSLDestroy(names);
  if (members.empty()) return core::dataError(file.string() + ": not a zip file holding .csv files");
  std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return members;
}

// Leaves out the reports of files outside the window, counting them.
void keepWindow(AisRawData& data, const AisWindow& window) {
  for (std::vector<AisPoint>& chunk : data.pointChunks) {
    const auto outside = std::remove_if(chunk.begin(), chunk.end(), [&](const AisPoint& p) { return !window.contains(p); });
    data.counts.outsideWindow += chunk.end() - outside;
    chunk.erase(outside, chunk.end());
  }
  std::erase_if(data.pointChunks, [](const auto& chunk) { return chunk.empty(); });
}

}  // namespace

std::size_t AisRawData::pointCount() const {
  std::size_t count = 0;
  for (const auto& chunk : pointChunks) count += chunk.size();
  return count;
}

std::uint16_t AisRawData::addFile(AisSourceFile file) {
  files.push_back(std::move(file));
  return std::uint16_t(std::min<std::size_t>(files.size() - 1, UINT16_MAX));  // zip members beyond: the last
}

void AisRawData::add(std::vector<AisPoint> points, const AisVesselTable& reports) {
  if (!points.empty()) pointChunks.push_back(std::move(points));
  vessels.merge(reports);
}

// A chunk's parser reads the description of each vessel it meets and the reader merges its table
// of vessels, some 6,000 of them for 16 MB of a US day: a large file goes in larger chunks (the
// generated 1 GB day on two cores: 1.12-1.13 s with 16 MB chunks, 0.97-1.01 s with 64 MB).
std::size_t aisCsvChunkBytes(const AisReadOptions& options, std::int64_t fileBytes, int threads) {
  if (options.chunkBytes > 0) return options.chunkBytes;
  if (fileBytes < 0) return kAisChunkBytes;
  return std::clamp(std::size_t(fileBytes) / std::size_t(8 * std::max(1, threads)), kAisChunkBytes,
                    4 * kAisChunkBytes);
}

core::Result<std::int64_t> readAisCsv(const std::string& path, const std::string& name,
                                      const AisReadOptions& options, AisRawData& data) {
  registerGdalDrivers();
  CplErrorCapture capture;
  VsiFile file(VSIFOpenL(path.c_str(), "rb"));
  if (!file) return core::fail(core::ErrorKind::Io, capture.describe(name, "cannot open"));
  VSIStatBufL stat{};
  const bool compressed = path.starts_with("/vsigzip/") || path.starts_with("/vsizip/");
  const std::int64_t total = !compressed && VSIStatL(path.c_str(), &stat) == 0 ? std::int64_t(stat.st_size) : -1;

  const int threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
  const std::size_t chunkBytes = aisCsvChunkBytes(options, total, threads);
  std::deque<std::future<ParsedChunk>> inFlight;
  ReadBuffers buffers;
  ChunkMerger merger{data, name, data.addFile({name, false})};
  auto mergeParsed = [&](ParsedChunk parsed) {
    merger.merge(std::move(parsed.chunk));
    buffers.giveBack(std::move(parsed.buffer));
  };
  std::optional<AisCsvLayout> layout;
  std::string carry;
  std::int64_t done = 0;
  bool end = false, skipping = false;
  while (!end) {
    ReadBuffer buffer = buffers.take(carry.size() + chunkBytes);
    std::memcpy(buffer.bytes.get(), carry.data(), carry.size());
    const std::size_t got = VSIFReadL(buffer.bytes.get() + carry.size(), 1, chunkBytes, file.get());
    std::string_view text(buffer.bytes.get(), carry.size() + got);
    done += std::int64_t(got);
    end = got < chunkBytes;
    if (end && !capture.lastError().empty()) {
      return core::fail(core::ErrorKind::Io, capture.describe(name, "cannot read (corrupt or truncated archive?)"));
    }
    if (core::interrupted()) return std::unexpected(core::interruption("reading " + name));
    if (skipping) {  // the rest of an over-long line
      const std::size_t newline = text.find('\n');
      if (newline == std::string::npos) {
        carry.clear();
        buffers.giveBack(std::move(buffer));
        continue;
      }
      text.remove_prefix(newline + 1);
      skipping = false;
    }
    // Whole lines go to the parser; the partial last line waits for the next read.
    const std::size_t lastNewline = text.rfind('\n');
    const std::size_t cut = end ? text.size() : (lastNewline == std::string::npos ? 0 : lastNewline + 1);
    carry.assign(text.substr(cut));
    text = text.substr(0, cut);
    if (!layout) {
      if (text.empty() && !end) {  // no newline yet: a header longer than a chunk
        if (carry.size() > kMaxLineBytes) {
          return core::dataError(name + ": not an AIS CSV file (no line break in the first MB)");
        }
        buffers.giveBack(std::move(buffer));
        continue;
      }
      if (text.empty()) return core::dataError(name + ": the file is empty; expected an AIS CSV header line");
      const std::size_t headerEnd = std::min(text.find('\n'), text.size());
      auto detected = detectAisCsvLayout(text.substr(0, headerEnd), options.fields);
      if (!detected) return core::dataError(name + ": " + detected.error().message);
      layout = *detected;
      core::logInfo(name + ": " + layout->formatName + " AIS CSV, " + std::to_string(layout->columns) + " columns");
      text.remove_prefix(std::min(headerEnd + 1, text.size()));
      layout->timeFormat = fileTimeFormat(options.timeFormat, sampleAisCsvTimes(text, *layout, 5000), name);
      layout->rowsPerReason = options.droppedRowsPerReason;
    }
    if (text.empty() && !end && carry.size() > kMaxLineBytes) {
      // No line break for a megabyte: drop the line (counted) rather than hold it all.
      for (auto& chunk : inFlight) mergeParsed(chunk.get());
      inFlight.clear();
      merger.dropLine(DropReason::WrongColumnCount, "a line longer than 1 MB");
      carry.clear();
      skipping = true;
    }
    if (text.empty()) {
      buffers.giveBack(std::move(buffer));
    } else if (threads <= 1) {
      mergeParsed({parseAisCsvChunk(text, *layout), std::move(buffer)});
    } else {
      if (inFlight.size() >= std::size_t(threads)) {
        mergeParsed(inFlight.front().get());
        inFlight.pop_front();
      }
      // The text lies in the buffer's heap block, which moves with it unchanged.
      inFlight.push_back(std::async(std::launch::async, [buffer = std::move(buffer), text, l = *layout]() mutable {
        return ParsedChunk{parseAisCsvChunk(text, l), std::move(buffer)};
      }));
    }
    if (options.progress) options.progress(name, done, total);
  }
  for (auto& chunk : inFlight) mergeParsed(chunk.get());
  data.counts.bytesRead += done;
  return done;
}

core::Result<AisRawData> readAis(const std::vector<std::filesystem::path>& files,
                                 const AisReadOptions& options) {
  // Points name their file in 16 bits.
  constexpr std::size_t kMaxFiles = 65536;
  if (files.size() > kMaxFiles) {
    return core::usageError(std::to_string(files.size()) + " AIS files; at most " + std::to_string(kMaxFiles) +
                            " can be read as one data set");
  }
  AisRawData data;
  data.counts.rowsPerReason = options.droppedRowsPerReason;
  // Archives (monthly ones, say) outside the window add nothing; only all of them missing it is an error.
  std::optional<core::Error> outsideWindow;
  int archives = 0, archivesInWindow = 0;
  for (const std::filesystem::path& file : files) {
    if (!isPostgresArchive(file)) {
      if (auto regular = core::requireRegularFile(file, "file"); !regular) return std::unexpected(regular.error());
    }
    const std::string name = file.string();
    if (options.reader != AisReaderKind::Fast && isAisArchive(file)) {
      ++archives;
      auto read = readAisArchive(file, options, data);
      if (!read && read.error().kind != core::ErrorKind::Usage) return std::unexpected(read.error());
      if (!read && !outsideWindow) outsideWindow = read.error();
      archivesInWindow += read.has_value();
      continue;
    }
    // A file cut short or appended to while it was read gives counts of no particular moment.
    const core::SizeWatch watch(file);
    const bool zip = endsWith(name, ".zip");
    const bool csv = zip || endsWith(name, ".csv") || endsWith(name, ".csv.gz") || endsWith(name, ".txt");
    if (options.reader == AisReaderKind::Ogr || (options.reader == AisReaderKind::Auto && !csv)) {
      if (auto read = readAisOgr(file, options, data); !read) return std::unexpected(read.error());
      if (auto same = watch.unchanged(); !same) return std::unexpected(same.error());
      continue;
    }
    std::vector<CsvInput> inputs;
    if (zip) {
      auto members = zipMembers(file);
      if (!members) return std::unexpected(members.error());
      inputs = std::move(*members);
    } else if (endsWith(name, ".gz")) {
      inputs.push_back({"/vsigzip/" + name, name});
    } else {
      inputs.push_back({name, name});
    }
    std::optional<std::uintmax_t> plainBytes;  // a plain CSV must also have been read to its end
    for (const CsvInput& input : inputs) {
      auto read = readAisCsv(input.path, input.name, options, data);
      if (!read) return std::unexpected(read.error());
      if (input.path == name) plainBytes = std::uintmax_t(*read);
    }
    if (auto same = watch.unchanged(plainBytes); !same) return std::unexpected(same.error());
  }
  if (archives > 0 && archivesInWindow == 0 && outsideWindow) return std::unexpected(*outsideWindow);
  if (options.window.bounded()) keepWindow(data, options.window);
  return data;
}

}  // namespace corridor::io
