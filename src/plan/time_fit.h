#pragma once
// Fitting the chosen steps into the person's minutes: part of the planner, pure.

#include <vector>

#include "model/plan.h"

namespace backplan {

// A candidate step with what fitting it into the time budget needs.
struct Entry {
  Step step;
  std::vector<int> all_reps;
  int base_sets = 1;
  bool included = true;
  bool dropped_for_time = false;
};

// Gives `e` `sets` sets (and the matching reps), and updates its seconds.
void set_sets(Entry& e, int sets);

// The seconds of the included entries.
int total_seconds(const std::vector<Entry>& entries);

// Fits the steps into `budget` seconds: release areas go first, then sets, then whole steps;
// after that, what was trimmed comes back while it fits, and long sessions grow sets.
void fit_to_budget(std::vector<Entry>& entries, int budget);

}  // namespace backplan
