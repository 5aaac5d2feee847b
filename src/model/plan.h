#pragma once
// A plan: what the planner produces and the renderers print. Plain data.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/library.h"
#include "model/profile.h"
#include "model/progress.h"

namespace backplan {

// A step's dose has the same shape as an exercise's: sets (and how far they may grow), reps per
// set, hold or rep seconds, sides and rest.
using StepDose = Dose;

// What made the plan differ from the routine as written, so renderers can say each reason once
// and group the steps it changed, without matching text.
enum class CauseKind {
  condition,  // a condition in force (listed, or automatic such as an age band)
  no_floor,   // the person cannot get down to the floor
  equipment,  // a tool the person does not have (nor a stand-in for it)
  avoid,      // an area the person asked to keep pressure off
  time,       // the time budget, or a phase's cap
  level,      // the person's level
  progress,   // the diary: how the back responded to the last sessions
};
inline constexpr auto kCauseKindNames = make_names<CauseKind>({{CauseKind::condition, "condition"},
                                                               {CauseKind::no_floor, "no_floor"},
                                                               {CauseKind::equipment, "equipment"},
                                                               {CauseKind::avoid, "avoid"},
                                                               {CauseKind::time, "time"},
                                                               {CauseKind::level, "level"},
                                                               {CauseKind::progress, "progress"}});
inline std::string_view to_string(CauseKind kind) {
  return kCauseKindNames.name(kind);
}

struct Cause {
  CauseKind kind = CauseKind::condition;
  std::string id;     // the condition, the tool needed, the region, "budget" or the capped phase
  std::string label;  // a short name to point at: "No floor work", "No medium foam roller"
  std::string text;   // the reason in plain words
  bool operator==(const Cause& o) const { return kind == o.kind && id == o.id && text == o.text; }
};

// Adds `cause` unless it is there: causes keep the order they were first given in.
void add_cause(std::vector<Cause>& into, const Cause& cause);

// A change to a step's dose and the reason for it: "holds shortened to 30 s".
struct DoseChange {
  std::string what;
  Cause cause;
};

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
  std::vector<std::string> cues;  // the exercise's own cues, then those conditions add
  std::size_t own_cues = 0;       // how many of `cues` are the exercise's own
  // Which of the own cues a printed handout shows, as indexes into `cues` (the exercise's
  // handout_cues); empty: the first two.
  std::vector<std::size_t> handout_cues;
  std::optional<std::string> replaces;   // the routine's exercise this one stands in for
  std::vector<std::string> why;          // why it replaces that one
  std::vector<std::string> changes;      // how and why its dose changed
  std::vector<Cause> replaced_because;   // `why`, structured
  std::vector<DoseChange> dose_changes;  // `changes`, structured
  int priority = 1;                      // from the routine slot: 1 = kept longest
  std::string slot;                      // the routine's exercise id for this slot
  std::optional<Level> level;            // the ladder step, when the slot's exercise has levels
  int stage = 0;  // the dose step on it (0: the exercise's own dose; see Exercise::progression)
  // The breathing a cue of this step paces (Rule::breath): seconds in, pause, out; empty: none.
  std::vector<int> breath;
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
  std::vector<Cause> causes;  // `why`, structured (the alternatives' reasons included)
  // How many of `causes` ruled out the routine's exercise itself; the rest ruled out only the
  // versions that could have stood in for it. (More than causes.size(): all of them.)
  std::size_t own_causes = static_cast<std::size_t>(-1);
};

// The fewest tools to add that bring back the most steps left out for want of them.
struct EquipmentSuggestion {
  std::vector<std::string> equipment;  // ids, in library order
  std::vector<std::string> names;      // their display names
  std::vector<std::string> slots;      // the routine's exercises (slots) it brings back
  std::vector<Phase> phases;           // the phases of those slots, in order, each once
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
  general_rule,
  progress,  // the diary: a flare-up day, or a level the person chose over it
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
  // The step on each ladder the plan uses: the person's level, or lower where a condition caps it
  // (a flare-up day, ME/CFS).
  Level level = Level::standard;
  std::vector<PlanPhase> phases;  // in release, mobility, core, stretch order; empty ones left out
  std::map<Phase, std::string> phase_titles;  // the routine's title of each of its phases
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
  // How a client's handout words the notices without command-line flags (the library's
  // settings.handout_wording), so renderers need nothing but the plan.
  std::vector<HandoutWording> handout_wording;
  // The diary's progress state the plan was made from (make_plan with a Progress); unset
  // without a diary.
  std::optional<Progress> progress;
  // Filled by suggest_equipment (plan/suggest_equipment.h), not by make_plan.
  std::optional<EquipmentSuggestion> suggestion;

  bool held() const { return !held_by.empty(); }

  const std::string& name_of(const std::string& id) const {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
  }
};

// Seconds a dose takes: sides x the work of each set, plus rest between sets.
int dose_seconds(const StepDose& dose);

}  // namespace backplan
