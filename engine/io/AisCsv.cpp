#include "io/AisCsv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/HugePages.h"
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

// splitRow for a line without quotes, 16 bytes at a time where SSE2 is there (every x86-64):
// commas found by one compare and a bit mask, the line's last bytes too where 16 can be read
// (before `readableEnd`). Returns -1 at the first quote (splitRow's general loop takes over),
// else as splitRow.
int splitPlainRow(std::string_view line, Fields& fields, [[maybe_unused]] const char* readableEnd) {
  int count = 0;
  const char* start = line.data();
  const char* p = start;
  const char* const end = p + line.size();
  auto cut = [&](const char* comma) {
    if (count == kMaxColumns) return false;
    fields[std::size_t(count++)] = std::string_view(start, std::size_t(comma - start));
    start = comma + 1;
    return true;
  };
#ifdef __SSE2__
  const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"');
  for (; p < end && readableEnd - p >= 16; p += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const unsigned inLine = end - p >= 16 ? 0xFFFFu : (1u << (end - p)) - 1;
    if ((unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, quote))) & inLine) != 0) return -1;
    for (unsigned mask = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, comma))) & inLine; mask != 0;
         mask &= mask - 1) {
      if (!cut(p + __builtin_ctz(mask))) return kMaxColumns + 1;
    }
  }
  p = std::min(p, end);
#endif
  for (; p < end; ++p) {
    if (*p == '"') return -1;
    if (*p == ',' && !cut(p)) return kMaxColumns + 1;
  }
  return cut(end) ? count : kMaxColumns + 1;
}

