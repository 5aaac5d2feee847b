#pragma once
// "What would help": the fewest tools to add that bring back the most of what a plan left out
// for want of a tool. Pure: it re-plans with each candidate.

#include <optional>

#include "model/library.h"
#include "model/plan.h"

namespace backplan {

// Tries each tool in the library the person lacks (library order), then pairs of them if no
// single tool helps, and re-plans with it. The best is the one that brings back the most
// slots left out for a reason other than time; fewest tools first, ties by library order.
// A tool a condition rules out brings nothing back, so it is never suggested. Nothing when
// no tool helps, the plan is on hold, or nothing was left out for want of a tool.
std::optional<EquipmentSuggestion> suggest_equipment(const Library& lib, const Plan& plan);

}  // namespace backplan
