#pragma once
// A file's content as one 64-bit number, to recognise a file imported before under any name.
#include <cstdint>
#include <filesystem>

#include "core/Result.h"

namespace corridor::core {

// Not cryptographic: a fast multiply-rotate hash over 8-byte words (a few GB/s), plus the
// length; two different AIS files colliding is out of practical reach.
Result<std::uint64_t> contentHash(const std::filesystem::path& path);

}  // namespace corridor::core
