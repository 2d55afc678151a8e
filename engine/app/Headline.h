#pragma once
// The headline numbers of a scenario variant, as the counter panel of the viewer, presentation
// mode, renders and videos shows them.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/Result.h"
#include "core/Time.h"
#include "sim/Headline.h"

namespace corridor::app {

// One line of the counter panel: a number with its unit, and what it counts.
struct HeadlineRow {
  std::string value;
  std::string label;
};

// Ships under way and at berth, the share of ships and of fuel energy on zero-emission fuels,
// CO2e this year to date and its difference from the reference variant, and the CO2e avoided
// since the scenario's start. Built once (a fleet over the whole period per variant: 0.06 s
// each for the default scenario); rows() costs microseconds.
class Headline {
 public:
  // The numbers of `variant` of a scenario file, compared with `reference` (another variant;
  // empty: none).
  static core::Result<Headline> load(const std::filesystem::path& scenarioFile, const std::string& variant,
                                     const std::string& reference);
  std::vector<HeadlineRow> rows(core::UtcMicros t) const;
  const std::string& variant() const { return variant_; }

 private:
  Headline(std::string variant, std::string reference, bool referenceIsBaseline, sim::HeadlineSeries series,
           std::optional<sim::HeadlineSeries> referenceSeries);
  std::string variant_, reference_;
  bool referenceIsBaseline_ = false;  // then CO2e "avoided" is the reference's minus this one's
  sim::HeadlineSeries series_;
  std::optional<sim::HeadlineSeries> referenceSeries_;
};

// What a variant's numbers compare against: the scenario's first named variant (its baseline),
// or, for the baseline itself, the next one; empty without another named variant.
std::string referenceVariant(const std::vector<std::string>& namedVariants, const std::string& variant);

// 1234567.8 as "1,234,568".
std::string groupedThousands(double value);

}  // namespace corridor::app
