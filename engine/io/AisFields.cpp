#include "io/AisFields.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace corridor::io {
namespace {

// Common names, normalized, in order of preference; what real exports call the fields
// (MarineCadastre, DMA, aisdb/MovingPandas tutorials, fleet trackers, GIS exports).
struct Candidates {
  AisField field;
  std::vector<std::string_view> names;
};
const Candidates kCandidates[] = {
    {AisField::Id, {"mmsi", "userid", "sourcemmsi", "vesselid", "shipid", "trackid", "id"}},
    {AisField::Time, {"basedatetime", "timestamp", "datetime", "time", "postime", "msgtime", "timestamputc", "t"}},
    {AisField::Lat, {"lat", "latitude", "latitudedegrees", "y"}},
    {AisField::Lon, {"lon", "longitude", "longitudedegrees", "long", "lng", "x"}},
    {AisField::Sog, {"sog", "speedoverground", "speed"}},
    {AisField::Cog, {"cog", "courseoverground", "course"}},
    {AisField::Heading, {"heading", "trueheading"}},
    {AisField::Name, {"vesselname", "name", "shipname"}},
    {AisField::Imo, {"imo"}},
    {AisField::CallSign, {"callsign"}},
    {AisField::ShipType, {"vesseltype", "shiptype"}},
    {AisField::Length, {"length"}},
    {AisField::Width, {"width", "beam"}},
    {AisField::TypeOfMobile, {"typeofmobile"}},
};

const char* optionFor(AisField field) {
  switch (field) {
    case AisField::Id: return "--id-field";
    case AisField::Time: return "--time-field";
    case AisField::Lat: return "--lat-field";
    case AisField::Lon: return "--lon-field";
    default: return "";
  }
}

const char* describe(AisField field) {
  switch (field) {
    case AisField::Id: return "vessel-id column (mmsi, vessel_id, track_id, id, ...)";
    case AisField::Time: return "time column (BaseDateTime, timestamp, time, ...)";
    case AisField::Lat: return "latitude column (lat, latitude, y, ...)";
    case AisField::Lon: return "longitude column (lon, longitude, x, ...)";
    default: return "column";
  }
}

std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < 40; ++i) text += (i ? ", " : "") + names[i];
  if (names.size() > 40) text += ", ...";
  return text.empty() ? "(none)" : text;
}

}  // namespace

std::string normalizedFieldName(std::string_view name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) out += char(std::tolower(c));
  }
  return out;
}

core::Result<AisColumnMap> mapAisColumns(const std::vector<std::string>& names, const AisFieldNames& given,
                                         bool needsCoordinates) {
  std::vector<std::string> normalized;
  for (const std::string& name : names) normalized.push_back(normalizedFieldName(name));
  AisColumnMap map;
  std::vector<bool> taken(names.size(), false);
  auto find = [&](std::string_view wanted) -> int {
    for (std::size_t i = 0; i < normalized.size(); ++i) {
      if (!taken[i] && normalized[i] == wanted) return int(i);
    }
    return -1;
  };
  // Named fields first, so that a common name elsewhere cannot claim them.
  const std::pair<AisField, const std::string*> named[] = {
      {AisField::Id, &given.id}, {AisField::Time, &given.time}, {AisField::Lon, &given.lon}, {AisField::Lat, &given.lat}};
  for (const auto& [field, name] : named) {
    if (name->empty()) continue;
    const auto exact = std::find(names.begin(), names.end(), *name);
    const int column = exact != names.end() ? int(exact - names.begin()) : find(normalizedFieldName(*name));
    if (column < 0) {
      return core::dataError(std::string(optionFor(field)) + " '" + *name + "': no such column; the columns are: " +
                             listed(names));
    }
    map.index[std::size_t(field)] = column;
    taken[std::size_t(column)] = true;
  }
  for (const Candidates& candidates : kCandidates) {
    if (map[candidates.field] >= 0) continue;
    for (std::string_view name : candidates.names) {
      if (const int column = find(name); column >= 0) {
        map.index[std::size_t(candidates.field)] = column;
        taken[std::size_t(column)] = true;
        break;
      }
    }
  }
  const std::string& idName = normalized.empty() || map[AisField::Id] < 0 ? std::string() : normalized[std::size_t(map[AisField::Id])];
  map.idIsMmsi = idName == "mmsi" || idName == "userid" || idName == "sourcemmsi";
  for (AisField field : {AisField::Id, AisField::Time, AisField::Lon, AisField::Lat}) {
    if (map[field] >= 0 || (!needsCoordinates && (field == AisField::Lon || field == AisField::Lat))) continue;
    return core::dataError(std::string("no ") + describe(field) + "; the columns are: " + listed(names) +
                           ". Name them with --id-field, --time-field, --lon-field and --lat-field");
  }
  return map;
}

}  // namespace corridor::io
