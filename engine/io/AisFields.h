#pragma once
// Which column of a file holds what: the same rules for the fast CSV parser and the OGR reader.
#include <array>
#include <string>
#include <vector>

#include "core/Result.h"

namespace corridor::io {

enum class AisField {
  Id, Time, Lat, Lon, Sog, Cog, Heading, Name, Imo, CallSign, ShipType, Length, Width, TypeOfMobile,
};
inline constexpr int kAisFieldCount = 14;

// Columns named by the user (--id-field, --time-field, --lon-field, --lat-field); empty: found
// by their common names.
struct AisFieldNames {
  std::string id, time, lon, lat;
};

// Where each field is; -1 where the file has none.
struct AisColumnMap {
  std::array<int, kAisFieldCount> index;
  // The id column holds MMSIs (named mmsi, user_id or source_mmsi): the MMSI rules apply.
  // Any other id column (track or segment ids, "A17") is read as text.
  bool idIsMmsi = true;

  AisColumnMap() { index.fill(-1); }
  int operator[](AisField field) const { return index[std::size_t(field)]; }
};

// Finds the columns among a header's names. Without point geometries (`needsCoordinates`),
// longitude and latitude columns are required. The error names the columns found and the
// options that would read them.
core::Result<AisColumnMap> mapAisColumns(const std::vector<std::string>& names, const AisFieldNames& given,
                                         bool needsCoordinates);

// Lower case, letters and digits only: "# Timestamp", "base_date_time" and "Longitude_degrees"
// become "timestamp", "basedatetime" and "longitudedegrees".
std::string normalizedFieldName(std::string_view name);

}  // namespace corridor::io
