#include "core/Log.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

namespace corridor::core {
namespace {

LogLevel thresholdFromEnvironment() {
  const char* value = std::getenv("CORRIDOR_LOG");
  const std::string level = value ? value : "";
  if (level == "debug") return LogLevel::Debug;
  if (level == "info") return LogLevel::Info;
  if (level == "error") return LogLevel::Error;
  return LogLevel::Warn;
}

struct LogState {
  std::mutex mutex;
  LogLevel threshold = thresholdFromEnvironment();
  LogSink sink;
};

LogState& state() {
  static LogState instance;
  return instance;
}

const char* prefix(LogLevel level) {
  switch (level) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warn: return "warning";
    case LogLevel::Error: return "error";
  }
  return "";
}

}  // namespace

void setLogThreshold(LogLevel level) {
  std::lock_guard lock(state().mutex);
  state().threshold = level;
}

LogLevel logThreshold() {
  std::lock_guard lock(state().mutex);
  return state().threshold;
}

void setLogSink(LogSink sink) {
  std::lock_guard lock(state().mutex);
  state().sink = std::move(sink);
}

std::string withoutSecrets(std::string_view text) {
  constexpr std::string_view kKey = "password=";
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = text.find(kKey); at != std::string_view::npos; at = text.find(kKey, from)) {
    const std::size_t value = at + kKey.size();
    std::size_t end = value;
    if (end < text.size() && (text[end] == '\'' || text[end] == '"')) {
      const std::size_t close = text.find(text[end], end + 1);
      end = close == std::string_view::npos ? text.size() : close + 1;
    } else {
      while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n') ++end;
    }
    out.append(text.substr(from, value - from)).append("***");
    from = end;
  }
  return out.append(text.substr(from));
}

void log(LogLevel level, std::string_view original) {
  const std::string shown = withoutSecrets(original);
  const std::string_view message = shown;
  std::lock_guard lock(state().mutex);
  if (state().sink) {
    state().sink(level, message);
    return;
  }
  if (level < state().threshold) return;
  std::fprintf(stderr, "corridor %s: %.*s\n", prefix(level), static_cast<int>(message.size()),
               message.data());
}

}  // namespace corridor::core
