#pragma once
// The routine library: what backplan knows, as loaded from routines/*.yaml. Plain data; the
// loader (library_loader.h) builds it and checks every reference, so the planner can trust it.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/figure.h"
#include "model/names.h"
#include "model/profile.h"

namespace backplan {

enum class Phase { release, mobility, core, stretch };
enum class Position { floor, bed, seated, standing };
enum class Firmness { soft, medium, firm };
enum class Gate { adapt, notice, clearance, stop };

// The phases in the one order every plan keeps.
inline constexpr Phase kPhaseOrder[] = {Phase::release, Phase::mobility, Phase::core,
                                        Phase::stretch};

// The words the YAML files and the JSON output use for each value.
inline constexpr auto kPhaseNames = make_names<Phase>({{Phase::release, "release"},
                                                       {Phase::mobility, "mobility"},
                                                       {Phase::core, "core"},
                                                       {Phase::stretch, "stretch"}});
inline constexpr auto kPositionNames = make_names<Position>({{Position::floor, "floor"},
                                                             {Position::bed, "bed"},
                                                             {Position::seated, "seated"},
                                                             {Position::standing, "standing"}});
inline constexpr auto kFirmnessNames = make_names<Firmness>(
    {{Firmness::soft, "soft"}, {Firmness::medium, "medium"}, {Firmness::firm, "firm"}});
inline constexpr auto kGateNames = make_names<Gate>({{Gate::adapt, "adapt"},
                                                     {Gate::notice, "notice"},
                                                     {Gate::clearance, "clearance"},
                                                     {Gate::stop, "stop"}});

inline std::string_view to_string(Phase phase) {
  return kPhaseNames.name(phase);
}
inline std::string_view to_string(Position position) {
  return kPositionNames.name(position);
}
inline std::string_view to_string(Firmness firmness) {
  return kFirmnessNames.name(firmness);
}
inline std::string_view to_string(Gate gate) {
  return kGateNames.name(gate);
}

struct When;
// "always", "at age 55 and over", "without floor access (--no-floor)", "with --avoid calves
// and acute-inflammation or skin-wound", "with pregnancy and high-blood-pressure", "with
// pregnancy or high-blood-pressure", "unless pregnancy or high-blood-pressure is listed".
std::string to_string(const When& when);

// The ids of a list of references, in order.
inline std::vector<std::string> ref_ids(const std::vector<Ref>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.id);
  return out;
}

// Whether a list of references names `id`.
inline bool has_ref(const std::vector<Ref>& refs, std::string_view id) {
  for (const auto& r : refs) {
    if (r.id == id) return true;
  }
  return false;
}

// The YAML words of a list of enum values (phases, positions).
template <typename T>
std::vector<std::string> strings(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.emplace_back(to_string(item));
  return out;
}

// A publication a rule or an exercise rests on, as a reader would look it up.
struct Source {
  std::string id;
  std::string authors;  // people or an organisation; may be empty
  std::string title;
  std::optional<int> year;
  std::string publisher;  // publisher, journal or website
  std::string url;
  std::string doi;
  Location at;
};

// The first command-line flag a text names ("--cleared"), or empty: handouts name none.
std::string flag_in(const std::string& text);

// "McGill S. Back Mechanic. Backfitpro, 2015. https://..." — a source as a citation.
std::string citation(const Source& source);

struct Region {
  std::string id;
  std::string name;
  Location at;
  std::vector<Ref> synonyms;  // other words people use for it (`calf`), read as the id
};

struct Equipment {
  std::string id;
  std::string name;
  std::optional<Firmness> firmness;
  std::vector<Ref> stand_ins;  // ranked
  Location at;
  std::vector<Ref> synonyms;  // other words people use for it, read as the id
};

struct Dose {
  int sets = 1;
  int max_sets = 1;
  std::vector<int> reps;            // per set; empty for holds and rolling passes
  std::optional<int> hold_seconds;  // per rep, or per set without reps
  std::optional<int> rep_seconds;   // per rep of a movement without a hold
  bool per_side = false;
  int rest_seconds = 0;
};

