#pragma once
// Plan -> JSON, format "backplan-plan-2": the contract for scripts (see README "JSON contract";
// schema/backplan-plan.schema.json).

#include <string>
#include <vector>

#include "model/plan.h"

namespace backplan {

inline constexpr const char* kPlanFormat = "backplan-plan-2";

// Pretty-printed, keys in contract order, ending with a newline.
// `status` is "ok" or "held" (on hold until a clinician clears it).
std::string render_json(const Plan& plan);

// What a red flag gives instead of a plan: `status` "referred", the profile, the stop notices
// (`reasons`) and the emergency signs; no phases.
std::string render_json_referral(const Profile& profile, const std::vector<Notice>& reasons,
                                 const std::vector<std::string>& stop_if);

}  // namespace backplan
