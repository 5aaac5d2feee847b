#include "plan/time_fit.h"

#include <algorithm>
#include <array>
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
// Seconds by the clock of each entry (0 when left out), in entry order, along `order`.
void clock_along(const std::vector<Entry>& entries, const std::vector<int>& order,
                 std::vector<int>& out) {
  out.assign(entries.size(), 0);
  Position last = Position::standing;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Step& s = entries[order[k]].step;
    int t = kStepSetupSeconds + kSideSwitchSeconds * side_switches(s);
    if (s.position != last) t += kLevelChangeSeconds;
    if (k + 1 == order.size() && s.position != Position::standing) t += kLevelChangeSeconds;
    last = s.position;
    out[order[k]] = dose_seconds(s.dose) + t;
  }
}

std::vector<int> clock_seconds(const std::vector<Entry>& entries,
                               const std::vector<PhaseFit>& phases) {
  std::vector<int> out;
  clock_along(entries, plan_order(entries, phases), out);
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
  constexpr int kPositions = 4;
  constexpr int kNone = 1 << 20;
  auto index = [](Position p) { return static_cast<int>(p); };
  // The included entries of each phase with steps, and (unless ordered) their positions in the
  // order each first appears.
  struct Row {
    bool ordered = false;
    std::vector<int> members;
    std::array<Position, kPositions> positions{};
    int k = 0;
    int inside = 0;  // level changes inside an ordered phase
  };
  std::vector<Row> rows;
  for (Phase phase : kPhaseOrder) {
    Row row;
    row.ordered = is_ordered(phases, phase);
    for (int i = 0; i < static_cast<int>(entries.size()); ++i) {
      const Entry& e = entries[i];
      if (!e.included || e.step.phase != phase) continue;
      if (!row.members.empty() && entries[row.members.back()].step.position != e.step.position)
        ++row.inside;
      row.members.push_back(i);
      const Position pos = e.step.position;
      if (std::find(row.positions.begin(), row.positions.begin() + row.k, pos) ==
          row.positions.begin() + row.k)
        row.positions[row.k++] = pos;
    }
    if (!row.members.empty()) rows.push_back(std::move(row));
  }
  // Fewest level changes so far, by the position the last phase ends in; ties keep the earlier
  // state and the earlier grouping (the routine's own order first).
  const std::size_t m = rows.size();
  std::vector<std::array<int, kPositions>> cost(m + 1), from(m + 1), choice(m + 1);
  for (auto& c : cost) c.fill(kNone);
  cost[0][index(Position::standing)] = 0;
  for (std::size_t r = 0; r < m; ++r) {
    const Row& row = rows[r];
    auto relax = [&](int end, int c, int prev, int code) {
      if (c < cost[r + 1][end]) {
        cost[r + 1][end] = c;
        from[r + 1][end] = prev;
        choice[r + 1][end] = code;
      }
    };
    for (int s = 0; s < kPositions; ++s) {
      if (cost[r][s] == kNone) continue;
      if (row.ordered) {
        const int first = index(entries[row.members.front()].step.position);
        const int last = index(entries[row.members.back()].step.position);
        relax(last, cost[r][s] + (s != first ? 1 : 0) + row.inside, s, 0);
        continue;
      }
      std::array<int, kPositions> perm{0, 1, 2, 3};
      int code = 0;
      do {
        const int first = index(row.positions[perm[0]]);
        const int last = index(row.positions[perm[row.k - 1]]);
        relax(last, cost[r][s] + (s != first ? 1 : 0) + (row.k - 1), s, code++);
      } while (std::next_permutation(perm.begin(), perm.begin() + row.k));
    }
  }
  int end = 0;
  int best = kNone;
  for (int e = 0; e < kPositions; ++e) {
    if (cost[m][e] == kNone) continue;
    const int c = cost[m][e] + (e != index(Position::standing) ? 1 : 0);
    if (c < best) {
      best = c;
      end = e;
    }
  }
  std::vector<int> codes(m, 0);
  for (std::size_t r = m; r > 0; --r) {
    codes[r - 1] = choice[r][end];
    end = from[r][end];
  }
  std::vector<int> order;
  order.reserve(entries.size());
  for (std::size_t r = 0; r < m; ++r) {
    const Row& row = rows[r];
    if (row.ordered) {
      order.insert(order.end(), row.members.begin(), row.members.end());
      continue;
    }
    std::array<int, kPositions> perm{0, 1, 2, 3};
    for (int c = 0; c < codes[r]; ++c) std::next_permutation(perm.begin(), perm.begin() + row.k);
    for (int g = 0; g < row.k; ++g) {
      for (int i : row.members) {
        if (entries[i].step.position == row.positions[perm[g]]) order.push_back(i);
      }
    }
  }
  return order;
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
  // The clock, with the order worked out again only when the steps included change.
  std::vector<char> ordered_for;
  std::vector<int> order;
  std::vector<int> clock_buf;
  auto clock = [&]() -> const std::vector<int>& {
    bool same = ordered_for.size() == entries.size();
    for (int i = 0; same && i < n; ++i) same = (ordered_for[i] != 0) == entries[i].included;
    if (!same) {
      ordered_for.assign(entries.size(), 0);
      for (int i = 0; i < n; ++i) ordered_for[i] = entries[i].included ? 1 : 0;
      order = plan_order(entries, phases);
    }
    clock_along(entries, order, clock_buf);
    return clock_buf;
  };
  auto phase_sum = [&](const std::vector<int>& c, Phase phase) {
    int sum = 0;
    for (int i = 0; i < n; ++i) {
      if (entries[i].step.phase == phase) sum += c[i];
    }
    return sum;
  };
  auto phase_seconds = [&](Phase phase) { return phase_sum(clock(), phase); };
  auto within_caps = [&] {
    const std::vector<int>& c = clock();
    for (const auto& p : phases) {
      if (p.max_seconds && phase_sum(c, p.id) > *p.max_seconds) return false;
    }
    return true;
  };
  auto over = [&] {
    const std::vector<int>& c = clock();
    return std::accumulate(c.begin(), c.end(), 0) > budget;
  };
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
