#pragma once
// The panes of a picture: the ships of one variant, or of two compared on one clock and one
// camera, each with its label and headline numbers.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/FrameContent.h"
#include "app/Headline.h"
#include "app/SplitView.h"
#include "app/VesselSource.h"
#include "core/Image.h"

namespace corridor::app {

struct Pane {
  FrameContent content;
  std::string label;  // the variant; empty in a single view
  core::Rgba color{};  // the label's accent: the variant's colour
  const Headline* headline = nullptr;  // null: no counter panel
};

// What --compare, --compare-style and --headline ask for.
struct PaneRequest {
  std::string compare;  // "A,B": two variants of the scenario; empty: the playing one alone
  std::string layout = "side-by-side";
  bool headline = false;
};

// The two variants --compare names ("A,B"), checked: usage errors without a scenario, or for
// anything but two different names.
core::Result<std::vector<std::string>> comparedPair(const std::string& text, const VesselSourceOptions& options);

// A variant's accent: its colour (scene::variantColor) by its place among the named variants.
core::Rgba variantAccent(const std::vector<std::string>& namedVariants, const std::string& variant);

// The ships and headline numbers of each pane, loaded once; the panes refer to them.
class PaneSources {
 public:
  // `shown` as for VesselSource::load. Usage errors: --compare without a scenario, with a
  // variant the scenario does not name, or with the same variant twice.
  static core::Result<PaneSources> load(const VesselSourceOptions& options, const PaneRequest& request,
                                        std::optional<VesselSource::Period> shown);
  // The panes over `base`, each with its own ships.
  std::vector<Pane> panes(const FrameContent& base) const;
  const VesselSource* first() const { return vessels_.empty() ? nullptr : vessels_.front().get(); }
  SplitLayout layout() const { return layout_; }
  // The size of the first pane of a frame of `frame`: what its camera frames.
  Size firstPaneSize(Size frame) const { return paneSize(layout_, frame, 0, int(std::max<std::size_t>(1, vessels_.size()))); }
  std::vector<const VesselSource*> vessels() const;

 private:
  std::vector<std::unique_ptr<VesselSource>> vessels_;  // none: no ships
  std::vector<std::unique_ptr<Headline>> headlines_;    // per pane; null entries: none
  std::vector<std::string> labels_;                     // per pane; empty in a single view
  std::vector<core::Rgba> colors_;
  SplitLayout layout_ = SplitLayout::SideBySide;
};

}  // namespace corridor::app
