#include "io/Shorelines.h"

#include <ogr_geometry.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "io/GdalHandles.h"
#include "io/OgrGeometry.h"

namespace corridor::io {
namespace {

namespace fs = std::filesystem;
using Geometry = std::unique_ptr<OGRGeometry>;

// GMT clips to the region exactly; its ASCII has 9 to 12 significant digits.
constexpr double kOnSide = 1e-7;

struct Segment {
  geo::Polyline points;
  int level = 1;
};

struct ShorelineFile {
  std::optional<geo::LonLatBox> box;
  std::vector<Segment> segments;
};

bool parseNumber(std::string_view text, double& value) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && std::isfinite(value) && end != text.data();
}

// "W/E/S/N" as GMT's -R writes a region.
std::optional<geo::LonLatBox> parseRegion(std::string_view text) {
  double values[4];
  for (int i = 0; i < 4; ++i) {
    const std::size_t slash = text.find('/');
    if ((slash == std::string_view::npos) != (i == 3) || !parseNumber(text.substr(0, slash), values[i])) return {};
    text = i < 3 ? text.substr(slash + 1) : std::string_view{};
  }
  const geo::LonLatBox box{values[0], values[1], values[2], values[3]};
  if (box.west >= box.east || box.south >= box.north || box.south < -90 || box.north > 90) return {};
  return box;
}

core::Result<ShorelineFile> parseShorelineFile(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return core::dataError(file.string() + ": cannot be read");
  ShorelineFile parsed;
  std::string text;
  for (long number = 1; std::getline(in, text); ++number) {
    const std::string where = file.string() + ":" + std::to_string(number) + ": ";
    if (text.empty()) continue;
    if (text.starts_with("# region ")) {
      parsed.box = parseRegion(std::string_view(text).substr(9));
      if (!parsed.box) return core::dataError(where + "expected '# region WEST/EAST/SOUTH/NORTH', found '" + text + "'");
    } else if (text.front() == '#') {
      continue;
    } else if (text.front() == '>') {
      Segment segment{{}, 1};
      if (const std::size_t at = text.find("Level "); at != std::string::npos) {
        const char* digits = text.data() + at + 6;
        const auto [end, error] = std::from_chars(digits, text.data() + text.size(), segment.level);
        if (error != std::errc() || segment.level < 1 || segment.level > 4) {
          return core::dataError(where + "expected 'Level 1' to 'Level 4' in the segment header");
        }
      }
      parsed.segments.push_back(std::move(segment));
    } else {
      geo::LonLat point;
      const std::size_t gap = text.find_first_of(" \t");
      if (parsed.segments.empty()) return core::dataError(where + "a point before any '>' segment header");
      if (gap == std::string::npos || !parseNumber(std::string_view(text).substr(0, gap), point.lon) ||
          !parseNumber(std::string_view(text).substr(gap), point.lat)) {
        return core::dataError(where + "expected 'LON LAT', found '" + text + "'");
      }
      parsed.segments.back().points.push_back(point);
    }
  }
  if (!parsed.box) {
    return core::dataError(file.string() + ": no '# region WEST/EAST/SOUTH/NORTH' line (scripts/fetch-geodata writes one)");
  }
  std::erase_if(parsed.segments, [](const Segment& s) { return s.points.size() < 2; });
  return parsed;
}

// Where a point on the region's side lies along its boundary, counterclockwise from the
// south-west corner (0 to 4, one unit a side); none when it is not on a side.
std::optional<double> boundaryPosition(const geo::LonLatBox& box, const geo::LonLat& p) {
  const double width = box.east - box.west, height = box.north - box.south;
  if (std::abs(p.lat - box.south) < kOnSide) return (p.lon - box.west) / width;
  if (std::abs(p.lon - box.east) < kOnSide) return 1 + (p.lat - box.south) / height;
  if (std::abs(p.lat - box.north) < kOnSide) return 2 + (box.east - p.lon) / width;
  if (std::abs(p.lon - box.west) < kOnSide) return 3 + (box.north - p.lat) / height;
  return std::nullopt;
}

geo::LonLat corner(const geo::LonLatBox& box, int k) {  // at boundary position k
  switch (k % 4) {
    case 1: return {box.east, box.south};
    case 2: return {box.east, box.north};
    case 3: return {box.west, box.north};
    default: return {box.west, box.south};
  }
}

bool samePoint(const geo::LonLat& a, const geo::LonLat& b) {
  return std::abs(a.lon - b.lon) < kOnSide && std::abs(a.lat - b.lat) < kOnSide;
}

// GMT writes a shoreline in pieces, one per bin of its grid (1 or 2 degrees); a piece ends on a
// bin's edge where the next one starts. Joined, each shoreline is a ring or ends on the region's
// sides.
std::vector<geo::Polyline> joinPieces(std::vector<geo::Polyline> pieces) {
  std::vector<geo::Polyline> joined;
  std::vector<bool> used(pieces.size(), false);
  auto follows = [&](const geo::Polyline& line) -> std::optional<std::size_t> {
    for (std::size_t j = 0; j < pieces.size(); ++j) {
      if (!used[j] && samePoint(pieces[j].front(), line.back())) return j;
    }
    return std::nullopt;
  };
  // Heads first (no piece ends where they start), then what is left: rings made of pieces.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const bool head = std::none_of(pieces.begin(), pieces.end(), [&](const geo::Polyline& other) {
      return &other != &pieces[i] && samePoint(other.back(), pieces[i].front());
    });
    if (head) order.push_back(i);
  }
  for (std::size_t i = 0; i < pieces.size(); ++i) order.push_back(i);
  for (const std::size_t i : order) {
    if (used[i]) continue;
    used[i] = true;
    geo::Polyline line = std::move(pieces[i]);
    while (!samePoint(line.front(), line.back()) || line.size() < 3) {
      const auto next = follows(line);
      if (!next) break;
      used[*next] = true;
      line.insert(line.end(), pieces[*next].begin() + 1, pieces[*next].end());
    }
    joined.push_back(std::move(line));
  }
  return joined;
}

