#pragma once
// `backplan validate [PATH...]`: checks a routine library and reports every problem.

#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/library.h"

namespace backplan {

struct ValidateOptions {
  std::vector<std::string> paths;  // none: the built-in library
  bool alone = false;              // check the paths as a whole library, without the built-in one
};

// Checks that every routine slot can be filled for a person with every tool, with and without
// floor access: a slot nothing can fill then is a hole in the library, not a safety choice.
void check_slots_fit(const Library& lib, DiagnosticSink& sink);

// Prints every problem as "path:line:col: error: ..." on stderr and a summary on stdout;
// returns ok, or bad_data when there was any problem.
int run_validate(const ValidateOptions& options);

}  // namespace backplan
