#pragma once
// The planner: a pure, deterministic function from a library and a profile to a plan.

#include <variant>
#include <vector>

#include "model/library.h"
#include "model/plan.h"
#include "model/profile.h"

namespace backplan {

// A red flag was raised: no plan, only advice to seek care.
struct RedFlagStop {
  std::vector<Notice> reasons;  // level stop, one per red flag
};

using PlanResult = std::variant<Plan, RedFlagStop>;

// The profile must have been resolved against this library (resolve_profile).
PlanResult make_plan(const Library& lib, const Profile& profile);

}  // namespace backplan
