#include "core/FileHash.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace corridor::core {
namespace {

constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ull, kPrime2 = 0xC2B2AE3D27D4EB4Full;

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
std::uint64_t mix(std::uint64_t h, std::uint64_t word) { return rotl(h ^ (word * kPrime2), 31) * kPrime1; }

}  // namespace

Result<std::uint64_t> contentHash(const std::filesystem::path& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return fail(ErrorKind::Io, path.string() + ": cannot open to hash: " + std::strerror(errno));
  // Four lanes so the multiplications overlap; the block size keeps them aligned.
  std::uint64_t lanes[4] = {kPrime1, kPrime2, ~kPrime1, ~kPrime2};
  std::uint64_t length = 0;
  std::vector<unsigned char> block(std::size_t(1) << 20);
  std::size_t got = 0;
  while ((got = std::fread(block.data(), 1, block.size(), file.get())) > 0) {
    length += got;
    const std::size_t padded = (got + 31) / 32 * 32;  // the block size is a multiple of 32
    std::memset(block.data() + got, 0, padded - got);
    for (std::size_t w = 0; w < padded / 8; ++w) {
      std::uint64_t word;
      std::memcpy(&word, block.data() + w * 8, 8);
      lanes[w % 4] = mix(lanes[w % 4], word);
    }
  }
  if (std::ferror(file.get())) return fail(ErrorKind::Io, path.string() + ": read error while hashing");
  std::uint64_t h = length * kPrime1;
  for (std::uint64_t lane : lanes) h = mix(h, lane);
  return h ^ (h >> 29);
}

}  // namespace corridor::core
