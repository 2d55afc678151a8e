# Every dependency comes from a Debian bookworm package (see scripts/lib/packages.txt).
find_package(Vulkan REQUIRED COMPONENTS glslc)
find_package(glfw3 REQUIRED)
find_package(GDAL CONFIG REQUIRED)
find_package(GEOS CONFIG REQUIRED)
find_package(glm CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(GTest REQUIRED)
find_package(benchmark REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)

find_path(GEOGRAPHICLIB_INCLUDE_DIR GeographicLib/Geodesic.hpp REQUIRED)
find_library(GEOGRAPHICLIB_LIBRARY NAMES Geographic GeographicLib REQUIRED)
add_library(corridor_geographiclib INTERFACE)
target_include_directories(corridor_geographiclib SYSTEM INTERFACE ${GEOGRAPHICLIB_INCLUDE_DIR})
target_link_libraries(corridor_geographiclib INTERFACE ${GEOGRAPHICLIB_LIBRARY})

find_path(STB_INCLUDE_DIR stb_image_write.h PATH_SUFFIXES stb REQUIRED)
add_library(corridor_stb INTERFACE)
target_include_directories(corridor_stb SYSTEM INTERFACE ${STB_INCLUDE_DIR})

find_program(GLSLC_EXECUTABLE glslc HINTS ${Vulkan_GLSLC_EXECUTABLE} REQUIRED)