// Splits one line at commas outside double quotes; quoted fields are returned without their
// quotes (doubled quotes inside stay doubled: see unquote). Returns the number of fields, or
// kMaxColumns + 1 when there are more than the parser keeps. Bytes up to `readableEnd` (the
// line's end by default) may be read past the line.
int splitRow(std::string_view line, Fields& fields, const char* readableEnd = nullptr) {
  if (!readableEnd) readableEnd = line.data() + line.size();
  if (const int plain = splitPlainRow(line, fields, readableEnd); plain >= 0) return plain;
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

void readVesselInfo(const Fields& fields, const AisColumnMap& map, AisVesselInfo& info) {
  auto text = [&](AisField field) {
    return map[field] < 0 ? std::string_view{} : trimField(fields[std::size_t(map[field])]);
  };
  auto number = [&](AisField field) {
    double value = kMissing;
    return map[field] >= 0 && parseAisNumber(fields[std::size_t(map[field])], value) && value > 0 ? value : 0.0;
  };
  if (info.name.empty() && !isAisPlaceholder(text(AisField::Name))) info.name = unquote(text(AisField::Name));
  if (info.imo.empty()) info.imo = imoDigits(text(AisField::Imo));
  if (info.callSign.empty() && !isAisPlaceholder(text(AisField::CallSign))) {
    info.callSign = unquote(text(AisField::CallSign));
  }
  if (info.aisType == 0 && map[AisField::ShipType] >= 0) {
    info.aisType = shipTypeCode(text(AisField::ShipType));
  }
  if (info.lengthM == 0) info.lengthM = number(AisField::Length);
  if (info.widthM == 0) info.widthM = number(AisField::Width);
}

// ",,,,": a blank spreadsheet row. A row that starts with anything else has a first field.
bool allBlank(std::string_view line, const Fields& fields, int count) {
  if (std::string_view(", \t\r\"").find(line.front()) == std::string_view::npos) return false;
  for (int i = 0; i < count; ++i) {
    if (!trimField(fields[std::size_t(i)]).empty()) return false;
  }
  return true;
}

// A row's position and motion columns: how each is named in messages, how many decimals a point
// keeps of it, and where it goes read as a double or exactly.
struct MotionColumn {
  AisField field;
  const char* what;
  std::size_t decimals;
  double AisRawRow::*raw;
  std::int64_t AisExactNumbers::*exact;
};
constexpr MotionColumn kMotionColumns[] = {
    {AisField::Lat, "latitude", 7, &AisRawRow::lat, &AisExactNumbers::latE7},
    {AisField::Lon, "longitude", 7, &AisRawRow::lon, &AisExactNumbers::lonE7},
    {AisField::Sog, "SOG", 1, &AisRawRow::sog, &AisExactNumbers::sogTenths},
    {AisField::Cog, "COG", 1, &AisRawRow::cog, &AisExactNumbers::cogTenths},
    {AisField::Heading, "heading", 0, &AisRawRow::heading, &AisExactNumbers::heading},
};

struct RowParser {
  const AisCsvLayout& layout;
  AisCsvChunk& chunk;
  const char* textBegin;  // of the chunk: numbers after its first bytes are read 16 bytes at a time
  const char* textEnd;    // lines before its last bytes are split 16 bytes at a time
  Fields cells;  // of the row in hand; kept across rows, as clearing 40 views a row shows in profiles

  void reject(std::int64_t line, DropReason reason, std::string detail) {
    chunk.counts.drop(reason, [&] { return AisBadRow{{}, line, reason, std::move(detail)}; });
  }

  std::string_view field(const Fields& fields, AisField which) const {
    return fields[std::size_t(layout.map[which])];
  }

  bool number(const Fields& fields, AisField which, const char* what, std::int64_t line, double& out) {
    if (layout.map[which] < 0) {
      out = kMissing;
      return true;
    }
    if (parseAisNumber(field(fields, which), out, textBegin)) return true;
    reject(line, DropReason::BadNumber,
           std::string(what) + " '" + std::string(field(fields, which).substr(0, 40)) + "' is not a number");
    return false;
  }

  // The position and motion as a point keeps them, where every field is exact at that scale:
  // no double in between (see validateRow).
  bool readExact(const Fields& fields, AisExactNumbers& exact) const {
    return std::ranges::all_of(kMotionColumns, [&](const MotionColumn& column) {
      return layout.map[column.field] < 0 ||
             parseAisExact(field(fields, column.field), column.decimals, exact.*column.exact, textBegin);
    });
  }

  // The same fields as doubles; false (the row rejected) at one that is not a number.
  bool readDoubles(const Fields& fields, std::int64_t line, AisRawRow& row) {
    return std::ranges::all_of(kMotionColumns, [&](const MotionColumn& column) {
      return number(fields, column.field, column.what, line, row.*column.raw);
    });
  }

  // The vessel: an MMSI (MMSI rules) or a text id (any text).
  bool identify(const Fields& fields, std::int64_t line, AisRawRow& row) {
    const std::string_view id = trimField(field(fields, AisField::Id));
    if (!layout.map.idIsMmsi) {
      if (isMissingTextId(id)) {
        reject(line, DropReason::MissingId, "the vessel id is empty");
        return false;
      }
      row.textIdKey = chunk.textIds.keyOf(unquote(id));
      return true;
    }
    double mmsi = 0;
    if (std::int64_t whole = 0; parseAisExact(field(fields, AisField::Id), 0, whole, textBegin)) {
      mmsi = double(whole);  // exact: at most 12 digits
    } else if (!number(fields, AisField::Id, "MMSI", line, mmsi)) {
      return false;
    }
    if (!isMmsiNumber(mmsi)) {
      reject(line, DropReason::BadNumber, "MMSI '" + std::string(id.substr(0, 40)) + "' is not a positive integer");
      return false;
    }
    row.mmsi = std::int64_t(mmsi);
    return true;
  }

  void parse(std::string_view line, std::int64_t lineNumber) {
    const int count = splitRow(line, cells, textEnd);
    if (count <= kMaxColumns && allBlank(line, cells, count)) return;
    const Fields& fields = cells;
    ++chunk.counts.rowsRead;
    if (count != layout.columns) {
      reject(lineNumber, DropReason::WrongColumnCount,
             std::to_string(layout.columns) + " columns expected, found " +
                 (count > kMaxColumns ? "more than " + std::to_string(kMaxColumns) : std::to_string(count)));
      return;
    }
    AisRawRow row;
    if (!identify(fields, lineNumber, row)) return;
    const std::string_view timeText = trimField(field(fields, AisField::Time));
    const auto time = parseAisTime(timeText, layout.timeFormat);
    if (!time) {
      reject(lineNumber, DropReason::BadTime, badTimeDetail(timeText, layout.timeFormat));
      return;
    }
    row.time = time->time;
    row.baseStation = layout.map[AisField::TypeOfMobile] >= 0 &&
                      trimField(field(fields, AisField::TypeOfMobile)) == "Base Station";
    AisPoint point;
    std::optional<DropReason> reason;
    if (AisExactNumbers exact; readExact(fields, exact)) {
      reason = validateRow(row, exact, point, chunk.counts);
    } else {
      if (!readDoubles(fields, lineNumber, row)) return;
      reason = validateRow(row, point, chunk.counts);
    }
    if (reason) {
      reject(lineNumber, *reason,
             std::string(dropReasonKey(*reason)) + ": " +
                 (row.textIdKey ? "id " + chunk.textIds.id(row.textIdKey) : "MMSI " + std::to_string(row.mmsi)) +
                 ", lat " + std::string(trimField(field(fields, AisField::Lat))) + ", lon " +
                 std::string(trimField(field(fields, AisField::Lon))));
      return;
    }
    point.line = std::uint32_t(lineNumber);
    point.file = 0;
    chunk.points.push_back(point);
    chunk.timeResolutionSeconds = std::max(chunk.timeResolutionSeconds, time->resolutionSeconds);
    const std::size_t vessel = chunk.vessels.insert(point.vessel);
    if (chunk.vessels.complete(vessel)) return;
    AisVesselInfo& info = chunk.vessels.at(vessel);
    if (row.textIdKey && info.textId.empty()) info.textId = chunk.textIds.id(row.textIdKey);
    readVesselInfo(fields, layout.map, info);
    if (info.complete()) chunk.vessels.markComplete(vessel);
  }
};

// The layouts of FACTS.md by a column only they have; their names show in the log.
std::string knownFormatName(const std::vector<std::string>& names) {
  auto has = [&](std::string_view name) { return std::find(names.begin(), names.end(), name) != names.end(); };
  if (!names.empty() && names.front() == "# timestamp") return "Danish Maritime Authority";
  if (has("basedatetime")) return "MarineCadastre";
  if (has("base_date_time")) return "MarineCadastre 2024+";
  return "CSV";
}

std::string printable(std::string_view text) {
  std::string shown;
  for (char c : text.substr(0, 80)) shown += (c >= 32 && c < 127) ? c : '?';
  return shown;
}

}  // namespace