// A dose step on an exercise's ladder: what it changes of the exercise's own dose (stage 0).
// Each stage asks a little more than the one before and never less.
struct Stage {
  std::vector<int> reps;            // per set; empty: the reps stay as they were
  std::optional<int> hold_seconds;  // unset: the holds stay as they were
  Location at;
};

// How an exercise's dose grows before its ladder moves on to the next variant (`levels`).
struct Progression {
  std::vector<Stage> stages;  // after the exercise's own dose, in order; empty: no dose steps
  // Holds are never longer than this at any stage (McGill: endurance grows by reps, not time).
  std::optional<int> max_hold_seconds;
  Location at;
};

struct Exercise {
  std::string id;
  std::string name;
  Phase phase = Phase::release;
  Position position = Position::floor;
  std::vector<Ref> equipment;  // all required; each met by the id or a stand-in
  std::vector<Ref> pressure_on;
  std::vector<Ref> targets;
  std::vector<std::string> tags;
  Dose dose;
  std::vector<std::string> cues;
  // The cues a printed handout shows, as numbers from 1 into `cues`, in order (where to start,
  // the movement, its key safety point); empty: the first two.
  std::vector<int> handout_cues;
  std::vector<Ref> alternatives;  // ranked
  // The exercise to do instead at a level (its ladder); a level not listed is this exercise.
  std::map<Level, Ref> levels;
  Progression progression;   // the dose steps on this exercise
  std::vector<Ref> sources;  // ids of Library::sources
  Location at;
  std::vector<Ref> synonyms;     // other words people use for it (`cat-cow`), read as the id
  std::optional<Figure> figure;  // its picture; none: the handout shows none
};

// The dose of `x` at dose step `stage` (0: its own; past the last stage: the last).
Dose staged_dose(const Exercise& x, int stage);

// Where a step sits among its neighbours in the finished plan, for cues about getting up.
// Levels go floor < bed < seated < standing; the session starts and ends standing.
//   from: the person gets up at the end of this step (the next step, or the end, is higher);
//   to:   the person has just got up for this step (it is higher than the one before).
enum class GettingUp { from, to };
inline constexpr auto kGettingUpNames =
    make_names<GettingUp>({{GettingUp::from, "from"}, {GettingUp::to, "to"}});

// Which steps a dose or cue rule applies to; an empty scope matches every step.
struct Scope {
  std::vector<Phase> phases;
  std::vector<std::string> tags;
  std::vector<Ref> exercises;
  std::vector<Position> positions;
  std::optional<GettingUp> getting_up;  // cue rules only: decided on the finished plan
  // cue rules only: just the first step of each phase the rest of the scope reaches, in the
  // finished plan (advice for the whole phase, said once).
  bool first_in_phase = false;
};

struct DoseLimits {
  std::optional<int> max_hold_seconds;
  std::optional<int> min_hold_seconds;
  std::optional<int> max_sets;
};

enum class RuleKind {
  exclude_positions,
  exclude_tags,
  exclude_exercises,
  no_pressure_on,
  exclude_equipment,
  max_firmness,
  hold_back_phases,
  max_minutes,
  dose,
  cue,
  max_level,
  progression,  // limits what the diary may do to the ladders
};

enum class Lift { cleared, avoid };
inline constexpr auto kLiftNames =
    make_names<Lift>({{Lift::cleared, "cleared"}, {Lift::avoid, "avoid"}});

