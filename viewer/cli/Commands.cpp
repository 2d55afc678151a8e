#include "Commands.h"

#include <cstdio>

namespace corridor::cli {

int reportError(const core::Error& error) {
  std::fprintf(stderr, "corridor: %s\n", error.message.c_str());
  return core::exitCode(error);
}

}  // namespace corridor::cli
