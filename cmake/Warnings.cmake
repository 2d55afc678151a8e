# Warnings for the project's own targets (not for system headers).
function(corridor_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Woverloaded-virtual
    # Vulkan structs are written {sType} and filled field by field on purpose.
    -Wno-missing-field-initializers)
endfunction()

# A small static engine library: corridor_library(NAME SOURCES... DEPS ...)
# The public dependency list is the architecture's dependency rule, enforced by the linker.
function(corridor_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(corridor_${name} STATIC ${ARG_SOURCES})
  add_library(corridor::${name} ALIAS corridor_${name})
  target_include_directories(corridor_${name} PUBLIC ${PROJECT_SOURCE_DIR}/engine)
  target_link_libraries(corridor_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  corridor_warnings(corridor_${name})
endfunction()
