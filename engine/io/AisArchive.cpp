#include "io/AisArchive.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/HugePages.h"
#include "core/Interruption.h"
#include "core/OutputFile.h"
#include "geo/Longitude.h"
#include "io/AisArchiveSchema.h"
#include "io/AisBlock.h"
#include "io/AisBlockTable.h"
#include "io/OgrWriting.h"
#include "io/GdalHandles.h"

namespace corridor::io {
namespace {

using namespace archive;

// What an archive's writer knows of one of its vessels.
struct ArchivedVessel {
  bool stored = false;  // has its row in ais_vessels
  AisVesselInfo info;
  core::UtcMicros first = 0, last = 0;
};

bool hasGpkgExtension(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return extension == ".gpkg";
}

// The GeoPackage, or the database of a "PG:" connection string, without checking what it holds.
core::Result<DatasetHandle> openDatabase(const std::filesystem::path& path, bool update) {
  registerGdalDrivers();
  CplErrorCapture capture;
  const bool postgres = isPostgresArchive(path);
  const char* drivers[] = {postgres ? "PostgreSQL" : "GPKG", nullptr};
  DatasetHandle handle(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers,
                                  nullptr, nullptr));
  if (handle) return handle;
  if (postgres) return core::dataError(capture.describe(path, "cannot connect to the PostgreSQL database"));
  return core::dataError(capture.describe(path, "not a GeoPackage; expected a Corridor AIS archive (.gpkg)"));
}

core::Result<DatasetHandle> openArchive(const std::filesystem::path& path, bool update) {
  auto handle = openDatabase(path, update);
  if (!handle) return handle;
  if (auto checked = checkArchive(*GDALDataset::FromHandle(handle->get()), path); !checked) {
    return std::unexpected(checked.error());
  }
  return handle;
}

AisArchiveSummary summarize(GDALDataset& dataset) {
  AisArchiveSummary summary;
  summary.imports = readImports(dataset);
  for (const AisImportRecord& record : summary.imports) {
    summary.points += record.pointsKept;
    if (record.pointsKept == 0) continue;
    summary.first = std::min(summary.first.value_or(record.first), record.first);
    summary.last = std::max(summary.last.value_or(record.last), record.last);
  }
  summary.vessels = dataset.GetLayerByName(kVessels)->GetFeatureCount(TRUE);
  return summary;
}

// A block of a window's query, kept packed until its vessel's turn.
struct WindowBlock {
  std::uint32_t archiveKey = 0, key = 0;  // the vessel in the archive, and in the data read
  core::UtcMicros start = 0;
  int count = 0;
  std::uint32_t line = 0;  // the row: what the points' line says
  std::string points;      // encodeAisBlock
};

std::unexpected<core::Error> damagedBlock(const std::string& name, const WindowBlock& block) {
  return core::dataError(name + ": " + kBlocks + " row of vessel " + std::to_string(block.archiveKey) + " from " +
                         core::formatIso8601(block.start) + ": damaged (its points do not decode as " +
                         std::to_string(block.count) + " reports)");
}

// Adds a window's points from its blocks (sorted by vessel) vessel by vessel, each vessel one run
// of a chunk, with its nearest reports in the margins where options ask for only those.
core::Result<void> addByVessel(std::vector<WindowBlock>& blocks,
                               const std::unordered_map<std::uint32_t, AisVesselInfo>& archiveVessels,
                               const AisReadOptions& options, std::uint16_t file, const std::string& name,
                               AisRawData& data) {
  AisVesselTable vessels;
  // Chunks of at least a fixed size: one vector doubling as it grew held up to twice the
  // window's points, and three times while it moved them.
  const std::size_t chunkBytes = options.chunkBytes > 0 ? options.chunkBytes : kAisChunkBytes;
  const std::size_t chunkPoints = std::max<std::size_t>(1, chunkBytes / sizeof(AisPoint));
  std::vector<AisPoint> points, decoded;
  std::int64_t kept = 0;
  for (std::size_t first = 0, last = 0; first < blocks.size(); first = last) {
    const std::uint32_t key = blocks[first].key;
    std::size_t most = 0;  // of the vessel's points
    for (last = first; last < blocks.size() && blocks[last].key == key; ++last) most += std::size_t(blocks[last].count);
    if (points.size() + most > points.capacity()) {
      if (!points.empty()) data.add(std::exchange(points, {}), {});
      core::reserveHugePages(points, std::max(chunkPoints, most));
    }
    if (last / 4096 != first / 4096 && core::interrupted()) {
      return std::unexpected(core::interruption("reading " + name));
    }
    const std::size_t before = points.size();
    std::optional<AisNearestOutside> margins;
    if (options.nearestInMargins && options.window.margin > 0) margins.emplace(options.window.inner());
    bool any = false;
    for (std::size_t b = first; b < last; ++b) {
      WindowBlock& block = blocks[b];
      AisPoint proto{};
      proto.file = file;
      proto.line = block.line;
      decoded.clear();
      if (!decodeAisBlock(block.points, block.start, std::size_t(block.count), proto, decoded)) {
        return damagedBlock(name, block);
      }
      std::string().swap(block.points);
      for (AisPoint& point : decoded) {
        if (!options.window.contains(point)) continue;  // blocks overlap the window's edges
        point.vessel = key;
        any = true;
        if (!margins || margins->inside(point)) points.push_back(point);
      }
    }
    if (margins) std::ranges::copy(margins->take(), std::back_inserter(points));
    kept += std::int64_t(points.size() - before);
    if (any && vessels.indexOf(key) < 0) {
      const auto known = archiveVessels.find(blocks[first].archiveKey);
      AisVesselInfo info = known != archiveVessels.end() ? known->second : AisVesselInfo{};
      info.key = key;
      vessels[key] = std::move(info);
    }
  }
  data.counts.rowsRead += kept;
  data.add(std::move(points), vessels);
  return {};
}

// The SQL of a window: an index range on the blocks' start and, with a box, the spatial index's
// candidates.
std::string windowQuery(GDALDataset& dataset, const AisWindow& window) {
  const core::UtcMicros firstBlock = window.from == AisWindow{}.from ? window.from : aisBlockPeriod(window.from);
  std::string sql = std::string("SELECT vessel, start_us, point_count, points FROM ") + kBlocks +
                    " WHERE start_us >= " + std::to_string(firstBlock) + " AND start_us < " + std::to_string(window.to) +
                    " AND end_us >= " + std::to_string(window.from);
  if (window.box) sql += " AND " + boxCondition(dataset, *window.box);
  return sql;
}

AisVesselInfo vesselInfo(OGRFeature& feature) {
  AisVesselInfo info;
  info.key = std::uint32_t(feature.GetFieldAsInteger64(kVesselKey));
  info.textId = feature.GetFieldAsString(kTextId);
  info.name = feature.GetFieldAsString(kName);
  info.imo = feature.GetFieldAsString(kImo);
  info.callSign = feature.GetFieldAsString(kCallSign);
  info.aisType = feature.GetFieldAsInteger(kAisType);
  info.lengthM = feature.GetFieldAsDouble(kLength);
  info.widthM = feature.GetFieldAsDouble(kWidth);
  return info;
}

}  // namespace

