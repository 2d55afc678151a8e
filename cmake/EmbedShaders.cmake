# Compiles GLSL with glslc (depfiles track #includes) and embeds the SPIR-V in a static library,
# so the binaries run from any working directory. Everything generated stays in the build tree.
function(corridor_embed_shaders target)
  set(spv_files)
  foreach(src ${ARGN})
    get_filename_component(name ${src} NAME)
    set(spv ${CMAKE_CURRENT_BINARY_DIR}/spirv/${name}.spv)
    add_custom_command(
      OUTPUT ${spv}
      COMMAND ${GLSLC_EXECUTABLE} --target-env=vulkan1.1 -O -MD -MF ${spv}.d
              -o ${spv} ${CMAKE_CURRENT_SOURCE_DIR}/${src}
      DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${src}
      DEPFILE ${spv}.d
      COMMENT "glslc ${name}"
      VERBATIM)
    list(APPEND spv_files ${spv})
  endforeach()
  set(generated ${CMAKE_CURRENT_BINARY_DIR}/EmbeddedShaders.cpp)
  # A ';' would split the shell command: hand the list over with '|' instead.
  string(REPLACE ";" "|" spv_list "${spv_files}")
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${generated} "-DINPUTS=${spv_list}"
            -P ${PROJECT_SOURCE_DIR}/cmake/WriteEmbeddedShaders.cmake
    DEPENDS ${spv_files} ${PROJECT_SOURCE_DIR}/cmake/WriteEmbeddedShaders.cmake
    COMMENT "Embedding SPIR-V"
    VERBATIM)
  add_library(${target} STATIC ${generated})
  target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
endfunction()