// Shorelines cut by the region closed into rings: leaving at the region's side, the inside is
// on the left, so the ring goes on counterclockwise along the sides to the next segment that
// enters, and so on until it is back at its first segment.
core::Result<std::vector<geo::Polyline>> closeAlongSides(const fs::path& file, const geo::LonLatBox& box,
                                                        const std::vector<geo::Polyline>& open) {
  std::vector<double> starts, ends;
  for (const geo::Polyline& line : open) {
    const auto start = boundaryPosition(box, line.front()), end = boundaryPosition(box, line.back());
    if (!start || !end) {
      const geo::LonLat& at = start ? line.back() : line.front();
      return core::dataError(file.string() + ": a shoreline ends inside the region at " + std::to_string(at.lon) + ", " +
                             std::to_string(at.lat) + " (expected rings, or lines from side to side)");
    }
    starts.push_back(*start);
    ends.push_back(*end);
  }
  std::vector<geo::Polyline> rings;
  std::vector<bool> used(open.size(), false);
  for (std::size_t first = 0; first < open.size(); ++first) {
    if (used[first]) continue;
    geo::Polyline ring = open[first];
    used[first] = true;
    for (std::size_t current = first;;) {
      std::size_t next = first;
      double nearest = 5;
      for (std::size_t j = 0; j < open.size(); ++j) {
        const double along = std::fmod(starts[j] - ends[current] + 4, 4);
        if ((!used[j] || j == first) && along < nearest) nearest = along, next = j;
      }
      for (int k = int(std::floor(ends[current])) + 1; k < ends[current] + nearest; ++k) ring.push_back(corner(box, k));
      if (next == first) break;
      ring.insert(ring.end(), open[next].begin(), open[next].end());
      used[next] = true;
      current = next;
    }
    ring.push_back(ring.front());
    rings.push_back(std::move(ring));
  }
  return rings;
}

// A ring that touches itself where two shorelines meet the region's side at one point is not a
// valid polygon; MakeValid splits it there.
Geometry unionOf(const std::vector<geo::Polyline>& rings) {
  std::vector<Geometry> parts;
  for (const geo::Polyline& ring : rings) {
    Geometry polygon(toOgrPolygon({ring, {}}));
    CPLPushErrorHandler(CPLQuietErrorHandler);  // GEOS says where; that is expected here
    const bool valid = polygon->IsValid();
    CPLPopErrorHandler();
    parts.push_back(valid ? std::move(polygon) : Geometry(polygon->MakeValid()));
  }
  OGRMultiPolygon all;
  for (Geometry& part : parts) {
    if (!part) continue;
    if (wkbFlatten(part->getGeometryType()) == wkbPolygon) {
      all.addGeometryDirectly(part.release());
    } else if (auto* collection = dynamic_cast<OGRGeometryCollection*>(part.get())) {
      for (const OGRGeometry* piece : *collection) {
        if (wkbFlatten(piece->getGeometryType()) == wkbPolygon) all.addGeometry(piece);
      }
    }
  }
  return Geometry(all.UnionCascaded());
}

