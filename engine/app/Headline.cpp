#include "app/Headline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/ScenarioFile.h"

namespace corridor::app {
namespace {

core::Result<sim::HeadlineSeries> seriesOf(const std::filesystem::path& scenarioFile, const std::string& variant) {
  auto scenario = sim::loadScenario(scenarioFile, variant);
  if (!scenario) return std::unexpected(scenario.error());
  const core::UtcMicros from = sim::yearStart(scenario->startYear), to = sim::yearStart(scenario->endYear + 1);
  const sim::Fleet fleet(*scenario, from, to);
  return sim::HeadlineSeries(*scenario, fleet, from, to);
}

std::string percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f %%", 100 * share);
  return text;
}

// "+12 %", "-40 %"; "0 %" for what rounds to nothing (not "-0 %").
std::string signedPercent(double change) {
  const double percent = std::round(100 * change);
  if (percent == 0) return "0 %";
  char text[16];
  std::snprintf(text, sizeof text, "%+.0f %%", percent);
  return text;
}

std::string tonnes(double kg) { return groupedThousands(kg / 1000) + " t"; }

}  // namespace

std::string groupedThousands(double value) {
  const long long whole = std::llround(std::abs(value));
  const std::string digits = std::to_string(whole);
  std::string grouped = value < 0 && whole != 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

std::string referenceVariant(const std::vector<std::string>& namedVariants, const std::string& variant) {
  for (const std::string& name : namedVariants) {
    if (name != variant) return name;
  }
  return "";
}

core::Result<Headline> Headline::load(const std::filesystem::path& scenarioFile, const std::string& variant,
                                      const std::string& reference) {
  auto series = seriesOf(scenarioFile, variant);
  if (!series) return std::unexpected(series.error());
  std::optional<sim::HeadlineSeries> referenceSeries;
  bool referenceIsBaseline = false;
  if (!reference.empty() && reference != variant) {
    auto loaded = seriesOf(scenarioFile, reference);
    if (!loaded) return std::unexpected(loaded.error());
    referenceSeries.emplace(std::move(*loaded));
    auto named = sim::scenarioVariants(scenarioFile);
    referenceIsBaseline = named && !named->empty() && named->front() == reference;
  }
  return Headline(variant, reference, referenceIsBaseline, std::move(*series), std::move(referenceSeries));
}

Headline::Headline(std::string variant, std::string reference, bool referenceIsBaseline, sim::HeadlineSeries series,
                   std::optional<sim::HeadlineSeries> referenceSeries)
    : variant_(std::move(variant)),
      reference_(std::move(reference)),
      referenceIsBaseline_(referenceIsBaseline),
      series_(std::move(series)),
      referenceSeries_(std::move(referenceSeries)) {}

std::vector<HeadlineRow> Headline::rows(core::UtcMicros t) const {
  const int year = sim::yearOf(std::clamp(t, series_.from(), series_.to() - 1));
  const std::string yearText = std::to_string(year);
  const sim::FleetMoment ships = series_.shipsAt(t);
  const sim::RunningTotals now = series_.totalsAt(t), yearStart = series_.totalsAt(sim::yearStart(year));
  const double yearCo2e = now.co2eKg - yearStart.co2eKg;
  const double yearEnergy = now.fuelEnergyMJ - yearStart.fuelEnergyMJ;
  const int shipCount = ships.underWay + ships.atBerth;
  std::vector<HeadlineRow> rows = {
      {std::to_string(ships.underWay), "under way"},
      {std::to_string(ships.atBerth), "at berth"},
      {percent(shipCount > 0 ? double(ships.zeroEmission) / shipCount : 0.0), "ships on zero-emission fuel"},
      {percent(yearEnergy > 0 ? (now.zeroEmissionEnergyMJ - yearStart.zeroEmissionEnergyMJ) / yearEnergy : 0.0),
       "energy zero-emission, " + yearText},
      {tonnes(yearCo2e), "CO2e " + yearText + " to date"},
  };
  if (!referenceSeries_) return rows;
  const sim::RunningTotals other = referenceSeries_->totalsAt(t);
  const double otherYear = other.co2eKg - referenceSeries_->totalsAt(sim::yearStart(year)).co2eKg;
  if (otherYear > 0) {
    rows.push_back({signedPercent(yearCo2e / otherYear - 1), "vs " + reference_ + " (" +
                                                                  (yearCo2e > otherYear ? "+" : "") +
                                                                  tonnes(yearCo2e - otherYear) + ")"});
  }
  if (referenceIsBaseline_) {
    rows.push_back({tonnes(other.co2eKg - now.co2eKg),
                    "CO2e avoided since " + std::to_string(sim::yearOf(series_.from()))});
  }
  return rows;
}

}  // namespace corridor::app
