#pragma once
// Private to engine/io: rows of an archive's ais_blocks table, written in bulk.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/Result.h"
#include "core/Time.h"

namespace corridor::io {

struct AisBlockRow {
  std::unique_ptr<OGRGeometry> line;
  std::uint32_t vessel = 0;
  core::UtcMicros start = 0, end = 0;
  int pointCount = 0;
  int importId = 0;
  std::string points;  // encodeAisBlock
};

// Into a GeoPackage through OGR; into PostGIS as multi-row INSERTs with hex literals, since
// GDAL 3.6's COPY formats bytea a byte at a time through printf (three quarters of an import's
// time went there).
class AisBlockTable {
 public:
  AisBlockTable(GDALDataset& dataset, std::filesystem::path path);
  core::Result<void> add(AisBlockRow row);
  // Writes what is pending; before the transaction commits.
  core::Result<void> flush();

 private:
  GDALDataset& dataset_;
  std::filesystem::path path_;
  bool postgres_;
  std::string pending_;  // PostGIS: the INSERT being built
  std::size_t pendingRows_ = 0;
};

}  // namespace corridor::io
