#pragma once
// What `plan` and `log` share: the library loaded, the profile resolved (flags over --profile FILE
// or the saved profile), and today's plan made from them, so that `log` records exactly the plan
// `plan` prints.

#include <optional>
#include <string>
#include <vector>

#include "model/library.h"
#include "plan/planner.h"
#include "resolve/profile.h"
#include "text/date.h"

namespace backplan {

struct PlanSource {
  ProfileFlags profile;
  std::optional<std::string> profile_file;  // used instead of the saved profile ('-': stdin)
  bool no_config = false;                   // ignore the saved profile
  std::vector<std::string> routines;        // extra library paths, on top of the built-in one
  // The diary the plan follows (--diary FILE, else the default one when it exists); no_diary:
  // plan as though there were none (--no-diary).
  std::optional<std::string> diary;
  bool no_diary = false;
  CivilDate today;  // the clock, read at the edge: which sessions are past, and recent
};

struct PlannedDay {
  Library lib;
  Profile profile;
  PlanResult result;
  bool saved_used = false;  // the profile started from the saved profile
  ClinicInfo file_clinic;   // the clinic fields of --profile FILE or the saved profile
};

// Throws Error for a bad flag, library or profile file (the saved profile's errors say how to get
// past it).
PlannedDay plan_today(const PlanSource& source);

// The plan a session follows (`log`, `go`), with the library it was made from (`go` draws each
// step's figure from it): plan_today's, or an Error when there is none to follow: red_flag
// ("WHAT: with what you reported there is no plan to follow; ...") or held ("WHAT: the plan is on
// hold until a clinician clears it; ...").
struct SessionPlan {
  Library lib;
  Plan plan;
};
SessionPlan session_plan(const PlanSource& source, const std::string& what);

}  // namespace backplan
