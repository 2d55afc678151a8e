#pragma once
// The subcommands of 'corridor ais' that live in their own files.
#include <CLI/CLI.hpp>

#include "Commands.h"

namespace corridor::cli {

struct AisSubcommand {
  CLI::App* command;
  CommandAction action;
};

AisSubcommand addAisImportCommand(CLI::App& ais);

}  // namespace corridor::cli
