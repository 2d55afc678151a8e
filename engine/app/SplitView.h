#pragma once
// Two variants on one clock and one camera: how their pictures share a frame.
#include <string>

#include "app/TextParsers.h"
#include "core/Image.h"
#include "core/Result.h"

namespace corridor::app {

// Side by side: two panes of half the width, each a whole view. Swipe: two whole views, the
// first left of the divider and the second right of it.
enum class SplitLayout { SideBySide, Swipe };
core::Result<SplitLayout> parseSplitLayout(const std::string& text);  // "side-by-side" or "swipe"

// The size pane `pane` of `paneCount` (1 or 2) is rendered at for a frame of `frame` (side by
// side: the left pane gets the odd column; a single pane is the whole frame).
Size paneSize(SplitLayout layout, Size frame, int pane, int paneCount);
// Where a pane shows in the frame: columns [left, right).
struct PaneColumns {
  int left = 0, right = 0;
};
PaneColumns paneColumns(SplitLayout layout, int frameWidth, int pane, int paneCount, double divider = 0.5);

// The frame from the two panes' pictures, with a thin light divider between them.
core::Image joinPanes(const core::Image& first, const core::Image& second, SplitLayout layout, double divider = 0.5);

}  // namespace corridor::app
