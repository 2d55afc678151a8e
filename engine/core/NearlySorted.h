#pragma once
#include <algorithm>
#include <cstddef>
#include <iterator>

namespace corridor::core {

// Sorts a range that is mostly in order already, such as a vessel's reports read in file order,
// out of order by a report or two here and there: an insertion sort, a pass and a move per step
// out of place, until it has moved more than a few times the values; then std::sort, n log n
// whatever the order. Stable as long as no std::sort is needed.
template <class RandomIt, class Less>
void sortNearlySorted(RandomIt first, RandomIt last, Less less) {
  const auto size = std::size_t(last - first);
  std::size_t movesLeft = 4 * size + 64;
  for (RandomIt i = first + (size > 0); i < last; ++i) {
    if (!less(*i, *(i - 1))) continue;
    auto value = std::move(*i);
    RandomIt at = i;
    for (; at != first && less(value, *(at - 1)) && movesLeft > 0; --at, --movesLeft) *at = std::move(*(at - 1));
    *at = std::move(value);
    if (movesLeft == 0) {
      std::sort(first, last, less);
      return;
    }
  }
}

}  // namespace corridor::core
