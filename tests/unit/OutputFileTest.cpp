// Outputs replace their file only when whole: a full disk leaves the previous file and no
// temporary behind and says "disk full"; stale temporaries of dead processes go; outputs never
// land on an input or on a file of another kind.
#include "core/OutputFile.h"

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>


#include "TestSupport.h"
#include "core/Image.h"
#include "io/ResultWriters.h"
#include "record/Mp4Writer.h"

namespace corridor::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> folderNames(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A tiny tmpfs (root only) holding `previous.*` files, then filled to the last byte.
class FullDisk {
 public:
  explicit FullDisk(const fs::path& where) : path_(where) {
    fs::create_directories(path_);
    mounted_ = ::geteuid() == 0 && ::mount("tmpfs", path_.c_str(), "tmpfs", 0, "size=256k") == 0;
  }
  ~FullDisk() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  // Writes zeros into `filler` until the device refuses.
  void fill() const {
    std::FILE* file = std::fopen((path_ / "filler").c_str(), "wb");
    ASSERT_NE(file, nullptr);
    const std::vector<char> block(4096, 0);
    while (std::fwrite(block.data(), 1, block.size(), file) == block.size() && std::fflush(file) == 0) {
    }
    std::fclose(file);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
  bool mounted_ = false;
};

#define REQUIRE_FULL_DISK(disk)                                                                        \
  if (!(disk).mounted()) GTEST_SKIP() << "needs root to mount a small tmpfs (CI runs as root)"

// A writer on a full disk: its error says disk full and names the path, the previous file is
// as it was, and nothing else is left in the folder.
template <class Write>
void expectDiskFullKeepsPrevious(const std::string& name, Write write) {
  ScratchDir dir;
  FullDisk disk(dir / "disk");
  REQUIRE_FULL_DISK(disk);
  const fs::path target = disk / name;
  writeTextFile(target, "previous results");
  disk.fill();
  const core::Result<void> written = write(target);
  ASSERT_FALSE(written) << name << " was written on a full disk";
  EXPECT_EQ(written.error().message, target.string() + ": disk full");
  EXPECT_EQ(core::exitCode(written.error()), 1);
  EXPECT_EQ(readTextFile(target), "previous results");
  EXPECT_EQ(folderNames(disk / ""), (std::vector<std::string>{"filler", name}));
}

core::Image testImage(int width, int height) {
  core::Image image(width, height);
  for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = std::uint8_t(i * 2654435761u >> 24);
  return image;  // noise: does not compress below the free space
}

TEST(DiskFull, PngKeepsThePreviousFile) {
  expectDiskFullKeepsPrevious("frame.png", [](const fs::path& path) { return core::writePng(testImage(512, 512), path); });
}

TEST(DiskFull, Mp4KeepsThePreviousFile) {
  expectDiskFullKeepsPrevious("video.mp4", [](const fs::path& path) -> core::Result<void> {
    auto video = record::Mp4Writer::open(path, {320, 240, 10, 0});
    if (!video) return std::unexpected(video.error());
    for (int frame = 0; frame < 10; ++frame) {
      if (auto written = (*video)->write(testImage(320, 240)); !written) return written;
    }
    return (*video)->finish();
  });
}

TEST(DiskFull, CsvKeepsThePreviousFile) {
  expectDiskFullKeepsPrevious("table.csv", [](const fs::path& path) {
    std::vector<io::Row> rows(20000, io::Row{std::string("a fairly long text value"), 1.5});
    return io::writeCsv(path, {{"name", io::FieldType::Text}, {"value", io::FieldType::Real}}, rows);
  });
}

TEST(DiskFull, GeoPackageKeepsThePreviousFile) {
  expectDiskFullKeepsPrevious("tracks.gpkg", [](const fs::path& path) {
    std::vector<io::LineFeature> lines(2000, io::LineFeature{{{0, 0}, {1, 1}, {2, 0}}, {1.0}});
    return io::writeLineLayer(path, "voyages", {{"value", io::FieldType::Real}}, lines);
  });
}

TEST(DiskFull, GeoTiffKeepsThePreviousFile) {
  expectDiskFullKeepsPrevious("hotspots.tif", [](const fs::path& path) {
    std::vector<float> noise(512 * 512);
    for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = float(i * 2654435761u % 1000003);
    return io::writeGeoTiff(path, 512, 512, {0, 0.01, 0, 10, 0, -0.01}, {{"noise", noise}});
  });
}

TEST(PendingOutput, ReplacesTheTargetOnlyOnCommit) {
  ScratchDir dir;
  writeTextFile(dir / "out.png", "old");
  {
    auto output = core::PendingOutput::begin(dir / "out.png");
    ASSERT_TRUE(output);
    EXPECT_EQ(output->temporary().parent_path(), (dir / "out.png").parent_path());
    EXPECT_EQ(output->temporary().extension(), ".png");  // drivers pick formats by it
    writeTextFile(output->temporary(), "new");
    EXPECT_EQ(readTextFile(dir / "out.png"), "old");
  }  // abandoned
  EXPECT_EQ(folderNames(dir / ""), (std::vector<std::string>{"out.png"}));
  auto output = core::PendingOutput::begin(dir / "out.png");
  writeTextFile(output->temporary(), "new");
  ASSERT_TRUE(output->commit());
  EXPECT_EQ(readTextFile(dir / "out.png"), "new");
  EXPECT_EQ(folderNames(dir / ""), (std::vector<std::string>{"out.png"}));
}

TEST(PendingOutput, RemovesTheTemporariesOfDeadProcessesOnly) {
  ScratchDir dir;
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);  // a PID that no longer runs
  const std::string dead = std::to_string(child), alive = std::to_string(::getppid());
  writeTextFile(dir / ("a.mp4.partial-" + dead + "-0.mp4"), "x");
  fs::create_directories(dir / (".partial-" + dead + "-3"));
  writeTextFile(dir / ("b.gpkg.partial-" + alive + "-0.gpkg"), "in use");
  writeTextFile(dir / ("c.gpkg.partial-" + dead + "-1.gpkg-journal"), "x");
  writeTextFile(dir / "notes.partial-draft.txt", "a user's file");
  writeTextFile(dir / ("notes.partial-" + dead + "-1.txt"), "a user's file of the same look");
  fs::create_directories(dir / ("photos.partial-" + dead + "-2"));  // a user's folder
  auto output = core::PendingOutput::begin(dir / "c.png");
  ASSERT_TRUE(output);
  EXPECT_EQ(folderNames(dir / ""),
            (std::vector<std::string>{"b.gpkg.partial-" + alive + "-0.gpkg", "notes.partial-" + dead + "-1.txt",
                                      "notes.partial-draft.txt", "photos.partial-" + dead + "-2"}));
}

TEST(PendingFolder, MovesEveryFileInOnlyWhenCommitted) {
  ScratchDir dir;
  writeTextFile(dir / "a.csv", "port,t\nold a");
  writeTextFile(dir / "keep.txt", "unrelated");
  {
    auto folder = core::PendingFolder::begin(dir / "");
    ASSERT_TRUE(folder);
    writeTextFile(folder->path() / "a.csv", "port,t\nnew a");
  }  // a writer failed: nothing moves
  EXPECT_EQ(readTextFile(dir / "a.csv"), "port,t\nold a");
  EXPECT_EQ(folderNames(dir / ""), (std::vector<std::string>{"a.csv", "keep.txt"}));
  auto folder = core::PendingFolder::begin(dir / "");
  writeTextFile(folder->path() / "a.csv", "port,t\nnew a");
  writeTextFile(folder->path() / "b.tif", std::string("II*") + '\0' + "new b");
  ASSERT_TRUE(folder->commit());
  EXPECT_EQ(readTextFile(dir / "a.csv"), "port,t\nnew a");
  EXPECT_EQ(folderNames(dir / ""), (std::vector<std::string>{"a.csv", "b.tif", "keep.txt"}));
}

TEST(PendingFolder, ReplacesOnlyFilesOfTheSameKindUnlessForced) {
  ScratchDir dir;
  writeTextFile(dir / "a.csv", "port,t\nold a");
  writeTextFile(dir / "b.tif", "my notes, not a TIFF");
  auto write = [&](bool force) {
    auto folder = core::PendingFolder::begin(dir / "", force);
    EXPECT_TRUE(folder);
    writeTextFile(folder->path() / "a.csv", "port,t\nnew a");
    writeTextFile(folder->path() / "b.tif", std::string("II*") + '\0' + "new b");
    return folder->commit();
  };
  const auto refused = write(false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(core::exitCode(refused.error()), 2);
  EXPECT_TRUE(containsText(refused.error().message, "b.tif: exists and is not a GeoTIFF")) << refused.error().message;
  EXPECT_EQ(readTextFile(dir / "a.csv"), "port,t\nold a");  // all or nothing
  EXPECT_EQ(readTextFile(dir / "b.tif"), "my notes, not a TIFF");
  EXPECT_EQ(folderNames(dir / ""), (std::vector<std::string>{"a.csv", "b.tif"}));  // no temporary left
  writeTextFile(dir / "b.tif", std::string("II*") + '\0' + "an older TIFF");
  writeTextFile(dir / "a.csv", "a letter, not a table?\n");  // text with a comma: a table all the same
  ASSERT_TRUE(write(false));
  writeTextFile(dir / "a.csv", std::string("SQLite format 3") + '\0');  // a GeoPackage named .csv
  EXPECT_FALSE(core::PendingFolder::checkReplaceable(dir / "", {"a.csv", "b.tif"}, false));
  EXPECT_TRUE(core::PendingFolder::checkReplaceable(dir / "", {"b.tif", "missing.csv"}, false));
  ASSERT_TRUE(write(true));
  EXPECT_EQ(readTextFile(dir / "a.csv"), "port,t\nnew a");
  EXPECT_EQ(readTextFile(dir / "b.tif"), std::string("II*") + '\0' + "new b");
}

TEST(OutputTarget, RefusesAnInputAWrongExtensionAndAFileOfAnotherKind) {
  ScratchDir dir;
  writeTextFile(dir / "zones.geojson", "{}");
  writeTextFile(dir / "ais.gpkg", std::string("SQLite format 3") + '\0' + "rest");
  writeTextFile(dir / "notes.png", "not a picture");
  auto check = [&](const std::string& out, core::OutputKind kind, bool force = false) {
    return core::checkOutputTarget(dir / out, kind, {(dir / "zones.geojson").string() + ":zones:color=#ff0000",
                                                     (dir / "ais.gpkg").string()}, force);
  };
  const auto wrongExtension = check("zones.geojson", core::OutputKind::Png);
  ASSERT_FALSE(wrongExtension);
  EXPECT_EQ(core::exitCode(wrongExtension.error()), 2);
  EXPECT_NE(wrongExtension.error().message.find("give it the extension .png"), std::string::npos);
  const auto input = check("ais.gpkg", core::OutputKind::GeoPackage, true);  // even with --force
  ASSERT_FALSE(input);
  EXPECT_NE(input.error().message.find("is the input"), std::string::npos) << input.error().message;
  const auto otherKind = check("notes.png", core::OutputKind::Png);
  ASSERT_FALSE(otherKind);
  EXPECT_NE(otherKind.error().message.find("--force"), std::string::npos);
  EXPECT_TRUE(check("notes.png", core::OutputKind::Png, true));
  EXPECT_TRUE(check("new.png", core::OutputKind::Png));
  ASSERT_TRUE(core::writePng(testImage(4, 4), dir / "ours.png"));
  EXPECT_TRUE(check("ours.png", core::OutputKind::Png));
  // The viewer saves tours only over tours it saved, never over a scenario.
  writeTextFile(dir / "scenario.toml", "[scenario]\nname = \"x\"\n");
  writeTextFile(dir / "tour.toml", "# Corridor camera tour (docs/TOURS.md): keyframes at scenario times.\n");
  EXPECT_FALSE(check("scenario.toml", core::OutputKind::Tour));
  EXPECT_TRUE(check("tour.toml", core::OutputKind::Tour));
  EXPECT_TRUE(check("OURS.PNG", core::OutputKind::Png));
}

TEST(OutputTarget, APathStaysUnderItsFolderOnlyWithoutClimbingOut) {
  EXPECT_TRUE(core::staysUnder("out", "out/baseline/hotspots_LAX.tif"));
  EXPECT_TRUE(core::staysUnder("/data/out/", "/data/out/./a.csv"));
  EXPECT_FALSE(core::staysUnder("out", "out/../../x/a.csv"));
  EXPECT_FALSE(core::staysUnder("out", "out/hotspots_../../x.tif/.."));
  EXPECT_FALSE(core::staysUnder("out", "elsewhere/a.csv"));
  EXPECT_FALSE(core::staysUnder("out", "out"));
}

}  // namespace
}  // namespace corridor::test
