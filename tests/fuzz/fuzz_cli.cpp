// libFuzzer harness: the whole command line. The input is split at NUL bytes into arguments and
// given to run_cli. It runs in a scratch directory, which is also its HOME and config home (run it
// with -close_fd_mask=3 to silence the program's own output); an input with '/' or '..' is skipped
// so that nothing outside the scratch directory can be read or written.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace {

void enter_scratch() {
  static bool done = false;
  if (done) return;
  done = true;
  char dir[] = "/tmp/backplan-fuzz-cli-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir) != 0) abort();
  // `profile save` and `profile clear` write under the config home: keep them in here too.
  if (setenv("HOME", dir, 1) != 0 || setenv("XDG_CONFIG_HOME", dir, 1) != 0) abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  enter_scratch();
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (input.find('/') != std::string::npos || input.find("..") != std::string::npos ||
      size > 4096) {
    return 0;
  }
  std::vector<std::string> args{"backplan"};
  std::size_t start = 0;
  while (start <= input.size() && args.size() < 64) {
    std::size_t end = input.find('\0', start);
    if (end == std::string::npos) end = input.size();
    args.push_back(input.substr(start, end - start));
    start = end + 1;
  }
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  (void)backplan::run_cli(static_cast<int>(argv.size()), argv.data());
  return 0;
}
