// core::SizeWatch: an input that changes size while it is read is named, with both sizes.
#include <gtest/gtest.h>

#include <filesystem>

#include "TestSupport.h"
#include "core/InputFile.h"

namespace corridor::core {
namespace {

TEST(SizeWatch, SaysWhenAFileGrewShrankOrWasNotReadWhole) {
  test::ScratchDir dir;
  const auto path = dir / "ais.csv";
  test::writeTextFile(path, std::string(1000, 'x'));
  const SizeWatch watch(path);
  EXPECT_EQ(watch.sizeAtStart(), 1000u);
  EXPECT_TRUE(watch.unchanged());
  EXPECT_TRUE(watch.unchanged(1000));
  const auto partial = watch.unchanged(600);
  ASSERT_FALSE(partial);
  EXPECT_TRUE(test::containsText(partial.error().message, "ais.csv: changed size while being read (1000 bytes at the "
                                                         "start, 600 read, 1000 bytes at the end)"))
      << partial.error().message;
  std::filesystem::resize_file(path, 1500);  // appended to by a download still running
  const auto grown = watch.unchanged();
  ASSERT_FALSE(grown);
  EXPECT_EQ(exitCode(grown.error()), 1);
  EXPECT_TRUE(test::containsText(grown.error().message, "1500 bytes at the end")) << grown.error().message;
  std::filesystem::remove(path);
  EXPECT_TRUE(test::containsText(watch.unchanged().error().message, "gone at the end"));
}

TEST(SizeWatch, WhatIsNotAFileIsNotWatched) {
  test::ScratchDir dir;
  EXPECT_FALSE(SizeWatch(dir / "").sizeAtStart());
  EXPECT_TRUE(SizeWatch("PG:dbname=ais").unchanged());
}

}  // namespace
}  // namespace corridor::core
