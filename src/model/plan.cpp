#include "model/plan.h"

#include <algorithm>

namespace backplan {

int dose_seconds(const StepDose& dose) {
  const int sides = dose.per_side ? 2 : 1;
  int work = 0;
  for (int set = 0; set < dose.sets; ++set) {
    if (dose.reps.empty()) {
      work += dose.hold_seconds.value_or(0);
    } else {
      const int reps = dose.reps[std::min<std::size_t>(set, dose.reps.size() - 1)];
      work += reps * dose.hold_seconds.value_or(dose.rep_seconds.value_or(0));
    }
  }
  return sides * work + dose.rest_seconds * std::max(0, dose.sets - 1);
}

void add_cause(std::vector<Cause>& into, const Cause& cause) {
  if (std::find(into.begin(), into.end(), cause) == into.end()) into.push_back(cause);
}

}  // namespace backplan
