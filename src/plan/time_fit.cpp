#include "plan/time_fit.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace backplan {

namespace {

// The per-set reps of `e` at `sets` sets, less its trim (never below kMinHeldReps, or the
// exercise's own count when that is lower).
std::vector<int> trimmed_reps(const Entry& e, int sets) {
  std::vector<int> reps(e.all_reps.begin(), e.all_reps.begin() + sets);
  for (int& r : reps) r = std::max(std::min(r, kMinHeldReps), r - e.rep_trim);
  return reps;
}

int side_switches(const Step& s) {
  return s.dose.per_side ? s.dose.sets : 0;
}

// The entries of one phase, as the ways they may be ordered.
struct Options {
  std::vector<std::vector<int>> orders;  // each a sequence of entry indices
};

Options phase_options(const std::vector<Entry>& entries, Phase phase, bool ordered) {
  std::vector<int> in_phase;
  for (int i = 0; i < static_cast<int>(entries.size()); ++i) {
    if (entries[i].included && entries[i].step.phase == phase) in_phase.push_back(i);
  }
  Options out;
  if (in_phase.empty()) return out;
  if (ordered) {
    out.orders.push_back(in_phase);
    return out;
  }
  // Groups by position, in the order each position first appears.
  std::vector<Position> positions;
  std::map<Position, std::vector<int>> groups;
  for (int i : in_phase) {
    const Position pos = entries[i].step.position;
    if (!groups.count(pos)) positions.push_back(pos);
    groups[pos].push_back(i);
  }
  std::vector<int> perm(positions.size());
  std::iota(perm.begin(), perm.end(), 0);
  do {
    std::vector<int> order;
    for (int g : perm) {
      const auto& members = groups[positions[static_cast<std::size_t>(g)]];
      order.insert(order.end(), members.begin(), members.end());
    }
    out.orders.push_back(std::move(order));
  } while (std::next_permutation(perm.begin(), perm.end()));
  return out;
}

int changes_along(const std::vector<Entry>& entries, const std::vector<int>& order) {
  int n = 0;
  for (std::size_t i = 1; i < order.size(); ++i) {
    if (entries[order[i]].step.position != entries[order[i - 1]].step.position) ++n;
  }
  return n;
}

bool is_ordered(const std::vector<PhaseFit>& phases, Phase phase) {
  for (const auto& p : phases) {
    if (p.id == phase) return p.ordered;
  }
  return false;
}

std::optional<int> cap_of(const std::vector<PhaseFit>& phases, Phase phase) {
  for (const auto& p : phases) {
    if (p.id == phase) return p.max_seconds;
  }
  return std::nullopt;
}

// Seconds by the clock of each entry (0 when left out), in entry order.
std::vector<int> clock_seconds(const std::vector<Entry>& entries,
                               const std::vector<PhaseFit>& phases) {
  std::vector<int> out(entries.size(), 0);
  const std::vector<int> order = plan_order(entries, phases);
  Position last = Position::standing;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Step& s = entries[order[k]].step;
    int t = kStepSetupSeconds + kSideSwitchSeconds * side_switches(s);
    if (s.position != last) t += kLevelChangeSeconds;
    if (k + 1 == order.size() && s.position != Position::standing) t += kLevelChangeSeconds;
    last = s.position;
    out[order[k]] = dose_seconds(s.dose) + t;
  }
  return out;
}

}  // namespace

void set_sets(Entry& e, int sets) {
  e.step.dose.sets = sets;
  e.step.dose.reps.clear();
  if (!e.all_reps.empty()) e.step.dose.reps = trimmed_reps(e, sets);
  e.step.seconds = dose_seconds(e.step.dose);
}

std::vector<int> plan_order(const std::vector<Entry>& entries,
                            const std::vector<PhaseFit>& phases) {
  // Fewest level changes over the phases, by position at the end of each phase so far.
  struct State {
    int cost = 0;
    std::vector<int> order;
  };
  std::map<Position, State> states{{Position::standing, {}}};
  for (Phase phase : kPhaseOrder) {
    const Options options = phase_options(entries, phase, is_ordered(phases, phase));
    if (options.orders.empty()) continue;
    std::map<Position, State> next;
    for (const auto& [pos, state] : states) {
      for (const auto& order : options.orders) {
        const int cost = state.cost + (entries[order.front()].step.position != pos ? 1 : 0) +
                         changes_along(entries, order);
        const Position end = entries[order.back()].step.position;
        auto it = next.find(end);
        if (it == next.end() || cost < it->second.cost) {
          State s{cost, state.order};
          s.order.insert(s.order.end(), order.begin(), order.end());
          next[end] = std::move(s);
        }
      }
    }
    states = std::move(next);
  }
  const State* best = nullptr;
  int best_cost = 0;
  for (const auto& [pos, state] : states) {
    const int cost = state.cost + (pos != Position::standing ? 1 : 0);
    if (!best || cost < best_cost) {
      best = &state;
      best_cost = cost;
    }
  }
  return best->order;
}

