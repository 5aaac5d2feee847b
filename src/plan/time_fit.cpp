#include "plan/time_fit.h"

#include <algorithm>

namespace backplan {

void set_sets(Entry& e, int sets) {
  e.step.dose.sets = sets;
  e.step.dose.reps.clear();
  if (!e.all_reps.empty()) {
    e.step.dose.reps.assign(e.all_reps.begin(), e.all_reps.begin() + sets);
  }
  e.step.seconds = dose_seconds(e.step.dose);
}

int total_seconds(const std::vector<Entry>& entries) {
  int sum = 0;
  for (const auto& e : entries) {
    if (e.included) sum += e.step.seconds;
  }
  return sum;
}

void fit_to_budget(std::vector<Entry>& entries, int budget) {
  const int n = static_cast<int>(entries.size());
  auto drop = [&](int i) {
    entries[i].included = false;
    entries[i].dropped_for_time = true;
  };
  // The least important of the included entries that `pick` accepts (highest priority number,
  // then latest in the routine).
  auto worst = [&](auto pick) {
    int found = -1;
    for (int i = 0; i < n; ++i) {
      if (!entries[i].included || !pick(entries[i])) continue;
      if (found < 0 || entries[i].step.priority >= entries[found].step.priority) found = i;
    }
    return found;
  };
  auto count = [&](Phase phase) {
    return std::count_if(entries.begin(), entries.end(),
                         [&](const Entry& e) { return e.included && e.step.phase == phase; });
  };
  auto is = [](Phase phase) { return [phase](const Entry& e) { return e.step.phase == phase; }; };

  while (total_seconds(entries) > budget && count(Phase::release) > 1)
    drop(worst(is(Phase::release)));
  bool reduced = true;
  while (total_seconds(entries) > budget && reduced) {
    reduced = false;
    for (int i = n - 1; i >= 0 && total_seconds(entries) > budget; --i) {
      if (entries[i].included && entries[i].step.dose.sets > 1) {
        set_sets(entries[i], entries[i].step.dose.sets - 1);
        reduced = true;
      }
    }
  }
  for (Phase phase : {Phase::release, Phase::stretch}) {
    while (total_seconds(entries) > budget && count(phase) > 0) drop(worst(is(phase)));
  }
  for (int i = n - 1; i >= 0 && total_seconds(entries) > budget; --i) {
    if (entries[i].included) drop(i);
  }

  // Grow back: first the normal dose, then trimmed steps, then extra sets, while it fits.
  auto try_sets = [&](Entry& e, int limit) {
    if (!e.included || e.step.dose.sets >= limit) return false;
    set_sets(e, e.step.dose.sets + 1);
    if (total_seconds(entries) <= budget) return true;
    set_sets(e, e.step.dose.sets - 1);
    return false;
  };
  bool grew = true;
  while (grew) {
    grew = false;
    for (auto& e : entries) grew = try_sets(e, e.base_sets) || grew;
  }
  std::vector<int> order;
  for (int i = 0; i < n; ++i) {
    if (entries[i].dropped_for_time) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return entries[a].step.priority < entries[b].step.priority;
  });
  for (int i : order) {
    Entry& e = entries[i];
    set_sets(e, 1);
    e.included = true;
    if (total_seconds(entries) <= budget) {
      e.dropped_for_time = false;
      while (try_sets(e, e.base_sets)) {
      }
    } else {
      e.included = false;
      set_sets(e, e.base_sets);
    }
  }
  grew = true;
  while (grew) {
    grew = false;
    for (auto& e : entries) grew = try_sets(e, e.step.dose.max_sets) || grew;
  }
}

}  // namespace backplan
