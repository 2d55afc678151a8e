#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace corridor::core {

enum class LogLevel { Debug, Info, Warn, Error };

// Messages below the threshold are dropped; the default comes from CORRIDOR_LOG
// (debug|info|warn|error, default warn) so normal runs print nothing but results.
void setLogThreshold(LogLevel level);
LogLevel logThreshold();

// Replaces the stderr sink (tests capture messages); pass nullptr to restore it.
using LogSink = std::function<void(LogLevel, std::string_view)>;
void setLogSink(LogSink sink);

// `text` with the value of every `password=` (a PostgreSQL connection string's) shown as ***:
// what Corridor prints names databases by their connection strings.
std::string withoutSecrets(std::string_view text);

// Logs `message` withoutSecrets.
void log(LogLevel level, std::string_view message);
inline void logDebug(std::string_view m) { log(LogLevel::Debug, m); }
inline void logInfo(std::string_view m) { log(LogLevel::Info, m); }
inline void logWarn(std::string_view m) { log(LogLevel::Warn, m); }
inline void logError(std::string_view m) { log(LogLevel::Error, m); }

}  // namespace corridor::core