void apply_transitions(std::vector<Entry>& entries, const std::vector<PhaseFit>& phases) {
  const std::vector<int> clock = clock_seconds(entries, phases);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    Step& s = entries[i].step;
    s.seconds = dose_seconds(s.dose);
    s.transition_seconds = entries[i].included ? clock[i] - s.seconds : 0;
    s.seconds += s.transition_seconds;
  }
  // Included entries in plan order first, then the others in routine order.
  const std::vector<int> order = plan_order(entries, phases);
  std::vector<Entry> sorted;
  sorted.reserve(entries.size());
  for (int i : order) sorted.push_back(entries[i]);
  for (const auto& e : entries) {
    if (!e.included) sorted.push_back(e);
  }
  entries = std::move(sorted);
}

int total_seconds(const std::vector<Entry>& entries, const std::vector<PhaseFit>& phases) {
  const std::vector<int> clock = clock_seconds(entries, phases);
  return std::accumulate(clock.begin(), clock.end(), 0);
}

void fit_to_budget(std::vector<Entry>& entries, int budget, const std::vector<PhaseFit>& phases) {
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
  auto phase_seconds = [&](Phase phase) {
    const std::vector<int> clock = clock_seconds(entries, phases);
    int sum = 0;
    for (int i = 0; i < n; ++i) {
      if (entries[i].step.phase == phase) sum += clock[i];
    }
    return sum;
  };
  auto within_caps = [&] {
    for (const auto& p : phases) {
      if (p.max_seconds && phase_seconds(p.id) > *p.max_seconds) return false;
    }
    return true;
  };
  auto over = [&] { return total_seconds(entries, phases) > budget; };
  auto fits = [&] { return !over() && within_caps(); };

  // A capped phase loses its least important steps until it is within its cap.
  for (const auto& p : phases) {
    if (!p.max_seconds) continue;
    while (phase_seconds(p.id) > *p.max_seconds && count(p.id) > 0) {
      const int i = worst(is(p.id));
      entries[i].included = false;
      entries[i].dropped_for_cap = true;
    }
  }

  // Holds a rule asked to be longer start at the top of its range, and come down (evenly) only
  // once the release areas have.
  std::vector<int> hold_floor(entries.size(), 0);
  for (int i = 0; i < n; ++i) {
    Entry& e = entries[i];
    if (!e.hold_ceiling || !e.step.dose.hold_seconds) continue;
    hold_floor[i] = *e.step.dose.hold_seconds;
    e.step.dose.hold_seconds = std::max(*e.hold_ceiling, hold_floor[i]);
    set_sets(e, e.step.dose.sets);
  }
  while (over() && count(Phase::release) > 1) drop(worst(is(Phase::release)));
  bool shortened = true;
  while (over() && shortened) {
    shortened = false;
    for (int i = n - 1; i >= 0 && over(); --i) {
      Entry& e = entries[i];
      if (!e.included || !e.hold_ceiling || *e.step.dose.hold_seconds <= hold_floor[i]) continue;
      e.step.dose.hold_seconds =
          std::max(hold_floor[i], *e.step.dose.hold_seconds - kHoldStepSeconds);
      set_sets(e, e.step.dose.sets);
      shortened = true;
    }
  }
  bool reduced = true;
  while (over() && reduced) {
    reduced = false;
    for (int i = n - 1; i >= 0 && over(); --i) {
      if (entries[i].included && entries[i].step.dose.sets > 1) {
        set_sets(entries[i], entries[i].step.dose.sets - 1);
        reduced = true;
      }
    }
  }
  for (Phase phase : {Phase::release, Phase::stretch}) {
    while (over() && count(phase) > 0) drop(worst(is(phase)));
  }
  // Held reps come down evenly, one at a time from the last step, before a step is lost.
  auto can_trim = [&](const Entry& e) {
    if (!e.included || e.all_reps.empty() || !e.step.dose.hold_seconds) return false;
    const auto& reps = e.step.dose.reps;
    return std::any_of(reps.begin(), reps.end(), [](int r) { return r > kMinHeldReps; });
  };
  reduced = true;
  while (over() && reduced) {
    reduced = false;
    for (int i = n - 1; i >= 0 && over(); --i) {
      if (can_trim(entries[i])) {
        ++entries[i].rep_trim;
        set_sets(entries[i], entries[i].step.dose.sets);
        reduced = true;
      }
    }
  }
  for (int i = n - 1; i >= 0 && over(); --i) {
    if (entries[i].included) drop(i);
  }

  // Grow back: first the trimmed reps, then the normal sets, then trimmed steps, then spare time.
  auto try_change = [&](Entry& e, auto apply, auto undo) {
    apply(e);
    if (fits()) return true;
    undo(e);
    return false;
  };
  auto try_sets = [&](Entry& e, int limit) {
    if (!e.included || e.step.dose.sets >= limit) return false;
    return try_change(
        e, [](Entry& x) { set_sets(x, x.step.dose.sets + 1); },
        [](Entry& x) { set_sets(x, x.step.dose.sets - 1); });
  };
  // Sets grow level by level: no step gets a round more than another has until every step that
  // may grow has it, so a short session trims evenly rather than favour one step.
  auto grow_sets_evenly = [&](auto pick, auto limit_of) {
    for (int level = 2;; ++level) {
      bool any = false;
      bool failed = false;
      for (auto& e : entries) {
        if (!e.included || !pick(e) || e.step.dose.sets != level - 1 || limit_of(e) < level)
          continue;
        any = true;
        if (!try_sets(e, level)) failed = true;
      }
      if (!any || failed) return;
    }
  };
  // Trimmed reps come back evenly too: the most trimmed first, a rep at a time.
  for (;;) {
    int most = 0;
    for (const auto& e : entries) {
      if (e.included) most = std::max(most, e.rep_trim);
    }
    if (most == 0) break;
    bool failed = false;
    for (auto& e : entries) {
      if (!e.included || e.rep_trim != most) continue;
      if (!try_change(
              e,
              [](Entry& x) {
                --x.rep_trim;
                set_sets(x, x.step.dose.sets);
              },
              [](Entry& x) {
                ++x.rep_trim;
                set_sets(x, x.step.dose.sets);
              }))
        failed = true;
    }
    if (failed) break;
  }
  grow_sets_evenly([](const Entry&) { return true; }, [](const Entry& e) { return e.base_sets; });
  // Holds a rule asked to be longer grow within its range (evenly, a step at a time) before
  // trimmed steps come back: it is the dose the person was promised, not a spare-time extra.
  auto lengthen_holds = [&] {
    for (Phase phase : kPhaseOrder) {
      if (cap_of(phases, phase)) continue;
      bool grew = true;
      while (grew) {
        grew = false;
        for (auto& e : entries) {
          if (!e.included || e.step.phase != phase || !e.hold_ceiling ||
              !e.step.dose.hold_seconds || *e.step.dose.hold_seconds >= *e.hold_ceiling)
            continue;
          const int before = *e.step.dose.hold_seconds;
          const int after = std::min(*e.hold_ceiling, before + kHoldStepSeconds);
          grew = try_change(
                     e,
                     [after](Entry& x) {
                       x.step.dose.hold_seconds = after;
                       set_sets(x, x.step.dose.sets);
                     },
                     [before](Entry& x) {
                       x.step.dose.hold_seconds = before;
                       set_sets(x, x.step.dose.sets);
                     }) ||
                 grew;
        }
      }
    }
  };
  lengthen_holds();
  // Trimmed steps come back by priority: first those of the phases without a cap (exercise), with
  // their holds lengthened as promised, then those of the capped phases.
  auto bring_back = [&](bool capped) {
    std::vector<int> order;
    for (int i = 0; i < n; ++i) {
      if ((entries[i].dropped_for_time || entries[i].dropped_for_cap) &&
          cap_of(phases, entries[i].step.phase).has_value() == capped)
        order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return entries[a].step.priority < entries[b].step.priority;
    });
    for (int i : order) {
      Entry& e = entries[i];
      e.rep_trim = 0;
      set_sets(e, 1);
      e.included = true;
      const bool cap_ok = within_caps();
      if (cap_ok && !over()) {
        e.dropped_for_time = false;
        e.dropped_for_cap = false;
        while (try_sets(e, e.base_sets)) {
        }
      } else {
        e.included = false;
        // Out for the phase's cap when that is what it breaks, otherwise for the session's time.
        e.dropped_for_cap = !cap_ok;
        e.dropped_for_time = !e.dropped_for_cap;
        set_sets(e, e.base_sets);
      }
    }
  };
  bring_back(false);
  lengthen_holds();
  bring_back(true);
  // Spare time goes to the phases without a cap, in order: more sets, evenly.
  for (Phase phase : kPhaseOrder) {
    if (cap_of(phases, phase)) continue;
    grow_sets_evenly([phase](const Entry& e) { return e.step.phase == phase; },
                     [](const Entry& e) { return e.step.dose.max_sets; });
  }
  apply_transitions(entries, phases);
}

}  // namespace backplan
