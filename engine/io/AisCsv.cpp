#include "io/AisCsv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

#include "core/Numeric.h"
#include "io/AisRow.h"

namespace corridor::io {
namespace {

constexpr int kMaxColumns = 40;
using Fields = std::array<std::string_view, kMaxColumns>;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

// Splits one line at commas outside double quotes; quoted fields are returned without their
// quotes (doubled quotes inside stay doubled: see unquote). Returns the number of fields, or
// kMaxColumns + 1 when there are more than the parser keeps.
int splitRow(std::string_view line, Fields& fields) {
  int count = 0;
  const char* p = line.data();
  const char* const end = p + line.size();
  while (true) {
    if (count == kMaxColumns) return kMaxColumns + 1;
    if (p < end && *p == '"') {
      const char* start = ++p;
      while (p < end && !(*p == '"' && (p + 1 == end || p[1] != '"'))) p += *p == '"' ? 2 : 1;
      fields[count++] = std::string_view(start, std::size_t(std::min(p, end) - start));
      while (p < end && *p != ',') ++p;  // the closing quote and anything up to the comma
    } else {
      const char* start = p;
      while (p < end && *p != ',') ++p;
      fields[count++] = std::string_view(start, std::size_t(p - start));
    }
    if (p >= end) return count;
    ++p;
  }
}

std::string unquote(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    out += field[i];
    if (field[i] == '"' && i + 1 < field.size() && field[i + 1] == '"') ++i;
  }
  return out;
}

// DMA writes the ship type as text; the AIS type code of the group stands for it.
int dmaShipTypeCode(std::string_view text) {
  static constexpr std::pair<std::string_view, int> kCodes[] = {
      {"WIG", 20},      {"Fishing", 30},     {"Towing", 31},          {"Towing long/wide", 32},
      {"Dredging", 33}, {"Diving", 34},      {"Military", 35},        {"Sailing", 36},
      {"Pleasure", 37}, {"HSC", 40},         {"Pilot", 50},           {"SAR", 51},
      {"Tug", 52},      {"Port tender", 53}, {"Anti-pollution", 54},  {"Law enforcement", 55},
      {"Medical", 58},  {"Passenger", 60},   {"Cargo", 70},           {"Tanker", 80},
      {"Other", 90},
  };
  for (const auto& [name, code] : kCodes) {
    if (text == name) return code;
  }
  return 0;
}

std::string imoDigits(std::string_view field) {
  field = trimField(field);
  if (field.starts_with("IMO")) field.remove_prefix(3);
  if (field.empty() || field.find_first_not_of("0123456789") != field.npos ||
      field.find_first_not_of('0') == field.npos) {
    return {};
  }
  return std::string(field);
}

void readVesselInfo(const Fields& fields, const AisCsvLayout& layout, AisVesselInfo& info) {
  auto text = [&](int column) { return column < 0 ? std::string_view{} : trimField(fields[column]); };
  auto number = [&](int column) {
    double value = kMissing;
    return column >= 0 && parseAisNumber(fields[column], value) && value > 0 ? value : 0.0;
  };
  if (info.name.empty() && !text(layout.name).empty() && !isAisPlaceholder(text(layout.name))) {
    info.name = unquote(text(layout.name));
  }
  if (info.imo.empty()) info.imo = imoDigits(text(layout.imo));
  if (info.callSign.empty() && !isAisPlaceholder(text(layout.callSign))) {
    info.callSign = unquote(text(layout.callSign));
  }
  if (info.aisType == 0 && layout.shipType >= 0) {
    info.aisType = layout.format == AisCsvFormat::Dma ? dmaShipTypeCode(text(layout.shipType))
                                                     : core::integerOr(number(layout.shipType), 0);
  }
  if (info.lengthM == 0) info.lengthM = number(layout.length);
  if (info.widthM == 0) info.widthM = number(layout.width);
}

struct RowParser {
  const AisCsvLayout& layout;
  AisCsvChunk& chunk;
  AisVesselInfo* lastVessel = nullptr;

  void reject(std::int64_t line, DropReason reason, std::string detail) {
    chunk.counts.drop(reason);
    if (chunk.counts.examples.size() < AisCounts::kMaxExamples) {
      chunk.counts.examples.push_back({{}, line, reason, std::move(detail)});
    }
  }

  bool number(const Fields& fields, int column, const char* what, std::int64_t line, double& out) {
    if (column < 0) {
      out = kMissing;
      return true;
    }
    if (parseAisNumber(fields[column], out)) return true;
    reject(line, DropReason::BadNumber,
           std::string(what) + " '" + std::string(fields[column].substr(0, 40)) + "' is not a number");
    return false;
  }

