// The default scenario's routes stay at sea: checked point by point against the default land
// (Natural Earth, with GSHHG full around the ports; the default geodata, through GDAL/GEOS),
// up to the last few hundred metres to the quay.
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_geometry.h>

#include <memory>

#include "geo/Geodesic.h"
#include "geo/Longitude.h"
#include "io/DefaultGeodata.h"
#include "io/Shorelines.h"
#include "io/VectorReader.h"
#include "sim/Fleet.h"
#include "sim/ScenarioFile.h"

namespace corridor::test {
namespace {

std::unique_ptr<OGRMultiPolygon> landPolygons() {
  auto geodata = io::findDefaultGeodata();
  EXPECT_TRUE(geodata) << geodata.error().message;
  if (!geodata) return nullptr;
  auto data = io::readVector({geodata->countries, geodata->countriesLayer});
  EXPECT_TRUE(data) << data.error().message;
  if (!data) return nullptr;
  EXPECT_EQ(geodata->shorelines.size(), 4u) << "scripts/fetch-geodata exports the ports' shorelines";
  std::vector<io::ShorelineRegion> regions;
  for (const auto& file : geodata->shorelines) {
    auto region = io::readShorelineRegion(file);
    EXPECT_TRUE(region) << region.error().message;
    if (region) regions.push_back(std::move(*region));
  }
  EXPECT_TRUE(io::replaceLandInRegions(*data, regions));
  auto land = std::make_unique<OGRMultiPolygon>();
  for (const auto& polygon : data->polygons) {
    OGRPolygon ogr;
    auto ring = [](const geo::Polyline& points) {
      auto r = std::make_unique<OGRLinearRing>();
      for (const auto& p : points) r->addPoint(p.lon, p.lat);
      return r;
    };
    ogr.addRingDirectly(ring(polygon.outer).release());
    for (const auto& hole : polygon.holes) ogr.addRingDirectly(ring(hole).release());
    land->addGeometry(&ogr);
  }
  return land;
}

TEST(Routes, NeverCrossLand) {
  const auto scenario = sim::loadScenario(
      std::filesystem::path(CORRIDOR_SOURCE_DIR) / "assets/scenarios/transpacific.toml", "baseline");
  ASSERT_TRUE(scenario) << scenario.error().message;
  const auto land = landPolygons();
  ASSERT_TRUE(land);
  // Prepared once: plain Intersects would hand the whole world to GEOS for every point.
  const std::unique_ptr<std::remove_pointer_t<OGRPreparedGeometryH>, void (*)(OGRPreparedGeometryH)>
      prepared(OGRCreatePreparedGeometry(OGRGeometry::ToHandle(land.get())),
               OGRDestroyPreparedGeometry);
  ASSERT_TRUE(prepared);
  const sim::Fleet fleet(*scenario, sim::yearStart(2030), sim::yearStart(2030) + 1);
  // The port's position is a terminal on the quay: the last stretch runs alongside it.
  constexpr double kQuayMeters = 400;
  for (const sim::Route& route : fleet.routes()) {
    for (double d = kQuayMeters; d < route.lengthMeters() - kQuayMeters; d += d < 50'000 || route.lengthMeters() - d < 50'000 ? 50 : 2000) {
      const geo::LonLat p = route.at(d);
      const OGRPoint point(geo::normalizeLongitude(p.lon), p.lat);
      EXPECT_FALSE(OGRPreparedGeometryIntersects(prepared.get(),
                                                 OGRGeometry::ToHandle(const_cast<OGRPoint*>(&point))))
          << "route " << &route - fleet.routes().data() << " on land at " << point.getX() << ","
          << point.getY() << " (" << d / 1852 << " nm along)";
    }
  }
}

}  // namespace
}  // namespace corridor::test
