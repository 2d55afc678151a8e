# The checking build of scripts/sanitize and scripts/fuzz (never the default; configure it with
# CMAKE_BUILD_TYPE=Sanitize, whose only flags are these): CORRIDOR_FUZZ=ON compiles everything
# with ASan + UBSan (any report aborts) and libFuzzer's coverage, and adds the fuzz targets of
# tests/fuzz. Needs clang (Debian's clang-16 with libclang-rt-16-dev).
option(CORRIDOR_FUZZ "Build with ASan, UBSan and the libFuzzer targets (clang)" OFF)
if(NOT CORRIDOR_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "CORRIDOR_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_C_COMPILER=clang-16")
endif()

# libstdc++ 12 declares std::expected only when __cpp_concepts >= 202002L. Clang 16 implements
# what that stands for (P0848, conditionally trivial special members) but still reports 201907L.
# Raise the macro, after checking that std::expected then has the triviality it relies on.
include(CheckCXXSourceCompiles)
set(CMAKE_REQUIRED_FLAGS "-std=c++2b -D__cpp_concepts=202002L -Wno-macro-redefined")
check_cxx_source_compiles([=[
  #include <expected>
  #include <string>
  #include <type_traits>
  static_assert(std::is_trivially_destructible_v<std::expected<int, int>>);
  static_assert(!std::is_trivially_destructible_v<std::expected<std::string, int>>);
  static_assert(std::is_trivially_copy_constructible_v<std::expected<int, int>>);
  int main() { std::expected<std::string, int> e("x"); auto copy = e; return int(copy->size()) - 1; }
]=] CORRIDOR_CLANG_HAS_EXPECTED)
unset(CMAKE_REQUIRED_FLAGS)
if(NOT CORRIDOR_CLANG_HAS_EXPECTED)
  message(FATAL_ERROR "this clang cannot use libstdc++'s std::expected; use clang 16 or newer")
endif()
add_compile_options(-D__cpp_concepts=202002L -Wno-macro-redefined)

# -O1 and line tables only: stacks name file and line, and the build stays within CI's time.
add_compile_options(-O1 -gline-tables-only -fsanitize=address,undefined -fno-sanitize-recover=all
                    -fno-omit-frame-pointer -fsanitize=fuzzer-no-link)
add_link_options(-fsanitize=address,undefined)
