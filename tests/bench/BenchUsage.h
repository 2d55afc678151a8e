#pragma once
// The benchmarks take positional arguments only: -h or --help says what they are, and anything
// else that looks like an option is refused rather than read as a file or a number.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

namespace corridor::bench {

class Usage {
 public:
  // `text`: the arguments with their defaults, then what the benchmark measures.
  Usage(int argc, char** argv, const char* text)
      : name_(std::filesystem::path(argv[0]).filename().string()), text_(text) {
    for (int i = 1; i < argc; ++i) {
      const char* argument = argv[i];
      if (std::strcmp(argument, "-h") == 0 || std::strcmp(argument, "--help") == 0) {
        std::printf("usage: %s %s\n", name_.c_str(), text_);
        std::exit(0);
      }
      const char afterDashes = argument[argument[1] == '-' ? 2 : 1];
      const bool option = argument[0] == '-' && (std::strcmp(argument, "--") == 0 ||
                                                 std::isalpha(static_cast<unsigned char>(afterDashes)));
      if (option) fail((std::string("unknown option ") + argument).c_str());
    }
  }

  // Exits 2 after `problem` and the usage.
  [[noreturn]] void fail(const char* problem) const {
    std::fprintf(stderr, "%s: %s\nusage: %s %s\n", name_.c_str(), problem, name_.c_str(), text_);
    std::exit(2);
  }

 private:
  std::string name_;
  const char* text_;
};

}  // namespace corridor::bench
