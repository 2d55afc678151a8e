#include "sim/Vessel.h"

namespace corridor::sim {

const char* phaseName(Phase phase) {
  switch (phase) {
    case Phase::Cruise: return "cruise";
    case Phase::ReducedSpeed: return "reduced-speed";
    case Phase::Manoeuvring: return "manoeuvring";
    case Phase::Anchorage: return "anchorage";
    case Phase::AtBerth: return "at-berth";
  }
  return "?";
}

double PhasePower::operator[](Phase phase) const {
  switch (phase) {
    case Phase::Cruise: return cruise;
    case Phase::ReducedSpeed: return reducedSpeed;
    case Phase::Manoeuvring: return manoeuvring;
    case Phase::Anchorage: return anchorage;
    case Phase::AtBerth: return atBerth;
  }
  return 0;
}

const char* fuelName(Fuel fuel) {
  switch (fuel) {
    case Fuel::VLSFO: return "VLSFO";
    case Fuel::MGO: return "MGO";
    case Fuel::LNG: return "LNG";
    case Fuel::GreyMethanol: return "grey methanol";
    case Fuel::GreenMethanol: return "green methanol";
    case Fuel::Ammonia: return "ammonia";
  }
  return "?";
}

}  // namespace corridor::sim
