#include "app/SplitView.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace corridor::app {

core::Result<SplitLayout> parseSplitLayout(const std::string& text) {
  if (text == "side-by-side") return SplitLayout::SideBySide;
  if (text == "swipe") return SplitLayout::Swipe;
  return core::usageError("--compare-style: 'side-by-side' or 'swipe', not '" + text + "'");
}

Size paneSize(SplitLayout layout, Size frame, int pane, int paneCount) {
  if (layout == SplitLayout::Swipe || paneCount < 2) return frame;
  const int left = (frame.width + 1) / 2;
  return {pane == 0 ? left : frame.width - left, frame.height};
}

PaneColumns paneColumns(SplitLayout layout, int frameWidth, int pane, int paneCount, double divider) {
  if (paneCount < 2) return {0, frameWidth};
  const int split = layout == SplitLayout::SideBySide
                        ? (frameWidth + 1) / 2
                        : std::clamp(int(std::lround(divider * frameWidth)), 0, frameWidth);
  return pane == 0 ? PaneColumns{0, split} : PaneColumns{split, frameWidth};
}

core::Image joinPanes(const core::Image& first, const core::Image& second, SplitLayout layout, double divider) {
  const int width = layout == SplitLayout::Swipe ? first.width : first.width + second.width;
  core::Image frame(width, first.height);
  const PaneColumns left = paneColumns(layout, width, 0, 2, divider), right = paneColumns(layout, width, 1, 2, divider);
  // A side-by-side pane starts at its own column 0; a swiped one shows where it lies.
  const int secondOffset = layout == SplitLayout::SideBySide ? right.left : 0;
  for (int y = 0; y < frame.height; ++y) {
    std::uint8_t* row = frame.pixels.data() + std::size_t(y) * std::size_t(width) * 4;
    std::memcpy(row, first.pixels.data() + std::size_t(y) * std::size_t(first.width) * 4, std::size_t(left.right) * 4);
    std::memcpy(row + std::size_t(right.left) * 4,
                second.pixels.data() + (std::size_t(y) * std::size_t(second.width) + std::size_t(right.left - secondOffset)) * 4,
                std::size_t(right.right - right.left) * 4);
  }
  // The divider: 2 points wide, light, centred on the seam.
  const int lineWidth = std::max(2, 2 * frame.height / 1080);
  for (int y = 0; y < frame.height; ++y) {
    for (int x = std::max(0, right.left - lineWidth / 2); x < std::min(width, right.left - lineWidth / 2 + lineWidth); ++x) {
      std::uint8_t* pixel = frame.pixels.data() + (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 4;
      pixel[0] = 230, pixel[1] = 236, pixel[2] = 242, pixel[3] = 255;
    }
  }
  return frame;
}

}  // namespace corridor::app
