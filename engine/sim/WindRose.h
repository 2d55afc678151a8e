#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "sim/Dispersion.h"

namespace corridor::sim {

// A long-term wind climatology in the STAR form of EPA's ISC long-term model: the share of the
// hours with the wind from each direction sector, in each speed class and stability class.

struct WindRoseEntry {
  double windFromDegrees = 0;  // the sector's centre, clockwise from north
  double windSpeed = 5;        // m/s at the rose's anemometer height, the class's representative speed
  StabilityClass stability = StabilityClass::D;
  double frequency = 0;  // share of the hours
  // The months it occurs in, bit m - 1 for month m (a monsoon's months); only the draw of a
  // moment's weather uses them, annual means take the frequency as it is.
  std::uint16_t months = kEveryMonth;

  static constexpr std::uint16_t kEveryMonth = 0x0FFF;
};

struct WindRose {
  std::vector<WindRoseEntry> entries;  // frequencies sum to 1
  Terrain terrain = Terrain::Urban;
  // Within a sector the direction is taken as uniform, as ISC-LT does (the sector average,
  // smoothed linearly between sector centres). 0: each entry is one steady plume.
  double sectorWidthDegrees = 22.5;
  // Where the speeds were measured (Weather::anemometerHeight): 10 m for station records.
  double anemometerHeight = 10;

  Weather weatherOf(const WindRoseEntry& entry) const {
    return {entry.windSpeed, entry.windFromDegrees, entry.stability, terrain, anemometerHeight};
  }
};

// One steady weather for every hour: a rose of one entry with no sector spread (speeds as the
// weather gives them).
WindRose steadyRose(const Weather& weather);

// "N", "NNE", ... "NNW" as degrees clockwise from north; nothing for another name.
std::optional<double> compassPointDegrees(std::string_view name);
// The compass point at `degrees` (a multiple of 22.5); nothing between points.
std::optional<std::string_view> compassPointName(double degrees);

// Whether `degrees` is a sector centre of a rose with that sector width (always, for 0: no spread).
bool onSectorCentre(double sectorWidthDegrees, double degrees);

// Whether a wind rose's frequencies sum to 1, within 0.1 %.
bool frequenciesSumToOne(const std::vector<WindRoseEntry>& entries, double& sum);

// The frequency-weighted mean ground concentration [micrograms/m^3] of the sources over the
// rose's hours. Sector-spread roses use the sector-averaged plume of ISC-LT:
//   C(x) = sqrt(2/pi) q / (sigma_z u x dtheta) exp(-H^2 / 2 sigma_z^2)
// for a receptor x metres downwind inside the sector (dtheta its width in radians), u at the
// release height (windSpeedAt); areas are lattices half a grid cell apart, as for steady
// plumes, their extent rounded to whole half cells. Roses without spread sum steady plumes
// (groundConcentration).
ConcentrationGrid longTermConcentration(const std::vector<PointSource>& points,
                                        const std::vector<AreaSource>& areas, const WindRose& rose,
                                        glm::dvec2 origin, double cellSize, int columns, int rows);

}  // namespace corridor::sim
