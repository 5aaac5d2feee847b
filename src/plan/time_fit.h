#pragma once
// Fitting the chosen steps into the person's minutes: part of the planner, pure.

#include <optional>
#include <string>
#include <vector>

#include "model/plan.h"

namespace backplan {

// The time a step takes beyond its dose, so a plan's minutes are minutes by the clock. These model
// how long a body takes to move between steps, not what is safe, so they are the planner's, not the
// library's (README, "How a plan is made"):
// getting into position, picking up or putting down the tool and reading the cue, once per step;
inline constexpr int kStepSetupSeconds = 10;
// turning over or changing legs, once per set of a step done on each side;
inline constexpr int kSideSwitchSeconds = 5;
// changing level (floor, bed, chair, standing), between steps and at the start and end, which
// are standing.
inline constexpr int kLevelChangeSeconds = 15;
// Short sessions trim held reps evenly down to this many in the one remaining set before a step
// is dropped (a flare day's Big 3 are one set of 3-5: clinical reference section 7).
inline constexpr int kMinHeldReps = 3;
// Spare time lengthens holds within a range a rule gives by this much at a time.
inline constexpr int kHoldStepSeconds = 15;

// A candidate step with what fitting it into the time budget needs.
struct Entry {
  Step step;
  std::vector<int> all_reps;
  int base_sets = 1;
  int rep_trim = 0;  // reps taken off each set to fit a short session
  // How far spare time may lengthen the holds: a rule asked for longer holds, up to this.
  std::optional<int> hold_ceiling;
  std::string ceiling_why;  // the reason of the rule that asked for longer holds
  bool included = true;
  bool dropped_for_time = false;
  bool dropped_for_cap = false;  // left out to keep its phase within the phase's minutes
};

// What the routine says about a phase's time and order.
struct PhaseFit {
  Phase id = Phase::release;
  bool ordered = false;            // the steps keep the routine's order
  std::optional<int> max_seconds;  // the phase's cap, transitions included
  std::string title;               // for the reason of what the cap leaves out
};

// Gives `e` `sets` sets (and the matching reps, less any trim), and updates its seconds.
void set_sets(Entry& e, int sets);

// The included entries (indices) in the order that needs the fewest level changes: phases in
// their order, an ordered phase's steps in the routine's order, another phase's steps grouped by
// position, each group in routine order, the groups in the order that changes level least (the
// routine's when that is a tie). The person starts and ends standing.
std::vector<int> plan_order(const std::vector<Entry>& entries, const std::vector<PhaseFit>& phases);

// Puts the included entries in plan_order and gives each its transition seconds (the level
// change into it, its setup and side switches, and for the last, getting back up), so each
// step's seconds are its dose and its transitions.
void apply_transitions(std::vector<Entry>& entries, const std::vector<PhaseFit>& phases);

// The seconds of the included entries by the clock: doses and transitions, in plan_order.
int total_seconds(const std::vector<Entry>& entries, const std::vector<PhaseFit>& phases);

// Fits the steps into `budget` seconds and each capped phase into its cap (a capped phase loses
// its least important steps first): release areas go first, then sets, then whole release and
// stretch steps, then held reps (evenly), then whole steps. Then, while it fits: the trimmed
// reps and the normal sets come back (evenly: no step gets a round more than another has), holds
// a rule asked to be longer grow within its range, trimmed steps come back by priority, and
// spare time goes to more sets in the phases without a cap, evenly, phase by phase. A capped
// phase never grows past its normal dose. Leaves the entries in plan order (included first) with
// their transitions applied.
void fit_to_budget(std::vector<Entry>& entries, int budget, const std::vector<PhaseFit>& phases);

}  // namespace backplan
