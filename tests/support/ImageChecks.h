#pragma once
// Counting pixels in a part of a picture, for tests that look for text, panels or change.
#include "core/Image.h"

namespace corridor::test {

// Pixels in [x0, x1) x [y0, y1) that `matches`.
template <class Predicate>
int countPixels(const core::Image& image, int x0, int y0, int x1, int y1, Predicate matches) {
  int count = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) count += matches(image.at(x, y)) ? 1 : 0;
  }
  return count;
}

// Near-white pixels: burned-in or overlaid text.
inline int whitePixels(const core::Image& image, int x0, int y0, int x1, int y1, int threshold = 200) {
  return countPixels(image, x0, y0, x1, y1,
                     [&](const core::Rgba& p) { return p[0] > threshold && p[1] > threshold && p[2] > threshold; });
}

}  // namespace corridor::test
