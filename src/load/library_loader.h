#pragma once
// Loading the routine library: YAML files -> Library, with every reference checked.

#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/library.h"

namespace backplan {

struct SourceFile {
  std::string path;  // as shown in messages
  std::string text;
};

// The library compiled into the binary (routines/*.yaml at build time).
std::vector<SourceFile> builtin_library_files();

// A directory (its *.yaml files, in name order) or a single file.
std::vector<SourceFile> read_library_path(const std::string& path);

// Loads layers of files: a later layer adds entries or replaces earlier ones with the same id;
// within one layer an id may appear once. Reports every problem to `sink` and returns what it
// could read; use the result only when `sink` stayed empty.
Library load_library(const std::vector<std::vector<SourceFile>>& layers, DiagnosticSink& sink);

// The built-in library plus any user paths on top; throws Error on the first problem.
Library load_library_or_throw(const std::vector<std::string>& extra_paths);

}  // namespace backplan
