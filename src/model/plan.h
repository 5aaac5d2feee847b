#pragma once
// A plan: what the planner produces and the renderers print. Plain data.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/library.h"
#include "model/profile.h"

namespace backplan {

// A step's dose has the same shape as an exercise's: sets (and how far they may grow), reps per
// set, hold or rep seconds, sides and rest.
using StepDose = Dose;

struct Step {
  std::string id;
  std::string name;
  Phase phase = Phase::release;
  Position position = Position::floor;
  std::vector<std::string> equipment;    // the tools actually used (stand-ins resolved)
  std::vector<std::string> pressure_on;  // regions
  int seconds = 0;                       // by the clock: the dose and the transitions
  // The part of `seconds` spent getting into position, switching sides and changing level.
  int transition_seconds = 0;
  StepDose dose;
  std::vector<std::string> cues;        // the exercise's own cues, then those conditions add
  std::size_t own_cues = 0;             // how many of `cues` are the exercise's own
  std::optional<std::string> replaces;  // the routine's exercise this one stands in for
  std::vector<std::string> why;         // why it replaces that one
  std::vector<std::string> changes;     // how and why its dose changed
  int priority = 1;                     // from the routine slot: 1 = kept longest
  std::string slot;                     // the routine's exercise id for this slot
  std::optional<std::string> level;     // the ladder step, when the slot's exercise has levels
};

struct PlanPhase {
  Phase id = Phase::release;
  std::string title;
  std::vector<Step> steps;
};

struct Omission {
  std::string id;  // the routine's exercise for the slot
  std::string name;
  Phase phase = Phase::release;
  std::vector<std::string> why;
};

enum class NoticeLevel { stop, clearance, notice, info };
inline constexpr auto kNoticeLevelNames =
    make_names<NoticeLevel>({{NoticeLevel::stop, "stop"},
                             {NoticeLevel::clearance, "clearance"},
                             {NoticeLevel::notice, "notice"},
                             {NoticeLevel::info, "info"}});
inline std::string_view to_string(NoticeLevel level) {
  return kNoticeLevelNames.name(level);
}

// Where a notice comes from, so code (tests, the sweep, later groupings) never matches its text.
enum class NoticeSource {
  condition,
  default_equipment,
  session_cap,
  short_plan,
  spare_time,  // the routine is done early: an easy walk for the rest
  general_rule
};

struct Notice {
  NoticeLevel level = NoticeLevel::info;
  std::string text;
  NoticeSource source = NoticeSource::condition;
};

struct Plan {
  std::string routine;
  std::string routine_name;
  Profile profile;
  std::vector<PlanPhase> phases;  // in release, mobility, core, stretch order; empty ones left out
  std::vector<Omission> omitted;
  std::vector<Notice> notices;  // most urgent first
  // The signs that mean stop and get help at once, shown with every plan (the library's
  // emergency_signs), so a person is screened each time.
  std::vector<std::string> stop_if;
  // The conditions that hold back every phase of the routine until a clinician clears them
  // (their clearance is still pending): the plan is on hold and has no steps.
  std::vector<std::string> held_by;
  int budget_seconds = 0;  // what the plan had to fit
  int total_seconds = 0;   // the sum of the steps' seconds (transitions included)
  // The names of the conditions whose session cap made budget_seconds shorter than the person's
  // minutes; empty: the person's own minutes.
  std::vector<std::string> capped_by;
  // Display names of every id the plan mentions (equipment, regions, exercises, conditions), so
  // renderers need nothing but the plan.
  std::map<std::string, std::string> names;

  bool held() const { return !held_by.empty(); }

  const std::string& name_of(const std::string& id) const {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
  }
};

// Seconds a dose takes: sides x the work of each set, plus rest between sets.
int dose_seconds(const StepDose& dose);

}  // namespace backplan
