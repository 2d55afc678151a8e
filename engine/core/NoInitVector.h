#pragma once
// A column of hundreds of MB that threads fill part by part: std::vector's resize() would have
// one thread zero it all first, faulting in every page, where each thread could fault in its
// own part as it writes it.
#include <memory>
#include <utility>
#include <vector>

namespace corridor::core {

// std::allocator, but construct() without arguments default-initialises: trivial values are
// left as they are (uninitialised) by resize().
template <class T>
struct DefaultInitAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  DefaultInitAllocator() = default;
  template <class U>
  DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}

  template <class U, class... Args>
  void construct(U* at, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      ::new (static_cast<void*>(at)) U;
    } else {
      ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
    }
  }
};

template <class T>
using NoInitVector = std::vector<T, DefaultInitAllocator<T>>;

}  // namespace corridor::core
