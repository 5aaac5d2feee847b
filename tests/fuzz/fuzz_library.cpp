// libFuzzer harness: the routine-library loader on arbitrary bytes, as one library file. Any
// input must give a library or diagnostics; never a crash, a hang or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string>

#include "commands/cmd_validate.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  backplan::DiagnosticSink sink;
  const backplan::Library lib = backplan::load_library({{{"fuzz.yaml", text}}}, sink);
  if (sink.empty()) {
    // A library that loads is also checked slot by slot, which plans with it.
    backplan::DiagnosticSink slots;
    backplan::check_slots_fit(lib, slots);
  }
  return 0;
}
