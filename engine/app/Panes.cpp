#include "app/Panes.h"

#include <algorithm>

#include "sim/ScenarioFile.h"

namespace corridor::app {
core::Result<std::vector<std::string>> comparedPair(const std::string& text, const VesselSourceOptions& options) {
  if (!options.ais.empty() || options.scenario.empty() || options.scenario == "none") {
    return core::usageError("--compare compares two variants of a scenario; give --scenario, not AIS or none");
  }
  const auto comma = text.find(',');
  if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos) {
    return core::usageError("--compare: two variants separated by a comma, e.g. baseline,green-corridor; not '" + text + "'");
  }
  std::vector<std::string> pair{text.substr(0, comma), text.substr(comma + 1)};
  if (pair[0] == pair[1]) return core::usageError("--compare: two different variants, not " + pair[0] + " twice");
  return pair;
}

core::Rgba variantAccent(const std::vector<std::string>& namedVariants, const std::string& variant) {
  const auto index = std::size_t(std::find(namedVariants.begin(), namedVariants.end(), variant) - namedVariants.begin());
  const glm::vec4 color = scene::variantColor(variant, index);
  return {std::uint8_t(color.r * 255), std::uint8_t(color.g * 255), std::uint8_t(color.b * 255), 255};
}

core::Result<PaneSources> PaneSources::load(const VesselSourceOptions& options, const PaneRequest& request,
                                            std::optional<VesselSource::Period> shown) {
  auto layout = parseSplitLayout(request.layout);
  if (!layout) return std::unexpected(layout.error());
  PaneSources sources;
  sources.layout_ = *layout;
  std::vector<std::string> variants{options.variant};
  if (!request.compare.empty()) {
    auto pair = comparedPair(request.compare, options);
    if (!pair) return std::unexpected(pair.error());
    variants = *pair;
  }
  for (const std::string& variant : variants) {
    VesselSourceOptions paneOptions = options;
    paneOptions.variant = variant;
    auto vessels = VesselSource::load(paneOptions, shown);
    if (!vessels) return std::unexpected(vessels.error());
    if (!*vessels) return sources;  // no ships: the basemap alone
    sources.vessels_.push_back(std::move(*vessels));
  }
  const VesselSource& first = *sources.vessels_.front();
  if (first.scenarioFile().empty()) {  // AIS: no variants, no headline numbers
    sources.headlines_.resize(1);
    sources.labels_.resize(1);
    sources.colors_.resize(1);
    return sources;
  }
  auto named = sim::scenarioVariants(first.scenarioFile());
  if (!named) return std::unexpected(named.error());
  for (std::size_t pane = 0; pane < sources.vessels_.size(); ++pane) {
    const std::string variant = sources.vessels_[pane]->variant();
    sources.labels_.push_back(request.compare.empty() ? "" : variant);
    sources.colors_.push_back(variantAccent(*named, variant));
    if (!request.headline) {
      sources.headlines_.push_back(nullptr);
      continue;
    }
    // Compared panes measure each against the other; a single view against the baseline.
    const std::string reference =
        request.compare.empty() ? referenceVariant(*named, variant) : sources.vessels_[1 - pane]->variant();
    auto headline = Headline::load(first.scenarioFile(), variant, reference);
    if (!headline) return std::unexpected(headline.error());
    sources.headlines_.push_back(std::make_unique<Headline>(std::move(*headline)));
  }
  return sources;
}

std::vector<Pane> PaneSources::panes(const FrameContent& base) const {
  if (vessels_.empty()) return {Pane{base}};
  std::vector<Pane> panes;
  for (std::size_t i = 0; i < vessels_.size(); ++i) {
    FrameContent content = base;
    content.vessels = vessels_[i].get();
    panes.push_back({content, labels_[i], colors_[i], headlines_[i].get()});
  }
  return panes;
}

std::vector<const VesselSource*> PaneSources::vessels() const {
  std::vector<const VesselSource*> list;
  for (const auto& vessels : vessels_) list.push_back(vessels.get());
  return list;
}

}  // namespace corridor::app