bool isPostgresArchive(const std::filesystem::path& path) { return path.native().starts_with("PG:"); }

bool isAisArchive(const std::filesystem::path& path) {
  if (isPostgresArchive(path)) return true;  // a database is read only as an archive
  if (!hasGpkgExtension(path)) return false;
  registerGdalDrivers();
  CplErrorCapture quiet;
  const char* drivers[] = {"GPKG", nullptr};
  DatasetHandle handle(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
  return handle && GDALDataset::FromHandle(handle.get())->GetLayerByName(kMetadata) != nullptr;
}

core::Result<AisArchiveSummary> describeAisArchive(const std::filesystem::path& path) {
  auto handle = openArchive(path, false);
  if (!handle) return std::unexpected(handle.error());
  return summarize(*GDALDataset::FromHandle(handle->get()));
}

core::Result<std::vector<std::string>> aisArchiveVesselIds(const std::filesystem::path& path) {
  auto handle = openArchive(path, false);
  if (!handle) return std::unexpected(handle.error());
  OGRLayer& layer = *GDALDataset::FromHandle(handle->get())->GetLayerByName(kVessels);
  std::vector<std::string> ids;
  layer.ResetReading();
  for (const auto& vessel : layer) {
    ids.push_back(vessel->IsFieldSetAndNotNull(kMmsi)
                      ? std::to_string(vessel->GetFieldAsInteger64(kMmsi))
                      : std::string("text ") + vessel->GetFieldAsString(kTextId));
  }
  return ids;
}

core::Result<void> readAisArchive(const std::filesystem::path& path, const AisReadOptions& options, AisRawData& data) {
  auto handle = openArchive(path, false);
  if (!handle) return std::unexpected(handle.error());
  GDALDataset& dataset = *GDALDataset::FromHandle(handle->get());
  const AisArchiveSummary summary = summarize(dataset);
  const AisWindow& window = options.window;
  if (!summary.first) return core::dataError(path.string() + ": the archive holds no reports yet");
  if (window.from > *summary.last || window.to <= *summary.first) {
    return core::usageError(path.string() + ": the window " + window.describe() + " is outside the archive's period " +
                            core::formatIso8601(*summary.first) + " .. " + core::formatIso8601(*summary.last));
  }
  int resolution = 1;
  for (const AisImportRecord& record : summary.imports) resolution = std::max(resolution, record.timeResolutionSeconds);
  const std::string name = path.string();
  const std::uint16_t file = data.addFile({name, true, resolution});

  CplErrorCapture capture;
  OGRLayer* result = dataset.ExecuteSQL(windowQuery(dataset, window).c_str(), nullptr, nullptr);
  if (!result) return core::dataError(capture.describe(path, "cannot query its reports"));
  struct Release {
    GDALDataset& dataset;
    OGRLayer* layer;
    ~Release() { dataset.ReleaseResultSet(layer); }
  } release{dataset, result};

  // Keys of vessels known by text ids are the archive's; the data set numbers its own.
  std::unordered_map<std::uint32_t, AisVesselInfo> archiveVessels;
  for (auto& feature : *dataset.GetLayerByName(kVessels)) {
    AisVesselInfo info = vesselInfo(*feature);
    archiveVessels.emplace(info.key, std::move(info));
  }
  // The blocks stay packed (~14 bytes a report) until all are read; then they are decoded vessel
  // by vessel, so that each vessel's points are one run of a chunk, which the tracks are cleaned
  // from where it lies, with no index sorted by vessel (vesselRuns).
  std::vector<WindowBlock> blocks;
  std::int64_t read = 0;
  for (auto& feature : *result) {
    WindowBlock block;
    block.archiveKey = std::uint32_t(feature->GetFieldAsInteger64(0));
    block.start = feature->GetFieldAsInteger64(1);
    block.count = feature->GetFieldAsInteger(2);
    int bytes = 0;
    const GByte* blob = feature->GetFieldAsBinary(3, &bytes);
    block.points.assign(reinterpret_cast<const char*>(blob), std::size_t(std::max(bytes, 0)));
    block.line = std::uint32_t(std::clamp<GIntBig>(feature->GetFID(), 0, UINT32_MAX));  // none in PostGIS
    const auto known = archiveVessels.find(block.archiveKey);
    block.key = block.archiveKey >= kTextIdKeys && known != archiveVessels.end()
                    ? data.textIds.keyOf(known->second.textId)
                    : block.archiveKey;
    // A count the bytes cannot hold is damage, refused before it sizes any memory.
    if (block.count < 0 || std::size_t(block.count) > aisBlockMostReports(block.points.size())) {
      return damagedBlock(name, block);
    }
    read += block.count;
    blocks.push_back(std::move(block));
    if (blocks.size() % 4096 == 0) {
      if (core::interrupted()) return std::unexpected(core::interruption("reading " + name));
      if (options.progress) options.progress(name, read, -1);
    }
  }
  if (!capture.lastError().empty()) return core::dataError(capture.describe(path, "read failed after " + std::to_string(read) + " reports"));
  std::stable_sort(blocks.begin(), blocks.end(), [](const WindowBlock& a, const WindowBlock& b) {
    return std::tie(a.key, a.start) < std::tie(b.key, b.start);
  });

  return addByVessel(blocks, archiveVessels, options, file, name, data);
}

// The writer's open archive, its lock and what it knows of the archive's vessels and imports.
struct AisArchiveWriter::State {
  std::filesystem::path path;
  int lock = -1;
  DatasetHandle handle;  // closed before the lock is released (see ~State)
  std::vector<AisImportRecord> imports;
  std::unordered_map<std::uint32_t, ArchivedVessel> vessels;  // by archive key
  std::unordered_map<std::string, std::uint32_t> textKeys;
  std::uint32_t nextTextKey = kTextIdKeys;

  GDALDataset& dataset() const { return *GDALDataset::FromHandle(handle.get()); }
  ~State() {
    handle.reset();
    // Closing any descriptor of the file drops SQLite's POSIX locks: only after GDAL closed it.
    if (lock >= 0) ::close(lock);
  }
};

namespace {

// A new, empty archive at `path`, unless another process made one first (then that one stays).
core::Result<void> createArchive(const std::filesystem::path& path) {
  auto output = core::PendingOutput::begin(path);
  if (!output) return std::unexpected(output.error());
  CplErrorCapture capture;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  DatasetHandle handle(driver->Create(output->temporary().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!handle) return core::fail(core::ErrorKind::Io, capture.describe(path, "cannot create the archive"));
  if (auto schema = createSchema(*GDALDataset::FromHandle(handle.get()), path); !schema) return schema;
  handle.reset();
  if (!capture.lastError().empty()) return core::fail(core::ErrorKind::Io, capture.describe(path, "cannot create the archive"));
  if (const int file = ::open(output->temporary().c_str(), O_RDONLY | O_CLOEXEC); file >= 0) {
    ::fsync(file);  // whole on disk before it has its name
    ::close(file);
  }
  // A hard link never replaces: of two imports creating the same archive, one wins.
  if (::link(output->temporary().c_str(), path.c_str()) != 0 && errno != EEXIST) {
    return core::fail(core::ErrorKind::Io, path.string() + ": cannot create: " + std::strerror(errno));
  }
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (const int directory = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); directory >= 0) {
    ::fsync(directory);
    ::close(directory);
  }
  return {};  // the temporary name goes with `output`
}

// Waits for the exclusive lock on the archive's file, polling so that Ctrl-C ends the wait.
core::Result<void> lockFile(int file, const std::filesystem::path& path, const std::function<void()>& waiting) {
  for (bool told = false; ::flock(file, LOCK_EX | LOCK_NB) != 0;) {
    if (errno != EWOULDBLOCK) return core::fail(core::ErrorKind::Io, path.string() + ": cannot lock: " + std::strerror(errno));
    if (!told && waiting) waiting();
    told = true;
    if (core::interrupted()) return std::unexpected(core::interruption("waiting for another import into " + path.string()));
    ::usleep(100000);
  }
  return {};
}

// One writer per database: a session-level advisory lock, waited for as for a file.
core::Result<void> lockDatabase(GDALDataset& dataset, const std::filesystem::path& path,
                                const std::function<void()>& waiting) {
  // Keyed by the schema, so that archives in different schemas of one database do not wait for each other.
  constexpr const char* kTryLock = "SELECT pg_try_advisory_lock(726210, hashtext(current_schema()))";
  for (bool told = false;;) {
    CplErrorCapture capture;
    OGRLayer* result = dataset.ExecuteSQL(kTryLock, nullptr, nullptr);
    if (!result) return core::fail(core::ErrorKind::Io, capture.describe(path, "cannot take the archive's lock"));
    std::unique_ptr<OGRFeature> row(result->GetNextFeature());
    const bool locked = row && row->GetFieldAsInteger(0) == 1;
    dataset.ReleaseResultSet(result);
    if (locked) return {};
    if (!told && waiting) waiting();
    told = true;
    if (core::interrupted()) return std::unexpected(core::interruption("waiting for another import into " + path.string()));
    ::usleep(200000);
  }
}

// A database becomes an archive when the first import finds none of its tables.
core::Result<void> createInDatabase(GDALDataset& dataset, const std::filesystem::path& path) {
  if (dataset.GetLayerByName(kMetadata)) return {};
  CplErrorCapture capture;
  if (dataset.StartTransaction() != OGRERR_NONE) return core::fail(core::ErrorKind::Io, capture.describe(path, "cannot start a transaction"));
  if (auto created = createSchema(dataset, path); !created) {
    dataset.RollbackTransaction();
    return created;
  }
  if (dataset.CommitTransaction() != OGRERR_NONE) return core::fail(core::ErrorKind::Io, capture.describe(path, "cannot create the archive"));
  return {};
}

core::Result<DatasetHandle> openForWriting(const std::filesystem::path& path, int& lock, const std::function<void()>& waiting) {
  if (isPostgresArchive(path)) {
    auto handle = openDatabase(path, true);
    if (!handle) return handle;
    GDALDataset& dataset = *GDALDataset::FromHandle(handle->get());
    if (auto locked = lockDatabase(dataset, path, waiting); !locked) return std::unexpected(locked.error());
    if (auto created = createInDatabase(dataset, path); !created) return std::unexpected(created.error());
    if (auto checked = checkArchive(dataset, path); !checked) return std::unexpected(checked.error());
    return handle;
  }
  if (!hasGpkgExtension(path)) {
    return core::usageError(path.string() + ": an AIS archive is a GeoPackage (ARCHIVE.gpkg) or a PostGIS database "
                                            "(PG:dbname=... host=...)");
  }
  if (!std::filesystem::exists(path)) {
    if (auto created = createArchive(path); !created) return std::unexpected(created.error());
  }
  lock = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (lock < 0) return core::fail(core::ErrorKind::Io, path.string() + ": cannot open: " + std::strerror(errno));
  if (auto locked = lockFile(lock, path, waiting); !locked) return std::unexpected(locked.error());
  return openArchive(path, true);
}

}  // namespace

core::Result<AisArchiveWriter> AisArchiveWriter::open(const std::filesystem::path& path, const std::function<void()>& waiting) {
  registerGdalDrivers();
  // PostGIS: the vessels and the import log go in by COPY (the blocks by AisBlockTable).
  CPLSetThreadLocalConfigOption("PG_USE_COPY", "YES");
  auto state = std::make_unique<State>();
  state->path = path;
  auto handle = openForWriting(path, state->lock, waiting);
  if (!handle) return std::unexpected(handle.error());
  state->handle = std::move(*handle);
  state->imports = readImports(state->dataset());
  for (auto& feature : *state->dataset().GetLayerByName(kVessels)) {
    ArchivedVessel vessel{true, vesselInfo(*feature), feature->GetFieldAsInteger64(kFirst),
                         feature->GetFieldAsInteger64(kLast)};
    if (!vessel.info.hasMmsi()) {
      state->textKeys.emplace(vessel.info.textId, vessel.info.key);
      state->nextTextKey = std::max(state->nextTextKey, vessel.info.key + 1);
    }
    state->vessels.emplace(vessel.info.key, std::move(vessel));
  }
  return AisArchiveWriter(std::move(state));
}

AisArchiveWriter::AisArchiveWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
AisArchiveWriter::AisArchiveWriter(AisArchiveWriter&&) noexcept = default;
AisArchiveWriter::~AisArchiveWriter() = default;

std::optional<AisImportRecord> AisArchiveWriter::findImport(std::int64_t bytes, std::uint64_t hash) const {
  for (const AisImportRecord& record : state_->imports) {
    if (record.bytes == bytes && record.hash == hash) return record;
  }
  return std::nullopt;
}

namespace {

// The block's reports as a line for the R-tree and for GIS: within 10 m of every report, cut at
// the antimeridian; a single report is a line of no length.
std::unique_ptr<OGRGeometry> blockLine(const AisTrackSet& set, const AisTrack& block) {
  constexpr double kToleranceMetres = 10;
  geo::Polyline line;
  for (std::uint32_t i : simplifyAisTrack(set, block, kToleranceMetres)) line.push_back({set.lon(i), set.lat(i)});
  if (line.size() == 1) line.push_back(line.front());
  geo::unwrapLongitudes(line);
  return std::make_unique<OGRMultiLineString>(cutAtAntimeridian(line));
}

void setVesselFields(OGRFeature& feature, const AisVesselInfo& info, core::UtcMicros first, core::UtcMicros last) {
  feature.SetField(kVesselKey, GIntBig(info.key));
  if (info.hasMmsi()) feature.SetField(kMmsi, GIntBig(info.key));
  if (!info.textId.empty()) feature.SetField(kTextId, utf8(info.textId).c_str());
  feature.SetField(kName, utf8(info.name).c_str());
  feature.SetField(kImo, utf8(info.imo).c_str());
  feature.SetField(kCallSign, utf8(info.callSign).c_str());
  feature.SetField(kAisType, info.aisType);
  feature.SetField(kLength, info.lengthM);
  feature.SetField(kWidth, info.widthM);
  feature.SetField(kFirst, GIntBig(first));
  feature.SetField(kLast, GIntBig(last));
}

// The rows of the import's vessels, replaced by key (rows written by COPY into PostGIS have no
// FID to update them by).
core::Result<void> writeVessels(GDALDataset& dataset, const std::filesystem::path& path, const AisTrackSet& tracks,
                                const std::vector<std::uint32_t>& keys,
                                std::unordered_map<std::uint32_t, ArchivedVessel>& vessels) {
  std::vector<std::uint32_t> replaced;
  for (std::size_t v = 0; v < tracks.vessels.size(); ++v) {
    if (keys[v] == 0) continue;  // no kept report
    ArchivedVessel& vessel = vessels.at(keys[v]);
    AisVesselInfo info = tracks.vessels[v];
    info.key = keys[v];
    if (vessel.stored) {
      vessel.info.merge(info);
      replaced.push_back(keys[v]);
    } else {
      vessel.info = info;
    }
  }
  constexpr std::size_t kKeysPerStatement = 500;
  for (std::size_t begin = 0; begin < replaced.size(); begin += kKeysPerStatement) {
    std::string sql = std::string("DELETE FROM ") + kVessels + " WHERE vessel IN (";
    for (std::size_t i = begin; i < std::min(replaced.size(), begin + kKeysPerStatement); ++i) {
      if (i > begin) sql += ',';
      sql += std::to_string(replaced[i]);
    }
    if (auto deleted = execute(dataset, path, sql + ")"); !deleted) return deleted;
  }
  OGRLayer& layer = *dataset.GetLayerByName(kVessels);
  CplErrorCapture capture;
  for (std::size_t v = 0; v < tracks.vessels.size(); ++v) {
    if (keys[v] == 0) continue;
    ArchivedVessel& vessel = vessels.at(keys[v]);
    OGRFeature row(layer.GetLayerDefn());
    setVesselFields(row, vessel.info, vessel.first, vessel.last);
    if (layer.CreateFeature(&row) != OGRERR_NONE) return core::fail(core::ErrorKind::Io, capture.describe(path, "cannot write the vessels"));
    vessel.stored = true;
  }
  return {};
}

}  // namespace

core::Result<void> AisArchiveWriter::append(AisImportRecord record, const AisTrackSet& tracks,
                                            const std::function<void(std::size_t, std::size_t)>& progress) {
  State& state = *state_;
  GDALDataset& dataset = state.dataset();
  CplErrorCapture capture;
  auto failed = [&](const std::string& what) {
    const std::string message = capture.describe(state.path, what);  // before the rollback adds its own
    dataset.RollbackTransaction();
    return core::fail(core::ErrorKind::Io, message);
  };
  // PostGIS: new months' partitions in their own short transaction (creating one locks the whole
  // table, which would stall every reader for the length of the import); empty ones are harmless.
  if (!tracks.time.empty()) {
    const auto [first, last] = std::minmax_element(tracks.time.begin(), tracks.time.end());
    if (dataset.StartTransaction() != OGRERR_NONE) return std::unexpected(failed("cannot start a transaction"));
    if (auto partitions = addPartitions(dataset, state.path, *first, *last); !partitions) {
      dataset.RollbackTransaction();
      return partitions;
    }
    if (dataset.CommitTransaction() != OGRERR_NONE) return std::unexpected(failed("cannot add partitions"));
  }
  if (dataset.StartTransaction() != OGRERR_NONE) return core::fail(core::ErrorKind::Io, capture.describe(state.path, "cannot start a transaction"));
  const int importId = int(state.imports.size()) + 1;

  // The archive's key of each of the set's vessels: MMSIs as they are, text ids numbered by the archive.
  auto vessels = state.vessels;
  auto textKeys = state.textKeys;
  std::uint32_t nextTextKey = state.nextTextKey;
  std::vector<std::uint32_t> keys(tracks.vessels.size());
  for (const AisTrack& track : tracks.tracks) {  // vessels without a kept report get no key
    const AisVesselInfo& info = tracks.vessels[track.vessel];
    if (info.hasMmsi()) {
      keys[track.vessel] = info.key;
      continue;
    }
    auto [entry, added] = textKeys.emplace(info.textId, nextTextKey);
    nextTextKey += added;
    keys[track.vessel] = entry->second;
  }

  AisBlockTable blocks(dataset, state.path);
  const std::size_t total = tracks.pointCount();
  std::size_t done = 0;
  record.first = std::numeric_limits<core::UtcMicros>::max();
  record.last = std::numeric_limits<core::UtcMicros>::min();
  for (const AisTrack& track : tracks.tracks) {
    const std::uint32_t key = keys[track.vessel];
    ArchivedVessel& vessel = vessels[key];
    if (vessel.info.key == 0) {  // new to the archive
      vessel.info.key = key;
      vessel.first = tracks.time[track.begin];
      vessel.last = tracks.time[track.begin];
    }
    for (std::uint32_t begin = track.begin; begin < track.end;) {
      const core::UtcMicros periodEnd = aisBlockPeriod(tracks.time[begin]) + kAisBlockSpan;
      std::uint32_t end = begin;
      while (end < track.end && tracks.time[end] < periodEnd) ++end;
      const core::UtcMicros first = tracks.time[begin], last = tracks.time[end - 1];
      if (auto added = blocks.add({blockLine(tracks, AisTrack{track.vessel, begin, end}), key, first, last,
                                   int(end - begin), importId, encodeAisBlock(tracks, begin, end, first)});
          !added) {
        dataset.RollbackTransaction();
        return added;
      }
      record.first = std::min(record.first, first);
      record.last = std::max(record.last, last);
      vessel.first = std::min(vessel.first, first);
      vessel.last = std::max(vessel.last, last);
      const bool report = (done + end - begin) / 65536 != done / 65536;
      done += end - begin;
      begin = end;
      if (!report) continue;
      if (progress) progress(done, total);
      if (core::interrupted()) {
        dataset.RollbackTransaction();
        return std::unexpected(core::interruption("importing into " + state.path.string() + "; the archive is as it was"));
      }
    }
  }
  if (total == 0) record.first = record.last = 0;
  if (auto flushed = blocks.flush(); !flushed) {
    dataset.RollbackTransaction();
    return flushed;
  }

  if (auto written = writeVessels(dataset, state.path, tracks, keys, vessels); !written) {
    dataset.RollbackTransaction();
    return written;
  }
  record.pointsKept = std::int64_t(total);
  if (auto logged = writeImport(dataset, state.path, record); !logged) {
    dataset.RollbackTransaction();
    return logged;
  }
  // PostGIS: a statement ends the COPY of the vessels and the log, so its errors show here and
  // not as a COMMIT of an aborted transaction, which the server answers with a rollback.
  if (onPostgres(dataset)) {
    if (auto flushed = execute(dataset, state.path, "SELECT 1"); !flushed) {
      dataset.RollbackTransaction();
      return flushed;
    }
  }
  if (dataset.CommitTransaction() != OGRERR_NONE || !capture.lastError().empty()) {
    return std::unexpected(failed("cannot commit the import"));
  }
  if (progress) progress(total, total);
  state.vessels = std::move(vessels);
  state.textKeys = std::move(textKeys);
  state.nextTextKey = nextTextKey;
  state.imports.push_back(std::move(record));
  return {};
}

}  // namespace corridor::io
