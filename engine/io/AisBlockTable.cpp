#include "io/AisBlockTable.h"

#include <vector>

#include "io/AisArchiveSchema.h"
#include "io/GdalHandles.h"

namespace corridor::io {
namespace {

using namespace archive;

// A bytea value, decode('0a1b...', 'hex'), whatever standard_conforming_strings says.
void appendHexLiteral(std::string& sql, const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  sql += "decode('";
  const std::size_t at = sql.size();
  sql.resize(at + 2 * size);
  for (std::size_t i = 0; i < size; ++i) {
    sql[at + 2 * i] = kDigits[bytes[i] >> 4];
    sql[at + 2 * i + 1] = kDigits[bytes[i] & 15];
  }
  sql += "', 'hex')";
}

}  // namespace

AisBlockTable::AisBlockTable(GDALDataset& dataset, std::filesystem::path path)
    : dataset_(dataset), path_(std::move(path)), postgres_(onPostgres(dataset)) {}

core::Result<void> AisBlockTable::add(AisBlockRow row) {
  if (!postgres_) {
    OGRLayer& layer = *dataset_.GetLayerByName(kBlocks);
    OGRFeature block(layer.GetLayerDefn());
    block.SetGeometryDirectly(row.line.release());
    block.SetField(kVessel, GIntBig(row.vessel));
    block.SetField(kStart, GIntBig(row.start));
    block.SetField(kEnd, GIntBig(row.end));
    block.SetField(kPointCount, row.pointCount);
    block.SetField(kImport, row.importId);
    block.SetField(kPoints, int(row.points.size()), reinterpret_cast<const GByte*>(row.points.data()));
    CplErrorCapture capture;
    if (layer.CreateFeature(&block) != OGRERR_NONE) return core::fail(core::ErrorKind::Io, capture.describe(path_, "cannot write reports"));
    return {};
  }
  pending_ += pendingRows_ == 0 ? std::string("INSERT INTO ") + kBlocks +
                                      " (geom, vessel, start_us, end_us, point_count, import_id, points) VALUES "
                                : std::string(", ");
  std::vector<unsigned char> wkb(std::size_t(row.line->WkbSize()));
  row.line->exportToWkb(wkbNDR, wkb.data());
  pending_ += "(ST_GeomFromWKB(";
  appendHexLiteral(pending_, wkb.data(), wkb.size());
  pending_ += ", 4326), " + std::to_string(row.vessel) + ", " + std::to_string(row.start) + ", " + std::to_string(row.end) +
              ", " + std::to_string(row.pointCount) + ", " + std::to_string(row.importId) + ", ";
  appendHexLiteral(pending_, reinterpret_cast<const unsigned char*>(row.points.data()), row.points.size());
  pending_ += ")";
  constexpr std::size_t kRowsPerStatement = 256;
  return ++pendingRows_ == kRowsPerStatement ? flush() : core::Result<void>{};
}

core::Result<void> AisBlockTable::flush() {
  if (pendingRows_ == 0) return {};
  auto done = execute(dataset_, path_, pending_);
  pending_.clear();
  pendingRows_ = 0;
  return done;
}

}  // namespace corridor::io
