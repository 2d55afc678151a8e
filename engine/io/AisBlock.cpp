#include "io/AisBlock.h"

#include <cstring>

namespace corridor::io {
namespace {

constexpr unsigned char kVersion = 1;

void putVarint(std::string& out, std::int64_t value) {
  std::uint64_t zigzag = (std::uint64_t(value) << 1) ^ std::uint64_t(value >> 63);
  while (zigzag >= 0x80) {
    out.push_back(char(zigzag | 0x80));
    zigzag >>= 7;
  }
  out.push_back(char(zigzag));
}

void putInt16(std::string& out, std::int16_t value) {
  out.push_back(char(std::uint16_t(value) & 0xff));
  out.push_back(char(std::uint16_t(value) >> 8));
}

struct Reader {
  const unsigned char* at;
  const unsigned char* end;

  bool varint(std::int64_t& value) {
    std::uint64_t zigzag = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at == end) return false;
      const unsigned char byte = *at++;
      zigzag |= std::uint64_t(byte & 0x7f) << shift;
      if (!(byte & 0x80)) {
        value = std::int64_t(zigzag >> 1) ^ -std::int64_t(zigzag & 1);
        return true;
      }
    }
    return false;
  }
  bool int16(std::int16_t& value) {
    if (end - at < 2) return false;
    value = std::int16_t(std::uint16_t(at[0] | (at[1] << 8)));
    at += 2;
    return true;
  }
};

}  // namespace

core::UtcMicros aisBlockPeriod(core::UtcMicros time) {
  const core::UtcMicros offset = time % kAisBlockSpan;
  return time - (offset < 0 ? offset + kAisBlockSpan : offset);
}

std::string encodeAisBlock(const AisTrackSet& set, std::uint32_t begin, std::uint32_t end, core::UtcMicros start) {
  std::string out;
  out.reserve(std::size_t(end - begin) * 14 + 1);
  out.push_back(char(kVersion));
  core::UtcMicros time = start;
  std::int64_t lat = 0, lon = 0;
  for (std::uint32_t i = begin; i < end; ++i) {
    putVarint(out, set.time[i] - time);
    putVarint(out, set.latE7[i] - lat);
    putVarint(out, set.lonE7[i] - lon);
    putInt16(out, set.sogTenths[i]);
    putInt16(out, set.cogTenths[i]);
    putInt16(out, set.heading[i]);
    time = set.time[i];
    lat = set.latE7[i];
    lon = set.lonE7[i];
  }
  return out;
}

bool decodeAisBlock(const std::string& bytes, core::UtcMicros start, std::size_t count, AisPoint proto,
                    std::vector<AisPoint>& out) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.empty() || data[0] != kVersion) return false;
  Reader reader{data + 1, data + bytes.size()};
  const std::size_t before = out.size();
  std::int64_t time = start, lat = 0, lon = 0;
  for (std::size_t i = 0; i < count; ++i) {
    std::int64_t dt, dlat, dlon;
    AisPoint& point = out.emplace_back(proto);
    if (!reader.varint(dt) || !reader.varint(dlat) || !reader.varint(dlon) || !reader.int16(point.sogTenths) ||
        !reader.int16(point.cogTenths) || !reader.int16(point.heading)) {
      out.resize(before);
      return false;
    }
    // Unsigned sums: a damaged block must not overflow (undefined) before the range check.
    time = std::int64_t(std::uint64_t(time) + std::uint64_t(dt));
    lat = std::int64_t(std::uint64_t(lat) + std::uint64_t(dlat));
    lon = std::int64_t(std::uint64_t(lon) + std::uint64_t(dlon));
    if (lat < -900000000 || lat > 900000000 || lon < -1800000000 || lon > 1800000000) {
      out.resize(before);
      return false;
    }
    point.time = time;
    point.latE7 = std::int32_t(lat);
    point.lonE7 = std::int32_t(lon);
  }
  if (reader.at != reader.end) {
    out.resize(before);
    return false;
  }
  return true;
}

}  // namespace corridor::io