core::Result<AisCsvLayout> detectAisCsvLayout(std::string_view header, const AisFieldNames& given) {
  if (header.starts_with("\xEF\xBB\xBF")) header.remove_prefix(3);
  header = trimField(header);
  Fields fields;
  const int count = splitRow(header, fields);
  std::vector<std::string> names;
  for (int i = 0; i < std::min(count, kMaxColumns); ++i) names.emplace_back(trimField(fields[std::size_t(i)]));
  auto map = mapAisColumns(names, given, true);
  if (!map || count > kMaxColumns) {
    const bool otherSeparator = count == 1 && header.find_first_of(";\t|") != std::string_view::npos;
    const bool wide = count > kMaxColumns;
    return core::dataError(
        "not an AIS CSV file: the first line is '" + printable(header) + "'; " +
        (wide ? "more than " + std::to_string(kMaxColumns) + " columns" : map.error().message) +
        (otherSeparator ? ". Its separator is not a comma: read it with --reader ogr" : "") +
        (wide ? ". The fast parser reads up to " + std::to_string(kMaxColumns) + " columns: read it with --reader ogr"
              : "") +
        "; expected a header naming the id, time and position columns, as MarineCadastre's "
        "(MMSI,BaseDateTime,LAT,LON,...), its 2024+ one (mmsi,base_date_time,longitude,latitude,...) or the "
        "Danish Maritime Authority's (# Timestamp,Type of mobile,MMSI,Latitude,Longitude,...)");
  }
  std::vector<std::string> lowered;
  for (const std::string& name : names) lowered.push_back(lower(name));
  AisCsvLayout layout;
  layout.formatName = knownFormatName(lowered);
  layout.columns = count;
  layout.map = *map;
  return layout;
}

std::vector<std::string> sampleAisCsvTimes(std::string_view text, const AisCsvLayout& layout, std::size_t maxLines) {
  std::vector<std::string> samples;
  std::size_t pos = 0;
  while (pos < text.size() && samples.size() < maxLines) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    Fields fields;
    const int count = splitRow(text.substr(pos, end - pos), fields);
    if (count == layout.columns) samples.emplace_back(trimField(fields[std::size_t(layout.map[AisField::Time])]));
    pos = end + 1;
  }
  return samples;
}

AisCsvChunk parseAisCsvChunk(std::string_view text, const AisCsvLayout& layout) {
  AisCsvChunk chunk;
  chunk.counts.rowsPerReason = layout.rowsPerReason;
  core::reserveHugePages(chunk.points, text.size() / 100);
  // Room for a vessel every 16 rows of 100 bytes, up to 8192 (a 16 MB chunk of a US day holds
  // some 6,000-12,000, a 64 MB one more and grows once): entries are reserved, not touched, and
  // the slots take 128 KB.
  chunk.vessels.reserve(std::min<std::size_t>(text.size() / 1600, 8192));
  RowParser parser{layout, chunk, text.data(), text.data() + text.size(), {}};
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
