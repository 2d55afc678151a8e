#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/Result.h"
#include "core/Time.h"
#include "geo/Types.h"
#include "sim/WindRose.h"

namespace corridor::sim {

// The weather of a port, hour by hour: from an hourly meteorology file where one is given,
// else drawn from the port's wind rose.

struct MetHour {
  core::UtcMicros start = 0;  // the hour [start, start + 1 h)
  Weather weather;
};

// The sun's elevation above the horizon [degrees] at a place and time.
double sunElevationDegrees(const geo::LonLat& where, core::UtcMicros time);

// Pasquill stability class from the wind speed [m/s], the sun's elevation and the cloud cover
// [oktas], by Turner's (1964) table as NOAA READY gives it. Insolation is strong above 60 deg,
// moderate from 35, slight below; more than 4/8 cloud lowers it one step; 8/8 is D day and
// night; night is the sun below the horizon. Where the table gives two classes (A-B) the more
// stable one is taken.
StabilityClass pasquillClass(double windSpeed, double sunElevation, double cloudOktas);

// The joint frequency of an hourly record in the STAR form: 16 sectors, ISC's six speed
// classes (bounds 1.54, 3.09, 5.14, 8.23, 10.8 m/s; speeds 1.5, 2.5, 4.3, 6.8, 9.5, 12.5) and
// the six stability classes.
WindRose roseFromHours(const std::vector<MetHour>& hours, Terrain terrain);

// The same per season: each season's hours make a rose whose frequencies are scaled by the
// season's share of the hours and whose entries carry its months (for the draw of a moment's
// weather). A season is a list of months 1-12; hours in no season are left out.
WindRose seasonalRoseFromHours(const std::vector<MetHour>& hours, Terrain terrain,
                               const std::vector<std::vector<int>>& seasons);

// A rose's entries as the CSV that readWindRoseFile reads (compass points, frequencies to six
// decimals, months when not every month).
std::string windRoseCsv(const std::vector<WindRoseEntry>& entries);

// Reads an hourly meteorology CSV: a header with `time`, `wind_from` (degrees), `wind_speed`
// (m/s at 10 m; calms below 0.5 m/s are taken at 0.5) and either `stability` (A-F) or
// `cloud_cover` (oktas, 0-8; the class then follows from the sun at `where`). Hours must follow
// each other one hour apart; blank lines and lines starting with '#' are skipped. Errors read
// "FILE:LINE: field: message".
core::Result<std::vector<MetHour>> readMetFile(const std::filesystem::path& path, const geo::LonLat& where,
                                               Terrain terrain);

// Reads a wind rose's entries from a CSV file (the STAR form made elsewhere, or by
// roseFromHours from a station's record): a header with `from` (a compass point N ... NNW or
// degrees), `speed` (m/s, 0.5-40), `stability` (A-F), `frequency` (0-1) and optionally `months`
// (the months, 1-12, separated by spaces; empty: every month). Lines starting with '#' are
// comments (the source). Every `from` must be a sector centre of `sectorWidthDegrees`; the
// frequencies must sum to 1 within 0.1 %. Errors read "FILE:LINE: field: message".
core::Result<std::vector<WindRoseEntry>> readWindRoseFile(const std::filesystem::path& path, double sectorWidthDegrees);

}  // namespace corridor::sim