struct Rule {
  RuleKind kind = RuleKind::cue;
  std::vector<Position> positions;     // exclude_positions
  std::vector<std::string> tags;       // exclude_tags
  std::vector<Ref> ids;                // exclude_exercises, no_pressure_on, exclude_equipment
  std::vector<Phase> phases;           // hold_back_phases
  Lift lifted_by = Lift::cleared;      // hold_back_phases
  Firmness firmness = Firmness::firm;  // max_firmness
  int minutes = 0;                     // max_minutes
  Level level = Level::advanced;       // max_level: the highest ladder step
  bool progress_up = true;             // progression: the diary may move a ladder up
  std::optional<int> max_stage;        // progression: the highest dose step of any exercise
  DoseLimits dose;                     // dose
  std::string cue;                     // cue
  // cue: the breathing the cue paces, seconds in, pause, out (pause 0: none); a guided session
  // draws it (backplan go). Empty: none.
  std::vector<int> breath;
  Scope scope;  // dose, cue
  std::string why;
  std::vector<Ref> sources;  // ids of Library::sources
  Location at;
};

// A question a condition asks, so its rules can fit the answer: a hip replacement's surgical
// approach, the weeks since surgery, the trimester of a pregnancy.
struct Detail {
  std::string id;                    // "approach"
  std::string name;                  // "surgical approach": shown with the value
  std::vector<std::string> choices;  // a choice; empty: a whole number from `min` to `max`
  std::string default_choice;        // a choice's value when not given
  int min = 0;
  int max = 0;  // a number not given is unknown: every test on it matches (the cautious reading)
  Location at;
};

// A test on one detail of a condition (When::Kind::details).
struct DetailTest {
  std::string detail;
  std::vector<std::string> any_of;  // a choice: the value is one of these
  std::optional<int> below;         // a number: under this, or unknown
  std::optional<int> at_least;      // a number: this or more, or unknown
  Location at;
};

// Makes a condition automatic instead of a --condition value.
struct When {
  enum class Kind {
    always,
    age_at_least,
    no_floor,
    avoid_with,
    with_all,
    with_any,
    without,
    details,
    today
  } kind = Kind::always;
  int age = 0;
  // avoid_with: the person keeps pressure off one of `regions` and lives with one of
  // `conditions` (a sore, inflamed calf: a possible clot).
  std::vector<Ref> regions;
  // avoid_with, with_all (every one listed), with_any (at least one listed), without (none of
  // them listed). Always conditions the person lists (--condition), never automatic ones, so a
  // condition's `when` never depends on another's.
  std::vector<Ref> conditions;
  // age_at_least: also under this age when not 0 (`age_below`), so a condition can cover an age
  // band (under 18; 18 and 19).
  int age_below = 0;
  // details: the person lists conditions[0] and its details pass every test.
  std::vector<DetailTest> details;
  // today: the person says it is this kind of day (--flare, --morning), and, when `conditions`
  // is not empty, lists at least one of them.
  Today today = Today::flare;
};

struct EquipmentNotice {
  std::vector<Ref> equipment;
  std::string notice;
  Location at;
};

struct Condition {
  std::string id;
  std::string name;
  Gate gate = Gate::notice;
  std::optional<When> when;
  std::string notice;
  // The notice once the work it holds back is let through (by --cleared or --avoid), so the
  // plan does not ask for what the person has already done; empty: `notice` stays.
  std::string notice_lifted;
  // Notices for people who have some tools: the first whose every tool the person has (listed
  // or always assumed) replaces `notice`, so the plan does not ask for what they listed.
  std::vector<EquipmentNotice> notice_with;
  std::vector<Ref> sources;  // ids of Library::sources
  std::vector<Rule> rules;
  std::vector<Detail> details;  // the questions it asks, in the order they are shown
  Location at;
  std::vector<Ref> synonyms;  // other words people use for it (`sciatica`), read as the id

  const Detail* find_detail(std::string_view id) const;
};

struct Slot {
  Ref exercise;
  int priority = 1;
};

struct RoutinePhase {
  Phase id = Phase::release;
  std::string title;
  std::vector<Slot> slots;
  // The steps keep the slots' order (the Big 3's curl-up, side plank, bird dog); otherwise the
  // planner may reorder them to spare the person getting down and up.
  bool ordered = false;
  // The most the phase may take, transitions included; it takes no spare time either.
  std::optional<int> max_minutes;
  Location at;
};

