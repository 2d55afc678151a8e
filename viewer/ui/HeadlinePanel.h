#pragma once
// The counter panel of the viewer and presentation mode: a pane's headline numbers.
#include <imgui.h>

#include <string>
#include <vector>

#include "app/Headline.h"

namespace corridor::ui {

// The rows (numbers right-aligned in one column so that they do not jitter as they tick) on a
// translucent panel at `position` (its corner `pivot`), under `label` when not empty, in `font`
// (null: the panels' font).
void drawHeadline(const char* id, const std::string& label, const std::vector<app::HeadlineRow>& rows,
                  ImVec2 position, ImVec2 pivot, ImFont* font);

}  // namespace corridor::ui
