#pragma once
#include <cstdint>
#include <span>
#include <string_view>

namespace corridor::shaders {
// SPIR-V compiled from shaders/NAME at build time ("globe.frag" etc.); empty if unknown.
std::span<const std::uint32_t> spirv(std::string_view name);
}  // namespace corridor::shaders
