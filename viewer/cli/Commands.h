#pragma once
#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <string>

#include "core/Log.h"
#include "core/Result.h"

namespace corridor::cli {

// Each subcommand registers its options and returns the action to run after parsing; the
// action returns the process exit code (0 ok, 1 data or device error, 2 usage error).
using CommandAction = std::function<int()>;

CommandAction addRenderCommand(CLI::App& app);
CommandAction addViewCommand(CLI::App& app);
CommandAction addInfoCommand(CLI::App& app);
CommandAction addSimulateCommand(CLI::App& app);
CommandAction addAisCommand(CLI::App& app);
CommandAction addRecordCommand(CLI::App& app);
CommandAction addWindRoseCommand(CLI::App& app);

// Prints "corridor: message" to stderr (a database's password as ***) and returns the exit code
// for the error.
inline int reportError(const core::Error& error) {
  std::fprintf(stderr, "corridor: %s\n", core::withoutSecrets(error.message).c_str());
  return core::exitCode(error);
}

}  // namespace corridor::cli