struct Routine {
  std::string id;
  std::string name;
  std::string description;
  std::vector<RoutinePhase> phases;
  Location at;
};

struct GeneralRule {
  std::string text;
  std::vector<Ref> sources;
};

// A phrase for the command line and what a client's handout says instead: notices may name
// flags ("run the plan again with --cleared"); a printed handout never does ("ask your
// clinician for your full plan").
struct HandoutWording {
  std::string terminal;
  std::string handout;
};

struct Settings {
  Ref default_routine;
  int default_minutes = 20;
  // From this age a profile without a level starts at the beginner step of each ladder; a
  // library that does not say starts everyone there (the cautious reading).
  std::optional<int> beginner_from_age;
  std::vector<Ref> beginner_from_age_sources;
  std::vector<Ref> default_equipment;
  std::string default_equipment_notice;
  std::vector<Ref> assumed_equipment;
  // Applied in order to every notice a handout prints; the checker makes sure no flag is left.
  std::vector<HandoutWording> handout_wording;
};

// When the diary moves a ladder up or back (reference: the pain-monitoring model and graded
// activity), and the words it says it with. Counts are of logged sessions of the routine.
struct ProgressionPolicy {
  int sessions = 3;            // up one step after this many settled sessions in a row at it
  int max_pain_during = 5;     // settled: pain during at most this, and the next morning no
                               // worse than before the session
  int back_pain_during = 6;    // back one step when pain during reached this
  int back_morning_worse = 2;  // ... or the next morning was this much worse than before
  int flare_after = 2;         // this many such sessions in a row: a flare-up day, see someone
  int break_days = 14;         // no move up after a break of this many days or more
  int adherence_days = 7;      // "4 of the last 7 days"
  // The sentences it says, by key (up, down_during, ...), with {placeholders}; see
  // backplan-routines(5).
  std::map<std::string, std::string> wording;
  std::vector<Ref> sources;
  Location at;
  bool defined = false;  // the library has a `progression:`; without it the diary moves nothing
};

// The keys a policy's wording must give, and the placeholders each may use.
struct WordingKey {
  std::string_view key;
  std::string_view placeholders;  // space-separated
};
inline constexpr WordingKey kProgressionWording[] = {
    {"up", "sessions max_pain_during"},
    {"building", "good sessions"},
    {"top", ""},
    {"down_during", "pain"},
    {"down_morning", "worse"},
    {"bottom", ""},
    {"no_rating", ""},
    {"no_morning", ""},
    {"break", "days"},
    {"not_done", ""},
    {"library_changed", "exercise"},
    {"flare", "bad"},
    {"level_chosen", ""},
    {"adherence", "days window"},
    {"adherence_none", "window"},
    {"streak", "streak"},
};

// `text` as a client's handout says it: each of `wording` replaced, in order.
std::string handout_text(const std::vector<HandoutWording>& wording, std::string text);

struct Library {
  Settings settings;
  std::vector<GeneralRule> general_rules;
  // The signs every plan lists under "stop and get help at once" (the person is screened each
  // time, not only when they name a red flag).
  std::vector<GeneralRule> emergency_signs;
  std::vector<Region> regions;
  std::vector<Equipment> equipment;
  std::vector<Exercise> exercises;
  std::vector<Condition> conditions;
  std::vector<Routine> routines;
  std::vector<Source> sources;
  ProgressionPolicy progression;
  FigureModel figure_model;  // body proportions and joint limits (routines/figures.yaml)

  const Source* find_source(std::string_view id) const;
  const Region* find_region(std::string_view id) const;
  const Equipment* find_equipment(std::string_view id) const;
  const Exercise* find_exercise(std::string_view id) const;
  const Condition* find_condition(std::string_view id) const;
  const Routine* find_routine(std::string_view id) const;
};

}  // namespace backplan
