#pragma once
// Writers of small AIS files in the formats of FACTS.md, with counts known by construction.
#include <cstdio>
#include <string>

namespace corridor::test {

inline constexpr const char* kMarineCadastreHeader =
    "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,"
    "Width,Draft,Cargo,TransceiverClass";
inline constexpr const char* kMarineCadastre2024Header =
    "mmsi,base_date_time,longitude,latitude,sog,cog,heading,vessel_name,imo,call_sign,vessel_type,"
    "status,length,width,draft,cargo,transceiver";
inline constexpr const char* kDmaHeader =
    "# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,"
    "Callsign,Name,Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,"
    "Destination,ETA,Data source type,A,B,C,D";

// One MarineCadastre row; `time` is "2022-06-01T00:00:00" style.
inline std::string marineCadastreRow(long mmsi, const std::string& time, double lat, double lon,
                                     const std::string& sog = "12.0", const std::string& cog = "90.0",
                                     const std::string& heading = "90", const std::string& name = "TEST SHIP",
                                     const std::string& type = "70", const std::string& length = "180") {
  char position[64];
  std::snprintf(position, sizeof position, "%.5f,%.5f", lat, lon);
  return std::to_string(mmsi) + "," + time + "," + position + "," + sog + "," + cog + "," + heading + "," +
         name + ",IMO9481374,CALL1," + type + ",0," + length + ",30,10.0,70,A";
}

// HH:MM past midnight on 2022-06-01.
inline std::string juneFirst(int hour, int minute, int second = 0) {
  char text[32];
  std::snprintf(text, sizeof text, "2022-06-01T%02d:%02d:%02d", hour, minute, second);
  return text;
}

}  // namespace corridor::test
