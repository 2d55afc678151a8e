#pragma once
// The benchmarks take positional arguments only: -h or --help says what they are, and any other
// argument that starts with a letter after '-' is refused rather than read as a file or a number.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

namespace corridor::bench {

// `usage`: the arguments with their defaults, then what the benchmark measures.
inline void handleHelp(int argc, char** argv, const char* usage) {
  const std::string name = std::filesystem::path(argv[0]).filename().string();
  for (int i = 1; i < argc; ++i) {
    const char* argument = argv[i];
    if (std::strcmp(argument, "-h") == 0 || std::strcmp(argument, "--help") == 0) {
      std::printf("usage: %s %s\n", name.c_str(), usage);
      std::exit(0);
    }
    if (argument[0] == '-' && std::isalpha(static_cast<unsigned char>(argument[argument[1] == '-' ? 2 : 1]))) {
      std::fprintf(stderr, "%s: unknown option %s\nusage: %s %s\n", name.c_str(), argument, name.c_str(), usage);
      std::exit(2);
    }
  }
}

}  // namespace corridor::bench