  void parse(std::string_view line, std::int64_t lineNumber) {
    ++chunk.counts.rowsRead;
    Fields fields;
    const int count = splitRow(line, fields);
    if (count != layout.columns) {
      reject(lineNumber, DropReason::WrongColumnCount,
             std::to_string(layout.columns) + " columns expected, found " +
                 (count > kMaxColumns ? "more than " + std::to_string(kMaxColumns) : std::to_string(count)));
      return;
    }
    AisRawRow row;
    double mmsi = 0;
    if (!number(fields, layout.mmsi, "MMSI", lineNumber, mmsi)) return;
    if (std::isnan(mmsi) || mmsi != std::floor(mmsi) || mmsi <= 0 || mmsi > 4e9) {
      reject(lineNumber, DropReason::BadNumber,
             "MMSI '" + std::string(fields[layout.mmsi].substr(0, 40)) + "' is not a positive integer");
      return;
    }
    row.mmsi = std::int64_t(mmsi);
    const std::string_view timeField = trimField(fields[layout.time]);
    const auto time = parseAisTime(timeField);
    if (!time) {
      reject(lineNumber, DropReason::BadTime,
             "time '" + std::string(timeField.substr(0, 40)) + "' is not a UTC timestamp");
      return;
    }
    row.time = *time;
    if (!number(fields, layout.lat, "latitude", lineNumber, row.lat) ||
        !number(fields, layout.lon, "longitude", lineNumber, row.lon) ||
        !number(fields, layout.sog, "SOG", lineNumber, row.sog) ||
        !number(fields, layout.cog, "COG", lineNumber, row.cog) ||
        !number(fields, layout.heading, "heading", lineNumber, row.heading)) {
      return;
    }
    row.baseStation = layout.typeOfMobile >= 0 && trimField(fields[layout.typeOfMobile]) == "Base Station";
    AisPoint point;
    if (const auto reason = validateRow(row, point, chunk.counts)) {
      reject(lineNumber, *reason, std::string(dropReasonKey(*reason)) + ": MMSI " +
                                      std::to_string(row.mmsi) + ", lat " +
                                      std::string(trimField(fields[layout.lat])) + ", lon " +
                                      std::string(trimField(fields[layout.lon])));
      return;
    }
    chunk.points.push_back(point);
    if (!lastVessel || lastVessel->mmsi != point.mmsi) {
      lastVessel = &chunk.vessels[point.mmsi];
    }
    readVesselInfo(fields, layout, *lastVessel);
  }
};

}  // namespace

const char* aisCsvFormatName(AisCsvFormat format) {
  switch (format) {
    case AisCsvFormat::MarineCadastre: return "MarineCadastre";
    case AisCsvFormat::MarineCadastre2024: return "MarineCadastre 2024+";
    case AisCsvFormat::Dma: return "Danish Maritime Authority";
  }
  return "unknown";
}

core::Result<AisCsvLayout> detectAisCsvLayout(std::string_view header) {
  if (header.starts_with("\xEF\xBB\xBF")) header.remove_prefix(3);
  Fields fields;
  const int count = splitRow(trimField(header), fields);
  std::vector<std::string> names;
  for (int i = 0; i < std::min(count, kMaxColumns); ++i) names.push_back(lower(trimField(fields[i])));
  auto column = [&](std::string_view name) {
    const auto found = std::find(names.begin(), names.end(), name);
    return found == names.end() ? -1 : int(found - names.begin());
  };
  AisCsvLayout layout;
  layout.columns = count;
  if (!names.empty() && names.front() == "# timestamp") {
    layout.format = AisCsvFormat::Dma;
    layout.time = 0;
    layout.mmsi = column("mmsi");
    layout.lat = column("latitude");
    layout.lon = column("longitude");
    layout.sog = column("sog");
    layout.cog = column("cog");
    layout.heading = column("heading");
    layout.name = column("name");
    layout.imo = column("imo");
    layout.callSign = column("callsign");
    layout.shipType = column("ship type");
    layout.length = column("length");
    layout.width = column("width");
    layout.typeOfMobile = column("type of mobile");
  } else if (column("basedatetime") >= 0 || column("base_date_time") >= 0) {
    const bool classic = column("basedatetime") >= 0;
    layout.format = classic ? AisCsvFormat::MarineCadastre : AisCsvFormat::MarineCadastre2024;
    layout.time = column(classic ? "basedatetime" : "base_date_time");
    layout.mmsi = column("mmsi");
    layout.lat = column(classic ? "lat" : "latitude");
    layout.lon = column(classic ? "lon" : "longitude");
    layout.sog = column("sog");
    layout.cog = column("cog");
    layout.heading = column("heading");
    layout.name = column(classic ? "vesselname" : "vessel_name");
    layout.imo = column("imo");
    layout.callSign = column(classic ? "callsign" : "call_sign");
    layout.shipType = column(classic ? "vesseltype" : "vessel_type");
    layout.length = column("length");
    layout.width = column("width");
  } else {
    layout.mmsi = -1;
  }
  if (layout.mmsi < 0 || layout.time < 0 || layout.lat < 0 || layout.lon < 0 || count > kMaxColumns) {
    std::string shown;
    for (char c : header.substr(0, 80)) shown += (c >= 32 && c < 127) ? c : '?';
    return core::dataError(
        "not an AIS CSV file: the first line is '" + shown +
        "'; expected a MarineCadastre header (MMSI,BaseDateTime,LAT,LON,...), the 2024+ one "
        "(mmsi,base_date_time,longitude,latitude,...) or a Danish Maritime Authority one "
        "(# Timestamp,Type of mobile,MMSI,Latitude,Longitude,...)");
  }
  return layout;
}

AisCsvChunk parseAisCsvChunk(std::string_view text, const AisCsvLayout& layout) {
  AisCsvChunk chunk;
  chunk.points.reserve(text.size() / 100);
  RowParser parser{layout, chunk};
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* found = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t end = found ? std::size_t(static_cast<const char*>(found) - text.data()) : text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++chunk.lines;
    if (!trimField(line).empty()) parser.parse(line, chunk.lines);
    pos = end + 1;
  }
  return chunk;
}

}  // namespace corridor::io
