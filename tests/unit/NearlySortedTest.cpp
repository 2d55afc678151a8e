// core::sortNearlySorted against std::sort: the same order whatever the input, in about one
// comparison a value where the input is nearly in order.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <utility>
#include <vector>

#include "core/NearlySorted.h"

namespace corridor::core {
namespace {

struct Counted {
  std::size_t* comparisons;
  bool operator()(int a, int b) const {
    ++*comparisons;
    return a < b;
  }
};

std::vector<int> sortedCopy(std::vector<int> values) {
  std::sort(values.begin(), values.end());
  return values;
}

TEST(NearlySorted, ValuesOutOfOrderHereAndThereAreSortedInAboutOneComparisonEach) {
  std::mt19937 random(3);
  std::vector<int> values(10000);
  std::iota(values.begin(), values.end(), 0);
  for (std::size_t i = 1; i < values.size(); ++i) {
    if (random() % 3 == 0) std::swap(values[i - 1], values[i]);  // a report a few seconds late
  }
  const std::vector<int> expected = sortedCopy(values);
  std::size_t comparisons = 0;
  sortNearlySorted(values.begin(), values.end(), Counted{&comparisons});
  EXPECT_EQ(values, expected);
  EXPECT_LT(comparisons, 2 * values.size());  // std::sort: some n log2 n, 130,000 here
}

TEST(NearlySorted, AnyOrderEndsSortedAsStdSortSortsIt) {
  std::mt19937 random(5);
  for (std::size_t size : {0u, 1u, 2u, 3u, 17u, 1000u}) {
    std::vector<int> reversed(size), shuffled(size), few(size);
    std::iota(reversed.rbegin(), reversed.rend(), 0);  // the most moves: past the budget
    for (auto& value : shuffled) value = int(random() % 50);  // ties too
    std::iota(few.begin(), few.end(), 0);
    if (size > 2) std::swap(few.front(), few.back());  // one value far out of place
    for (std::vector<int> values : {reversed, shuffled, few}) {
      const std::vector<int> expected = sortedCopy(values);
      sortNearlySorted(values.begin(), values.end(), std::less<>());
      EXPECT_EQ(values, expected) << size;
    }
  }
}

TEST(NearlySorted, EqualValuesKeepTheirOrderWhileTheInsertionSortLasts) {
  std::vector<std::pair<int, int>> values = {{1, 0}, {3, 1}, {2, 2}, {3, 3}, {1, 4}, {2, 5}};
  sortNearlySorted(values.begin(), values.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::vector<std::pair<int, int>> expected = {{1, 0}, {1, 4}, {2, 2}, {2, 5}, {3, 1}, {3, 3}};
  EXPECT_EQ(values, expected);
}

}  // namespace
}  // namespace corridor::core
