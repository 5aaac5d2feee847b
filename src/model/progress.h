#pragma once
// Where each of a routine's ladders stands after the diary (plan/progress.h reads it), and what
// the planner does with it. Plain data: the planner takes it as it is, the renderers print it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/names.h"
#include "model/profile.h"

namespace backplan {

// How a ladder moves for today's plan.
enum class ProgressMove {
  none,     // no diary for it yet: the planner starts it as it would without a diary
  stay,     // at the step it was on
  up,       // one step up: the next dose step, or the next variant at its first dose
  down,     // one step back
  restart,  // the step it was on is no longer in the library: back to the first step
};
inline constexpr auto kProgressMoveNames =
    make_names<ProgressMove>({{ProgressMove::none, "none"},
                              {ProgressMove::stay, "stay"},
                              {ProgressMove::up, "up"},
                              {ProgressMove::down, "down"},
                              {ProgressMove::restart, "restart"}});
inline std::string_view to_string(ProgressMove move) {
  return kProgressMoveNames.name(move);
}

// A step on a ladder: the variant (its level, when the slot has levels) and the dose step on it.
struct LadderStep {
  std::optional<Level> level;
  int stage = 0;  // 0: the exercise's own dose; n: its n-th `progression` stage
  bool operator==(const LadderStep& o) const { return level == o.level && stage == o.stage; }
  bool operator!=(const LadderStep& o) const { return !(*this == o); }
};

struct LadderProgress {
  std::string slot;      // the routine's exercise for the slot
  std::string exercise;  // the variant at `to` (the exercise the step does)
  LadderStep from;       // where the last session that had this slot left it
  LadderStep to;         // where today's plan puts it
  ProgressMove move = ProgressMove::none;
  std::string reason;  // in plain words, for a person: "pain stayed at 5 or below ..."
  int settled = 0;     // settled sessions in a row at `from`
  bool operator==(const LadderProgress& o) const {
    return slot == o.slot && exercise == o.exercise && from == o.from && to == o.to &&
           move == o.move && reason == o.reason && settled == o.settled;
  }
};

// How regularly the person practises, said gently: never a reason to do more on a bad day.
struct Adherence {
  int days = 0;      // days with at least one session among the last `window`, today included
  int window = 7;    // days
  int streak = 0;    // days in a row with a session, up to today (or yesterday)
  std::string text;  // "You practised on 4 of the last 7 days. 3 days in a row."
  bool operator==(const Adherence& o) const {
    return days == o.days && window == o.window && streak == o.streak && text == o.text;
  }
};

struct Progress {
  std::string routine;
  std::vector<LadderProgress> ladders;  // one per slot, in routine order
  // The last sessions in a row were hard on the back (the policy's flare_after): today is a
  // flare-up day, and `flare_advice` says to see a clinician if it lasts.
  bool flare = false;
  std::string flare_advice;
  Adherence adherence;
  int sessions = 0;  // logged sessions of this routine up to today
  bool operator==(const Progress& o) const {
    return routine == o.routine && ladders == o.ladders && flare == o.flare &&
           flare_advice == o.flare_advice && adherence == o.adherence && sessions == o.sessions;
  }

  const LadderProgress* find(std::string_view slot) const {
    for (const auto& l : ladders) {
      if (l.slot == slot) return &l;
    }
    return nullptr;
  }
};

}  // namespace backplan
