#pragma once
// Reading the project's TOML files (scenarios, camera tours) with errors that name the file,
// line and key. Header-only; users link tomlplusplus.
#include <cmath>
#include <filesystem>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <string>
#include <toml++/toml.h>

#include "core/InputFile.h"
#include "core/Result.h"

namespace corridor::sim {

// A problem at a place in the file; turned into "FILE:LINE: KEY: message" at the top.
struct SchemaError : std::runtime_error {
  SchemaError(const toml::node& node, std::string where, const std::string& message)
      : std::runtime_error(message), line(node.source().begin.line), key(std::move(where)) {}
  std::uint32_t line;
  std::string key;
};

// Reads one table, remembering which keys were used so that the rest can be reported as
// unknown (a misspelt key must not silently fall back to a default).
class TableReader {
 public:
  TableReader(const toml::table& table, std::string path) : table_(table), path_(std::move(path)) {}

  std::string key(const std::string& name) const { return path_.empty() ? name : path_ + "." + name; }

  const toml::node* find(const std::string& name) {
    used_.insert(name);
    return table_.get(name);
  }
  const toml::node& require(const std::string& name) {
    const toml::node* node = find(name);
    if (!node) throw SchemaError(table_, key(name), "missing (required)");
    return *node;
  }

  double number(const std::string& name, double fallback, double min, double max) {
    const toml::node* node = find(name);
    return node ? checkedNumber(*node, name, min, max) : fallback;
  }
  double number(const std::string& name, double min, double max) {
    return checkedNumber(require(name), name, min, max);
  }
  double checkedNumber(const toml::node& node, const std::string& name, double min, double max) const {
    const auto value = node.value<double>();
    if (!value || !node.is_number()) throw SchemaError(node, key(name), "expected a number");
    if (!std::isfinite(*value) || *value < min || *value > max) {
      throw SchemaError(node, key(name), "value " + format(*value) + " is outside " + format(min) +
                                             ".." + format(max));
    }
    return *value;
  }
  int integer(const std::string& name, int fallback, int min, int max) {
    const toml::node* node = find(name);
    if (!node) return fallback;
    if (!node->is_integer()) throw SchemaError(*node, key(name), "expected a whole number");
    return int(checkedNumber(*node, name, min, max));
  }
  std::string string(const std::string& name) {
    const toml::node& node = require(name);
    if (!node.is_string()) throw SchemaError(node, key(name), "expected a string");
    return *node.value<std::string>();
  }
  std::string string(const std::string& name, const std::string& fallback) {
    return find(name) ? string(name) : fallback;
  }
  bool boolean(const std::string& name, bool fallback) {
    const toml::node* node = find(name);
    if (!node) return fallback;
    if (!node->is_boolean()) throw SchemaError(*node, key(name), "expected true or false");
    return *node->value<bool>();
  }
  const toml::table& table(const std::string& name) {
    const toml::node& node = require(name);
    if (!node.is_table()) throw SchemaError(node, key(name), "expected a table");
    return *node.as_table();
  }
  const toml::array& array(const std::string& name) {
    const toml::node& node = require(name);
    if (!node.is_array()) throw SchemaError(node, key(name), "expected an array");
    return *node.as_array();
  }

  void rejectUnknownKeys() const {
    for (const auto& [name, node] : table_) {
      if (!used_.count(std::string(name.str()))) {
        std::string known;
        for (const auto& k : used_) known += (known.empty() ? "" : ", ") + k;
        throw SchemaError(node, key(std::string(name.str())), "unknown key (expected one of: " + known + ")");
      }
    }
  }

  const toml::table& node() const { return table_; }

 private:
  static std::string format(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
  }
  const toml::table& table_;
  std::string path_;
  std::set<std::string> used_;
};

// The file's table, or "PATH:LINE:COLUMN: malformed TOML: ..." ("PATH: no such WHAT").
inline core::Result<toml::table> parseTomlFile(const std::filesystem::path& path, const std::string& what) {
  if (auto file = core::requireRegularFile(path, what); !file) return std::unexpected(file.error());
  try {
    return toml::parse_file(path.string());
  } catch (const toml::parse_error& error) {
    return core::dataError(path.string() + ":" + std::to_string(error.source().begin.line) + ":" +
                           std::to_string(error.source().begin.column) + ": malformed TOML: " +
                           std::string(error.description()));
  }
}

}  // namespace corridor::sim
