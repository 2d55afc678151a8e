// The fuzz targets without libFuzzer (the GCC build of scripts/test): every seed input is run,
// then mutations of them (bytes flipped, inserted, erased; inputs cut and spliced) for a fixed
// time, so that the inputs that once crashed or hung, and their neighbours, stay regressions.
// Usage: fuzz_TARGET --seconds N CORPUS_DIR...
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using Input = std::vector<std::uint8_t>;

// The input being run, written to fuzz-crash-input (in the working folder) if it crashes.
const Input* running = nullptr;

extern "C" void saveCrashingInput(int signal) {
  if (running) {
    const int fd = ::open("fuzz-crash-input", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      [[maybe_unused]] const ssize_t written = ::write(fd, running->data(), running->size());
      ::close(fd);
    }
    const char note[] = "crashed; the input is in fuzz-crash-input\n";
    [[maybe_unused]] const ssize_t shown = ::write(2, note, sizeof note - 1);
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void run(const Input& input) {
  running = &input;
  LLVMFuzzerTestOneInput(input.data(), input.size());
  running = nullptr;
}

std::vector<Input> readCorpus(const std::vector<std::filesystem::path>& folders) {
  std::vector<Input> inputs;
  for (const auto& folder : folders) {
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      std::ifstream in(entry.path(), std::ios::binary);
      inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  return inputs;
}

Input mutate(const std::vector<Input>& corpus, std::mt19937_64& random) {
  Input input = corpus[random() % corpus.size()];
  const int edits = 1 + int(random() % 8);
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = input.empty() ? 0 : random() % input.size();
    switch (random() % 5) {
      case 0:
        if (!input.empty()) input[at] = std::uint8_t(random());
        break;
      case 1:
        input.insert(input.begin() + std::ptrdiff_t(at), std::uint8_t(random()));
        break;
      case 2:
        if (!input.empty()) input.erase(input.begin() + std::ptrdiff_t(at));
        break;
      case 3:
        input.resize(at);
        break;
      default: {  // a piece of another input spliced in
        const Input& other = corpus[random() % corpus.size()];
        if (other.empty()) break;
        const std::size_t from = random() % other.size(), length = std::min<std::size_t>(other.size() - from, 64);
        input.insert(input.begin() + std::ptrdiff_t(at), other.begin() + std::ptrdiff_t(from),
                     other.begin() + std::ptrdiff_t(from + length));
      }
    }
  }
  return input;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 0;
  std::vector<std::filesystem::path> folders;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else {
      folders.emplace_back(argv[i]);
    }
  }
  const std::vector<Input> corpus = readCorpus(folders);
  if (corpus.empty()) {
    std::fprintf(stderr, "usage: %s --seconds N CORPUS_DIR... (no inputs found)\n", argv[0]);
    return 2;
  }
  for (int signal : {SIGSEGV, SIGABRT, SIGFPE, SIGBUS, SIGILL}) std::signal(signal, saveCrashingInput);
  for (const Input& input : corpus) run(input);
  std::mt19937_64 random(20261202);
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  long runs = long(corpus.size());
  while (std::chrono::steady_clock::now() < end) {
    run(mutate(corpus, random));
    ++runs;
  }
  std::printf("%ld inputs (%zu seeds) without a crash\n", runs, corpus.size());
  return 0;
}
