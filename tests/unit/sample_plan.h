#pragma once
// A small hand-built plan for the renderer tests: a substitution, a dose change, an omission,
// notices and a hostile name.

#include "model/plan.h"

namespace backplan::testing {

inline Plan sample_plan() {
  Plan plan;
  plan.routine = "daily";
  plan.routine_name = "Daily back care";
  plan.profile.name = "Ann <B> & \"co\"";
  plan.profile.age = 70;
  plan.profile.floor = false;
  plan.profile.equipment = {"tennis-ball"};
  plan.profile.conditions = {"osteoporosis"};
  plan.profile.minutes = 10;
  plan.profile.level = Level::beginner;
  plan.level = Level::beginner;
  plan.budget_seconds = 600;
  plan.names = {{"tennis-ball", "Tennis ball"},
                {"osteoporosis", "Osteoporosis"},
                {"cat-camel", "Cat-camel"},
                {"curl-up", "McGill curl-up"}};
  Step cat;
  cat.id = "seated-cat-camel";
  cat.name = "Seated cat-camel";
  cat.phase = Phase::mobility;
  cat.position = Position::seated;
  cat.dose.sets = 1;
  cat.dose.reps = {6};
  cat.dose.rep_seconds = 5;
  cat.seconds = 30;
  cat.cues = {"Sit tall.", "Move gently."};  // its own, then one a condition added
  cat.own_cues = 1;
  cat.replaces = "cat-camel";
  cat.why = {"No floor work: you can't get down to the floor"};
  cat.replaced_because = {
      {CauseKind::no_floor, "no-floor", "No floor work", "you can't get down to the floor"}};
  Step hold;
  hold.id = "wall-side-plank";
  hold.name = "Wall side plank";
  hold.phase = Phase::core;
  hold.position = Position::standing;
  hold.dose.sets = 3;
  hold.dose.reps = {5, 3, 1};
  hold.dose.hold_seconds = 10;
  hold.dose.per_side = true;
  hold.dose.rest_seconds = 30;
  hold.seconds = 240;
  hold.cues = {"Brace."};
  hold.own_cues = 1;
  hold.changes = {"holds shortened to 10 s: Osteoporosis: gentler"};
  hold.dose_changes = {{"holds shortened to 10 s",
                        {CauseKind::condition, "osteoporosis", "Osteoporosis", "gentler"}}};
  plan.phases = {{Phase::mobility, "Mobility", {cat}}, {Phase::core, "Core", {hold}}};
  plan.omitted = {{"curl-up",
                   "McGill curl-up",
                   Phase::core,
                   {"No floor work: on the floor"},
                   {{CauseKind::no_floor, "no-floor", "No floor work", "on the floor"}}}};
  plan.notices = {{NoticeLevel::notice, "Osteoporosis: check first."},
                  {NoticeLevel::info, "Breathe."}};
  plan.total_seconds = 270;
  return plan;
}

}  // namespace backplan::testing
