#include "sim/EmissionFactors.h"

#include <array>
#include <cmath>
#include <cstddef>

namespace corridor::sim {
namespace {

// Sources, cited by short name below:
//  [MEPC.364(79)] 2022 Guidelines on the method of calculation of the attained EEXI/EEDI
//                 (CO2 conversion factors Cf).
//  [MEPC.376(80)] 2023 Guidelines on life cycle GHG intensity of marine fuels (LCA guidelines),
//                 Appendix 2 default lower calorific values.
//  [IMO4]         Fourth IMO GHG Study 2020 (methane slip by engine cycle, LNG LHV).
//  [EPA2022]      US EPA, Ports Emissions Inventory Guidance, EPA-420-B-22-011, April 2022.
//  [EPA2009]      US EPA (ICF), Current Methodologies in Preparing Mobile Source Port-Related
//                 Emission Inventories, 2009, Table 2-9 (low-load factors).
//  [C3RIA]        US EPA, Regulatory Impact Analysis: Control of Emissions of Air Pollution
//                 from Category 3 Marine Diesel Engines, 2009 (low-load fits a L^-x + b).
//  [EEA2023]      EMEP/EEA air pollutant emission inventory guidebook 2023, 1.A.3.d shipping.
//  [ShipEF]       US EPA Marine_Emissions_Tools, R package ShipEF (Beta 0.2, 2022), the code of
//                 EPA2022's methods: R/calcEF_PM.r (PM10 = PMnom + S% * BSFC * FSC * MWR *
//                 1e-4; PM2.5 = 0.92 PM10), data EFSulfurEQCoefficients (PMnom 0.1545 g/kWh
//                 MGO/MDO, 0.5761 RM/HFO; FSC 2.247 %; MWR 7 = 224/32), EF_PM_ST_GT_LNG (LNG
//                 PM10 0.03 g/kWh), R/calcEF.r (the part-load BSFC curve over loads 0.2-1, the
//                 low-load factors below 0.2).
//  [FuelEU]       Regulation (EU) 2023/1805 (FuelEU Maritime), Annex II default lower calorific
//                 values: LNG 0.0491 MJ/g.
//  [MARPOL]       MARPOL Annex VI, Regulations 13 (NOx) and 14 (sulfur).
//  [NAEI]         UK NAEI shipping methodology, SFOC by engine speed and build year.
//  [FACTS]        shared/FACTS.md, "Bottom-up ship emissions" (secondary; collects the above).

// Indexed by Fuel.
constexpr std::array<FuelFactors, kFuelCount> kFuels{{
    {.fuel = Fuel::VLSFO,
     .carbonFactor = 3.151,
     .lowerHeatingValueMJPerKg = 41.0,
     .fossilCarbonShare = 1.0,
     .defaultSulfurPercent = 0.50,
     .pmNominalGPerKWh = 0.5761,
     .source = "Cf: MEPC.364(79) light fuel oil; LHV: MEPC.376(80) LFO; S: MARPOL Reg. 14 "
               "global cap since 2020, which VLSFO is blended to; PMnom: ShipEF residual "
               "(RM/HFO) - VLSFO is a residual blend, so its ash and heavy ends count"}, 
    {.fuel = Fuel::MGO,
     .carbonFactor = 3.206,
     .lowerHeatingValueMJPerKg = 42.7,
     .fossilCarbonShare = 1.0,
     .defaultSulfurPercent = 0.10,
     .pmNominalGPerKWh = 0.1545,
     .source = "Cf: MEPC.364(79) MDO/MGO; LHV: MEPC.376(80) MDO/MGO; S: ECA-grade DMA "
               "(assumption: MGO is bunkered at 0.10 % also outside ECAs); PMnom: ShipEF "
               "distillate (MGO/MDO)"},
    {.fuel = Fuel::LNG,
     .carbonFactor = 2.750,
     .lowerHeatingValueMJPerKg = 49.1,
     .fossilCarbonShare = 1.0,
     .defaultSulfurPercent = 0.0,
     .pmNominalGPerKWh = 0.03,
     .source = "Cf: MEPC.364(79) (= 44/16 for CH4); LHV: FuelEU Annex II (the EEDI guidelines "
               "MEPC.364(79) keep 48.0 for design values); S: negligible, pilot fuel not "
               "modelled; PM10: ShipEF LNG engines"},
    {.fuel = Fuel::GreyMethanol,
     .carbonFactor = 1.375,
     .lowerHeatingValueMJPerKg = 19.9,
     .fossilCarbonShare = 1.0,
     .defaultSulfurPercent = 0.0,
     .pmNominalGPerKWh = 0.1545,
     .source = "Cf: MEPC.364(79) (= 44/32 for CH3OH); LHV: MEPC.376(80); natural-gas "
               "feedstock, so all carbon fossil; sulfur-free. PMnom: ASSUMPTION, ShipEF's "
               "distillate value (no EPA value; methanol soots less, so an upper bound)"},
    {.fuel = Fuel::GreenMethanol,
     .carbonFactor = 1.375,
     .lowerHeatingValueMJPerKg = 19.9,
     .fossilCarbonShare = 0.0,
     .defaultSulfurPercent = 0.0,
     .pmNominalGPerKWh = 0.1545,
     .source = "as grey methanol, but the carbon is biogenic or captured (bio-/e-methanol), "
               "which MEPC.376(80) does not count as fossil tank-to-wake CO2"},
    {.fuel = Fuel::Ammonia,
     .carbonFactor = 0.0,
     .lowerHeatingValueMJPerKg = 18.6,
     .fossilCarbonShare = 0.0,
     .defaultSulfurPercent = 0.0,
     .pmNominalGPerKWh = 0.1545,
     .noxTierIII = true,
     .source = "NH3 holds no carbon; LHV: MEPC.376(80). ASSUMPTION: ammonia engines need SCR "
               "and meet Tier III; N2O slip is uncertain and not modelled; pilot fuel ignored. PMnom: "
               "ASSUMPTION, ShipEF's distillate value (the pilot fuel is diesel)"},
}};

// Indexed by EngineType. Liquid-fuel CH4 0.01 g/kWh is the combustion factor of the IMO GHG
// Studies' oil-fuelled engines (ASSUMPTION, not checked against the study's table; EPA2022
// lists 0.012 main / 0.008 auxiliary - immaterial next to CO2).
constexpr std::array<CombustionFactors, 5> kEngines{{
    {.methaneGPerKWh = 0.01,
     .blackCarbonShareOfPm = 0.45,
     .source = "SlowSpeedDiesel: CH4 IMO4 (assumption above); BC share EEA2023/FACTS"},
    {.methaneGPerKWh = 0.01,
     .blackCarbonShareOfPm = 0.35,
     .source = "MediumSpeedDiesel: CH4 IMO4 (assumption above); BC share EEA2023/FACTS"},
    {.methaneGPerKWh = 2.5,
     .blackCarbonShareOfPm = 0.10,
     .ottoCycle = true,
     .gasMode = true,
     .source = "LngOttoSlowSpeed: slip IMO4 (2-stroke low pressure); BC LNG dual fuel EEA2023"},
    {.methaneGPerKWh = 5.5,
     .blackCarbonShareOfPm = 0.10,
     .ottoCycle = true,
     .gasMode = true,
     .source = "LngOttoMediumSpeed: slip IMO4 (4-stroke); BC LNG dual fuel EEA2023"},
    {.methaneGPerKWh = 0.2,
     .blackCarbonShareOfPm = 0.10,
     .gasMode = true,
     .source = "LngDieselSlowSpeed: slip IMO4 (high pressure); BC LNG dual fuel EEA2023; "
               "diesel cycle, so NOx follows the engine's tier"},
}};

constexpr CombustionFactors kBoiler{
    .methaneGPerKWh = 0.002,
    .blackCarbonShareOfPm = 0.05,
    .source = "CH4: EPA2022 boiler factor; PM: the EPA equation with the boiler's SFOC, as "
              "ShipEF does. ASSUMPTION: BC share 0.05 (steady external combustion soots "
              "little); no boiler value was at hand"};

constexpr CommonFactors kCommon{
    .referenceLhvMJPerKg = 42.7,   // ISO 3046-1 / ISO 15550 reference for engine SFOC data
    .auxiliarySfocGPerKWh = 185,   // NAEI/FACTS medium speed built after 2001; kept flat because
                                   // gensets are switched in and out to run near best load
    .auxiliaryRatedRpm = 900,      // ASSUMPTION: typical 4-stroke genset speed
    .boilerSfocGPerKWh = 300,      // EPA2022 auxiliary boilers, distillate
    .boilerNoxGPerKWh = 2.0,       // EPA2022 auxiliary boilers
    .sulfateShareOfSulfur = 0.02247,  // ShipEF FSC 2.247 %
    .sulfateMassPerSulfur = 7.0,      // ShipEF MWR 224/32
    .pm25ShareOfPm = 0.92,            // ShipEF calcEF_PM.r (EEA2023: 90-95 %)
    .so2PerSulfur = 2.0,           // 64/32: all fuel sulfur leaves as SO2 (FACTS)
};

// MARPOL Annex VI Reg. 13 limits: n < 130 rpm; 130 <= n < 2000: a * n^exponent; n >= 2000.
struct NoxLimit {
  double belowSlow = 0, a = 0, exponent = 0, aboveFast = 0;
};
// Indexed by NoxTier.
constexpr std::array<NoxLimit, 3> kNoxLimits{{
    {17.0, 45.0, -0.2, 9.8},   // Tier I, ships built from 2000
    {14.4, 44.0, -0.23, 7.7},  // Tier II, from 2011
    {3.4, 9.0, -0.2, 2.0},     // Tier III, in NOx ECAs for ships built from 2016
}};
constexpr double kSlowSpeedRpm = 130;
constexpr double kFastSpeedRpm = 2000;

// Multiplicative factors on the propulsion engine's g/kWh below 20 % MCR. Rows as published in
// EPA2009 Table 2-9 and EPA2022 Table 3.10, both derived from the C3RIA fits EF = a L^-x + b
// normalised to 20 % load; the 2 % row agrees with EPA2022 Table 3.10 (NOx 4.63, HC 21.18,
// PM 7.29, CO2 3.28). Fuel, and with it SO2 (a sulfur mass balance of the fuel burned), follow
// the CO2 column. EPA2022 (and ShipEF's calcLLAF) makes SO2's factor sulfur-dependent (9.54 at
// 2 % for 0.1 % S), an artefact of a regression intercept, which the mass balance avoids.
//   load %  CO2   NOx   PM    HC
constexpr std::array<LowLoadRow, 19> kLowLoad{{
    {2, 3.28, 4.63, 7.29, 21.18},
    {3, 2.44, 2.92, 4.33, 11.68},
    {4, 2.01, 2.21, 3.09, 7.71},
    {5, 1.76, 1.83, 2.44, 5.61},
    {6, 1.59, 1.60, 2.04, 4.35},
    {7, 1.47, 1.45, 1.79, 3.52},
    {8, 1.38, 1.35, 1.61, 2.95},
    {9, 1.31, 1.27, 1.48, 2.52},
    {10, 1.25, 1.22, 1.38, 2.20},
    {11, 1.21, 1.17, 1.30, 1.96},
    {12, 1.17, 1.14, 1.24, 1.76},
    {13, 1.14, 1.11, 1.19, 1.60},
    {14, 1.11, 1.08, 1.15, 1.47},
    {15, 1.08, 1.06, 1.11, 1.36},
    {16, 1.06, 1.05, 1.08, 1.26},
    {17, 1.04, 1.03, 1.06, 1.18},
    {18, 1.03, 1.02, 1.04, 1.11},
    {19, 1.01, 1.01, 1.02, 1.05},
    {20, 1.00, 1.00, 1.00, 1.00},
}};

// The tables are indexed by enum value: a reordered or extended enum must fail to compile
// rather than silently read another row.
constexpr bool fuelsInEnumOrder() {
  for (std::size_t i = 0; i < kFuels.size(); ++i) {
    if (static_cast<std::size_t>(kFuels[i].fuel) != i) return false;
  }
  return true;
}
static_assert(fuelsInEnumOrder());
static_assert(static_cast<std::size_t>(EngineType::LngDieselSlowSpeed) + 1 == kEngines.size());
static_assert(static_cast<std::size_t>(NoxTier::III) + 1 == kNoxLimits.size());

}  // namespace

const FuelFactors& fuelFactors(Fuel fuel) { return kFuels[static_cast<std::size_t>(fuel)]; }

const CombustionFactors& engineFactors(EngineType engine) {
  return kEngines[static_cast<std::size_t>(engine)];
}

const CombustionFactors& boilerFactors() { return kBoiler; }

const CommonFactors& commonFactors() { return kCommon; }

double noxLimitGPerKWh(NoxTier tier, double ratedRpm) {
  const NoxLimit& limit = kNoxLimits[static_cast<std::size_t>(tier)];
  if (ratedRpm < kSlowSpeedRpm) return limit.belowSlow;
  if (ratedRpm >= kFastSpeedRpm) return limit.aboveFast;
  return limit.a * std::pow(ratedRpm, limit.exponent);
}

std::span<const LowLoadRow> lowLoadAdjustmentTable() { return kLowLoad; }

}  // namespace corridor::sim
