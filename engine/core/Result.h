#pragma once
#include <expected>
#include <string>
#include <utility>

namespace corridor::core {

// What went wrong decides the exit code: bad command line -> 2, a signal -> 128 + the signal,
// anything else -> 1.
enum class ErrorKind { Usage, Data, Device, Io, Internal, Interrupted };

struct Error {
  ErrorKind kind = ErrorKind::Data;
  std::string message;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
  return std::unexpected(Error{kind, std::move(message)});
}
inline std::unexpected<Error> usageError(std::string message) {
  return fail(ErrorKind::Usage, std::move(message));
}
inline std::unexpected<Error> dataError(std::string message) {
  return fail(ErrorKind::Data, std::move(message));
}

int interruptingSignal();  // core/Interruption.h

inline int exitCode(const Error& error) {
  if (error.kind == ErrorKind::Interrupted) return 128 + interruptingSignal();
  return error.kind == ErrorKind::Usage ? 2 : 1;
}

}  // namespace corridor::core
