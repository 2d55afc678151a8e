#include <cstdio>

#include "Commands.h"
#include "io/DatasetInfo.h"

namespace corridor::cli {

CommandAction addInfoCommand(CLI::App& app) {
  auto* command = app.add_subcommand(
      "info", "Print what Corridor sees in a dataset: driver, layers, geometry types, CRS, "
              "feature counts, extent (rasters: size, bands, CRS)");
  auto path = std::make_shared<std::string>();
  command->add_option("PATH", *path, "Any dataset GDAL can open (vector or raster)")->required();
  return [path] {
    auto report = io::describeDataset(*path);
    if (!report) return reportError(report.error());
    std::fputs(report->c_str(), stdout);
    return 0;
  };
}

}  // namespace corridor::cli
