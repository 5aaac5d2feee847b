#pragma once
// The planner: a pure, deterministic function from a library and a profile to a plan.

#include <variant>
#include <vector>

#include "model/library.h"
#include "model/plan.h"
#include "model/profile.h"
#include "model/progress.h"

namespace backplan {

// A red flag was raised: no plan, only advice to seek care.
struct RedFlagStop {
  std::vector<Notice> reasons;  // level stop, one per red flag
};

using PlanResult = std::variant<Plan, RedFlagStop>;

// The profile must have been resolved against this library (resolve_profile).
PlanResult make_plan(const Library& lib, const Profile& profile);

// The same, with each ladder where the diary puts it (plan/progress.h: progress_from): the step
// and its dose step, each change with its reason (CauseKind::progress); two hard sessions make
// it a flare-up day. A level the person chose (profile.level_assumed false) stands, and the
// conditions' caps (max_level, progression, dose rules) always apply on top.
PlanResult make_plan(const Library& lib, const Profile& profile, const Progress& progress);

}  // namespace backplan
