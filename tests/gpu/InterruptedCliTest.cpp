// Long commands stopped midway: SIGTERM removes the temporaries and keeps the previous results;
// SIGKILL leaves a temporary that the next run removes; neither leaves a half-written file
// under a final name. Also outputs that would escape --out or overwrite an input.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "AisFixtures.h"
#include "RunCommand.h"
#include "TestSupport.h"

namespace corridor::test {
namespace {

namespace fs = std::filesystem;

bool holdsTemporary(const fs::path& folder) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().find(".partial-") != std::string::npos) return true;
  }
  return false;
}

// Starts `arguments` (the shell is not involved: the signal goes to corridor itself), sends
// `signal` once a temporary appears under `watched`, and returns the exit status as the shell
// gives it (128 + signal for a killed process).
int runAndSignal(const std::vector<std::string>& arguments, const fs::path& watched, int signal) {
  const pid_t child = ::fork();
  if (child == 0) {
    std::vector<char*> argv;
    for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    ::freopen("/dev/null", "w", stdout);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  bool signalled = false;
  int status = 0;
  while (::waitpid(child, &status, WNOHANG) == 0) {
    if (!signalled && holdsTemporary(watched)) {
      ::kill(child, signal);
      signalled = true;
    }
    if (std::chrono::steady_clock::now() > deadline) ::kill(child, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_TRUE(signalled) << "the command finished before a temporary appeared";
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::vector<std::string> simulateAllYears(const fs::path& out) {
  return {CORRIDOR_BINARY, "simulate", "--scenario", "default", "--variant", "baseline", "--out", out.string()};
}

TEST(CliInterrupted, SimulateStoppedMidwayKeepsThePreviousResults) {
  ScratchDir dir;
  const fs::path out = dir / "results";
  const CommandResult first = runCommand(std::string(CORRIDOR_BINARY) +
                                         " simulate --scenario default --variant baseline --from 2031 --to 2031 --out " +
                                         out.string());
  ASSERT_EQ(first.exitCode, 0) << first.output;
  const std::string previous = readTextFile(out / "emissions_by_port_year.csv");
  ASSERT_FALSE(previous.empty());

  EXPECT_EQ(runAndSignal(simulateAllYears(out), out, SIGTERM), 128 + SIGTERM);
  EXPECT_EQ(readTextFile(out / "emissions_by_port_year.csv"), previous);
  EXPECT_FALSE(holdsTemporary(out)) << "SIGTERM removes the temporary folder";

  EXPECT_EQ(runAndSignal(simulateAllYears(out), out, SIGKILL), 128 + SIGKILL);
  EXPECT_EQ(readTextFile(out / "emissions_by_port_year.csv"), previous) << "nothing half-written under a final name";
  EXPECT_TRUE(holdsTemporary(out)) << "SIGKILL cannot clean up";
  const CommandResult next = runCommand(std::string(CORRIDOR_BINARY) +
                                        " simulate --scenario default --variant baseline --from 2031 --to 2031 --out " +
                                        out.string());
  ASSERT_EQ(next.exitCode, 0) << next.output;
  EXPECT_FALSE(holdsTemporary(out)) << "the next run removes a dead process's temporaries";
}

TEST(CliInterrupted, AisExportStoppedMidwayKeepsThePreviousExport) {
  ScratchDir dir;
  // 60 ships reporting every 10 s for a day: long enough to be caught writing its points.
  {
    std::ofstream csv(dir / "day.csv");
    csv << kMarineCadastreHeader << "\n";
    for (int second = 0; second < 86400; second += 10) {
      for (int ship = 0; ship < 60; ++ship) {
        char time[32];
        std::snprintf(time, sizeof time, "2022-06-01T%02d:%02d:%02d", second / 3600, second / 60 % 60, second % 60);
        csv << marineCadastreRow(367000100 + ship, time, 20 + ship * 0.1, -140 + second * 1e-5) << "\n";
      }
    }
  }
  const fs::path out = dir / "tracks.gpkg";
  writeTextFile(dir / "small.csv", std::string(kMarineCadastreHeader) + "\n" +
                                       marineCadastreRow(367000001, juneFirst(0, 0), 33.7, -118.3) + "\n" +
                                       marineCadastreRow(367000001, juneFirst(0, 10), 33.71, -118.3) + "\n");
  const CommandResult first = runCommand(std::string(CORRIDOR_BINARY) + " ais export " + (dir / "small.csv").string() +
                                         " --out " + out.string());
  ASSERT_EQ(first.exitCode, 0) << first.output;
  const std::string previous = readTextFile(out);

  const std::vector<std::string> exportDay{CORRIDOR_BINARY, "ais", "export", (dir / "day.csv").string(), "--points",
                                           "--out", out.string()};
  EXPECT_EQ(runAndSignal(exportDay, dir / "", SIGTERM), 128 + SIGTERM);
  EXPECT_EQ(readTextFile(out), previous);
  EXPECT_FALSE(holdsTemporary(dir / "")) << "SIGTERM removes the temporary GeoPackage and its journal";

  EXPECT_EQ(runAndSignal(exportDay, dir / "", SIGKILL), 128 + SIGKILL);
  EXPECT_EQ(readTextFile(out), previous);
  const CommandResult next = runCommand(std::string(CORRIDOR_BINARY) + " ais export " + (dir / "small.csv").string() +
                                        " --out " + out.string());
  ASSERT_EQ(next.exitCode, 0) << next.output;
  EXPECT_FALSE(holdsTemporary(dir / "")) << "the next run removes a dead process's temporaries";
}

TEST(CliOutputs, AnOutputOverAnInputIsRefusedAndTheInputKept) {
  ScratchDir dir;
  const std::string day = std::string(kMarineCadastreHeader) + "\n" +
                          marineCadastreRow(367000001, juneFirst(0, 0), 33.7, -118.3) + "\n";
  writeTextFile(dir / "a.csv", day);
  const CommandResult csv = runCommand(std::string(CORRIDOR_BINARY) + " ais export " + (dir / "a.csv").string() +
                                       " --out " + (dir / "a.csv").string());
  EXPECT_EQ(csv.exitCode, 2) << csv.output;
  EXPECT_TRUE(containsText(csv.output, "give it the extension .gpkg")) << csv.output;
  EXPECT_EQ(readTextFile(dir / "a.csv"), day);
  writeTextFile(dir / "zones.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}");
  const CommandResult png = runCommand(std::string(CORRIDOR_BINARY) + " render --scenario none --layer " +
                                       (dir / "zones.geojson").string() + " --out " + (dir / "zones.geojson").string());
  EXPECT_EQ(png.exitCode, 2) << png.output;
  EXPECT_TRUE(containsText(png.output, "give it the extension .png")) << png.output;
}

TEST(CliOutputs, AVariantNamedLikeAPathWritesNothingOutsideOut) {
  ScratchDir dir;
  const std::string text = readTextFile(fs::path(CORRIDOR_SOURCE_DIR) / "assets" / "scenarios" / "transpacific.toml") +
                           "\n[variants.\"../../x\"]\ndescription = \"escape\"\n";
  fs::create_directories(dir / "a" / "b");
  writeTextFile(dir / "a" / "b" / "s.toml", text);
  const CommandResult run = runCommand(std::string(CORRIDOR_BINARY) + " simulate --scenario " +
                                       (dir / "a" / "b" / "s.toml").string() + " --out " + (dir / "a" / "b" / "out").string());
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_TRUE(containsText(run.output, "only letters, digits")) << run.output;
  EXPECT_FALSE(fs::exists(dir / "x"));
  EXPECT_FALSE(fs::exists(dir / "a" / "b" / "out"));
}

}  // namespace
}  // namespace corridor::test
