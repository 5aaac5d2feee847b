#pragma once
// `backplan goals add|list|drop|rate`: the Patient-Specific Functional Scale. The person names up
// to five activities that are hard because of their back, then rates each now and then from 0
// (can't do it) to 10 (as well as before the problem).

#include <optional>
#include <string>

#include "diary/dates.h"

namespace backplan {

struct GoalsOptions {
  std::optional<std::string> diary;
  std::string activity;             // add
  std::string number;               // drop, rate: as typed, checked here
  std::string score;                // rate: as typed
  std::optional<std::string> date;  // add, drop, rate: default today
  LocalNow now;                     // the clock, read at the edge
};

// Each returns the exit code; errors are thrown as Error.
int run_goals_add(const GoalsOptions& options);
int run_goals_list(const GoalsOptions& options);
int run_goals_drop(const GoalsOptions& options);
int run_goals_rate(const GoalsOptions& options);

// What the diary commands share about their flags, worded for the flag: whole numbers in a range,
// and a --date that is real and not after today.
int whole_flag(const std::string& flag, const std::string& text, int lo, int hi);
CivilDate date_flag(const std::optional<std::string>& text, const LocalNow& now);

}  // namespace backplan
