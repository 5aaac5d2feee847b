// The built-in library (compiled into data at build time) and user libraries layered on it.
#include "load/library_codegen.h"
#include "load/library_loader.h"

namespace backplan {

Library load_library_or_throw(const std::vector<std::string>& extra_paths) {
  if (extra_paths.empty()) return compiled_builtin_library();
  // Layering needs the YAML: the built-in files are parsed, then the user's on top.
  std::vector<std::vector<SourceFile>> layers{builtin_library_files()};
  for (const auto& path : extra_paths) layers.push_back(read_library_path(path));
  DiagnosticSink sink;
  Library lib = load_library(layers, sink);
  sink.throw_if_any();
  return lib;
}

}  // namespace backplan
