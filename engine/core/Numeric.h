#pragma once
// Float-to-integer conversions of numbers read from files: a value outside the integer's range
// (or NaN) is undefined behaviour in C++, so it becomes an explicit fallback instead.
#include <cmath>
#include <limits>

namespace corridor::core {

// `value` truncated toward zero when that fits in Int, else `fallback`.
template <class Int>
Int integerOr(double value, Int fallback) {
  if (!std::isfinite(value)) return fallback;
  const double truncated = std::trunc(value);
  // The bounds as doubles: the maximum may round up (2^63), so the upper test is strict.
  if (truncated < double(std::numeric_limits<Int>::min()) || truncated >= double(std::numeric_limits<Int>::max()) + 1.0) {
    return fallback;
  }
  return static_cast<Int>(truncated);
}

}  // namespace corridor::core
