#pragma once
// `backplan plan`: a person's circumstances -> today's routine.

#include <optional>
#include <string>
#include <vector>

#include "profile.h"

namespace backplan {

enum class Format { text, json };

struct PlanOptions {
  ProfileFlags profile;
  std::optional<std::string> profile_file;
  std::vector<std::string> routines;  // extra library paths, on top of the built-in one
  Format format = Format::text;
  std::string output = "-";
};

// Runs the command; returns the exit code. Errors are thrown as Error.
int run_plan(const PlanOptions& options);

}  // namespace backplan
