#pragma once
// `backplan log`: one session (the plan it followed, what was skipped, pain before and during),
// the next morning's pain of the last session, functional measures and PSFS ratings, into the
// diary. Every value is checked before anything is written; what one `log` writes is one
// transaction.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "commands/plan_pipeline.h"
#include "diary/dates.h"
#include "model/diary.h"

namespace backplan {

struct LogOptions {
  PlanSource plan;  // the same flags as `plan`: the plan the session followed
  std::optional<std::string> diary;
  // As typed; checked here so that each problem names its flag.
  std::optional<std::string> pain_before;
  std::optional<std::string> pain_during;
  std::optional<std::string> morning;
  std::vector<std::string> skipped;  // step ids; commas split too
  std::optional<std::string> date;
  std::optional<std::string> time;
  std::optional<std::string> note;
  std::vector<std::string> tags;
  std::optional<std::string> sitting;         // minutes
  std::optional<std::string> walking;         // minutes
  std::optional<std::string> walking_metres;  // metres
  std::optional<std::string> toe_reach;       // cm, fingertips to toes; negative: past them
  std::vector<std::string> goal_ratings;      // N=SCORE
  LocalNow now;                               // the clock, read at the edge
};

// The diary session of a plan followed on `date` at `minute` (minutes after midnight): each step
// with its level and stage, done unless in `skipped` (step ids), the progression's changes, the
// resolved profile; a new uid. No pains, note or tags: the caller adds them.
DiarySession session_from_plan(const Plan& plan, const std::set<std::string>& skipped,
                               const CivilDate& date, int minute);

// Returns the exit code; errors are thrown as Error.
int run_log(const LogOptions& options);

}  // namespace backplan
