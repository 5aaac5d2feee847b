#pragma once
// Plan -> JSON, format "backplan-plan-1": the contract for scripts (see README).

#include <string>

#include "model/plan.h"

namespace backplan {

inline constexpr const char* kPlanFormat = "backplan-plan-1";

// Pretty-printed, keys in contract order, ending with a newline.
std::string render_json(const Plan& plan);

}  // namespace backplan