Geometry boxPolygon(const geo::LonLatBox& box) {
  return Geometry(toOgrPolygon({{corner(box, 0), corner(box, 1), corner(box, 2), corner(box, 3), corner(box, 0)}, {}}));
}

geo::LonLatBox boundsOf(const geo::Polygon& polygon) {
  geo::LonLatBox bounds{1e9, -1e9, 1e9, -1e9};
  for (const geo::LonLat& p : polygon.outer) {
    bounds = {std::min(bounds.west, p.lon), std::max(bounds.east, p.lon), std::min(bounds.south, p.lat),
              std::max(bounds.north, p.lat)};
  }
  return bounds;
}

}  // namespace

core::Result<ShorelineRegion> readShorelineRegion(const fs::path& file) {
  const CplErrorCapture capture;
  auto parsed = parseShorelineFile(file);
  if (!parsed) return std::unexpected(parsed.error());
  const geo::LonLatBox box = *parsed->box;
  // Each level's rings (those cut by the region closed along its sides), then land = level 1,
  // less the lakes of level 2, plus their islands of level 3, less their ponds of level 4.
  // GSHHG keeps the land on the left of every shoreline: a lake's (even levels) is reversed
  // so that what the level encloses is on the left at every level.
  std::map<int, std::vector<geo::Polyline>> pieces, rings;
  for (Segment& segment : parsed->segments) {
    if (segment.level % 2 == 0) std::reverse(segment.points.begin(), segment.points.end());
    pieces[segment.level].push_back(std::move(segment.points));
  }
  for (auto& [level, levelPieces] : pieces) {
    std::vector<geo::Polyline> open;
    for (geo::Polyline& line : joinPieces(std::move(levelPieces))) {
      (samePoint(line.front(), line.back()) ? rings[level] : open).push_back(std::move(line));
    }
    auto closed = closeAlongSides(file, box, open);
    if (!closed) return std::unexpected(closed.error());
    rings[level].insert(rings[level].end(), closed->begin(), closed->end());
  }
  Geometry land;
  for (const auto& [level, levelRings] : rings) {
    Geometry part = unionOf(levelRings);
    if (!part) return core::dataError(file.string() + ": the level " + std::to_string(level) + " rings do not form polygons");
    if (level % 2 == 1) {
      land = land ? Geometry(land->Union(part.get())) : std::move(part);
    } else if (land) {
      land = Geometry(land->Difference(part.get()));
    }
    if (!land && level % 2 == 1) return core::dataError(file.string() + ": could not combine the shorelines of level " + std::to_string(level));
  }
  ShorelineRegion region{box, {}};
  if (land) {
    Geometry clipped(land->Intersection(boxPolygon(box).get()));
    VectorData polygons;
    if (clipped) collect(*clipped, polygons);
    region.land = std::move(polygons.polygons);
  }
  return region;
}

core::Result<void> replaceLandInRegions(VectorData& data, const std::vector<ShorelineRegion>& regions) {
  for (const ShorelineRegion& region : regions) {
    const Geometry box = boxPolygon(region.box);
    VectorData kept;
    for (geo::Polygon& polygon : data.polygons) {
      if (!boundsOf(polygon).overlaps(region.box)) {
        kept.polygons.push_back(std::move(polygon));
        continue;
      }
      Geometry outside(toOgrPolygon(polygon)->Difference(box.get()));
      if (!outside) return core::dataError("could not cut the basemap's land at a shoreline region's sides");
      collect(*outside, kept);
    }
    kept.polygons.insert(kept.polygons.end(), region.land.begin(), region.land.end());
    data.polygons = std::move(kept.polygons);
    data.seams.push_back(region.box);
  }
  return {};
}

}  // namespace corridor::io
