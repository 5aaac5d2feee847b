#pragma once
// `backplan plan`: a person's circumstances -> today's routine.

#include <optional>
#include <string>
#include <vector>

#include "model/format.h"
#include "resolve/profile.h"
#include "text/date.h"

#include "render/handout.h"

namespace backplan {

struct PlanOptions {
  ProfileFlags profile;
  std::optional<std::string> profile_file;  // used instead of the saved profile
  bool no_config = false;                   // ignore the saved profile (config.h)
  std::vector<std::string> routines;        // extra library paths, on top of the built-in one
  Format format = Format::text;
  std::optional<std::string> date;  // printed on markdown and html handouts (YYYY-MM-DD)
  bool brief = false;               // steps, doses and times only
  ClinicInfo clinic;                // printed on markdown and html handouts
  std::string output = "-";
  std::optional<std::string> paper;  // --paper a4|letter (pdf); default: from the locale
  std::optional<std::string> diary;  // --diary FILE: the diary the plan follows
  bool no_diary = false;             // --no-diary: plan as though there were none
  CivilDate today;                   // the clock, read at the edge
};

// Runs the command; returns the exit code. Errors are thrown as Error.
int run_plan(const PlanOptions& options);

}  // namespace backplan
