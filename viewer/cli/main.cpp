// corridor: green-shipping-corridor playback on a 3D globe.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <map>

#include "Commands.h"
#include "core/HeapTrim.h"
#include "core/HugePages.h"

int main(int argc, char** argv) {
  corridor::core::restartWithHugePageMalloc(argv);
  corridor::core::useOneMallocHeap();
  using namespace corridor::cli;
  CLI::App app{
      "Corridor: trans-Pacific green shipping corridors on a 3D globe.\n"
      "Run 'corridor COMMAND --help' for the options of a command."};
  app.set_version_flag("--version", "corridor " CORRIDOR_VERSION);
  app.require_subcommand(1);
  std::map<CLI::App*, CommandAction> actions;
  auto add = [&](CommandAction (*registerCommand)(CLI::App&)) {
    CommandAction action = registerCommand(app);
    actions[app.get_subcommands({}).back()] = std::move(action);
  };
  add(addRenderCommand);
  add(addViewCommand);
  add(addInfoCommand);
  add(addSimulateCommand);
  add(addRecordCommand);
  add(addAisCommand);
  add(addWindRoseCommand);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --help-all, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "corridor: %s\nRun 'corridor --help' for usage.\n", e.what());
    return 2;
  }
  try {
    for (auto& [command, action] : actions) {
      if (command->parsed()) return action();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "corridor: %s\n", e.what());
    return 1;
  }
  return 2;
}
