// backplan_codegen OUT.cpp: loads the built-in routine library (routines/*.yaml, embedded) with
// the same loader and checks as the program, and writes it as C++ data. Any problem in the YAML
// fails the build with its path:line:col.
#include <cstdio>

#include "io/output.h"
#include "load/library_codegen.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: backplan_codegen OUT.cpp\n", stderr);
    return 2;
  }
  try {
    backplan::DiagnosticSink sink;
    const backplan::Library lib = backplan::load_library({backplan::builtin_library_files()}, sink);
    for (const auto& d : sink.items()) std::fputs((format_diagnostic(d) + "\n").c_str(), stderr);
    if (!sink.empty()) return 3;
    backplan::write_output(argv[1], backplan::library_to_cpp(lib));
  } catch (const backplan::Error& e) {
    std::fputs((e.message() + "\n").c_str(), stderr);
    return static_cast<int>(e.code());
  }
  return 0;
}
