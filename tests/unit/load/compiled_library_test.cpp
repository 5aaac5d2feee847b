// The library compiled at build time against the library parsed from the same YAML, compared
// member by member: a field the code generator drops shows up here by its path.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "load/library_codegen.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"
#include "model/library.h"

using namespace backplan;

namespace {

// The paths of the fields that differ, such as "exercises[3] (curl-up).dose.rest_seconds".
struct Diffs {
  std::vector<std::string> paths;

  // A value compared with ==: numbers, text, enums, optionals and lists of those.
  template <typename T>
  void field(const std::string& path, const T& a, const T& b) {
    if (!(a == b)) paths.push_back(path);
  }
};

// How an entry of a list is named in a path: its id where it has one.
std::string label(const Ref& r) {
  return " (" + r.id + ")";
}
std::string label(const Region& r) {
  return " (" + r.id + ")";
}
std::string label(const Equipment& e) {
  return " (" + e.id + ")";
}
std::string label(const Exercise& x) {
  return " (" + x.id + ")";
}
std::string label(const Condition& c) {
  return " (" + c.id + ")";
}
std::string label(const EquipmentNotice&) {
  return "";
}
std::string label(const Routine& r) {
  return " (" + r.id + ")";
}
std::string label(const RoutinePhase& p) {
  return " (" + std::string(to_string(p.id)) + ")";
}
std::string label(const Slot& s) {
  return " (" + s.exercise.id + ")";
}
std::string label(const Source& s) {
  return " (" + s.id + ")";
}
std::string label(const Stage&) {
  return "";
}
std::string label(const Rule&) {
  return "";
}
std::string label(const GeneralRule&) {
  return "";
}
std::string label(const Detail& d) {
  return " (" + d.id + ")";
}
std::string label(const DetailTest& t) {
  return " (" + t.detail + ")";
}

std::string label(const JointLimit& j) {
  return " (" + j.joint + ")";
}
std::string label(const JointAngle& j) {
  return " (" + j.joint + ")";
}
std::string label(const Pose&) {
  return "";
}
std::string label(const FigureArrow&) {
  return "";
}
std::string label(const FigureProp&) {
  return "";
}

void compare(Diffs& d, const std::string& path, const Location& a, const Location& b);
void compare(Diffs& d, const std::string& path, const Ref& a, const Ref& b);
template <typename T>
void each(Diffs& d, const std::string& path, const std::vector<T>& a, const std::vector<T>& b);

void compare(Diffs& d, const std::string& path, const JointLimit& a, const JointLimit& b) {
  d.field(path + ".joint", a.joint, b.joint);
  d.field(path + ".view", a.view, b.view);
  d.field(path + ".min", a.min, b.min);
  d.field(path + ".max", a.max, b.max);
  each(d, path + ".sources", a.sources, b.sources);
  compare(d, path + ".at", a.at, b.at);
}
void compare(Diffs& d, const std::string& path, const JointAngle& a, const JointAngle& b) {
  d.field(path + ".joint", a.joint, b.joint);
  d.field(path + ".degrees", a.degrees, b.degrees);
  compare(d, path + ".at", a.at, b.at);
}
void compare(Diffs& d, const std::string& path, const Pose& a, const Pose& b) {
  d.field(path + ".body", a.body, b.body);
  each(d, path + ".joints", a.joints, b.joints);
  each(d, path + ".contacts", a.contacts, b.contacts);
  compare(d, path + ".at", a.at, b.at);
}
void compare(Diffs& d, const std::string& path, const FigureArrow& a, const FigureArrow& b) {
  d.field(path + ".pose", a.pose, b.pose);
  d.field(path + ".point", a.point, b.point);
  d.field(path + ".to_pose", a.to_pose, b.to_pose);
  d.field(path + ".direction", a.direction, b.direction);
  d.field(path + ".length", a.length, b.length);
  d.field(path + ".both_ways", a.both_ways, b.both_ways);
  compare(d, path + ".at", a.at, b.at);
}
void compare(Diffs& d, const std::string& path, const FigureProp& a, const FigureProp& b) {
  d.field(path + ".shape", a.shape, b.shape);
  d.field(path + ".equipment.has", a.equipment.has_value(), b.equipment.has_value());
  if (a.equipment && b.equipment) compare(d, path + ".equipment", *a.equipment, *b.equipment);
  d.field(path + ".at", a.at, b.at);
  d.field(path + ".to", a.to, b.to);
  compare(d, path + ".location", a.location, b.location);
}
void compare(Diffs& d, const std::string& path, const Figure& a, const Figure& b) {
  d.field(path + ".view", a.view, b.view);
  d.field(path + ".support", a.support, b.support);
  d.field(path + ".layout", a.layout, b.layout);
  d.field(path + ".per_side", a.per_side, b.per_side);
  each(d, path + ".poses", a.poses, b.poses);
  each(d, path + ".arrows", a.arrows, b.arrows);
  each(d, path + ".props", a.props, b.props);
  compare(d, path + ".at", a.at, b.at);
}
void compare(Diffs& d, const std::string& path, const FigureModel& a, const FigureModel& b) {
  d.field(path + ".segments", a.segments, b.segments);
  each(d, path + ".segment_sources", a.segment_sources, b.segment_sources);
  each(d, path + ".limits", a.limits, b.limits);
  compare(d, path + ".at", a.at, b.at);
  d.field(path + ".defined", a.defined, b.defined);
}

// Two lists of structs: their sizes, then each pair of entries the two have in common.
template <typename T>
void each(Diffs& d, const std::string& path, const std::vector<T>& a, const std::vector<T>& b) {
  d.field(path + ".size", a.size(), b.size());
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    compare(d, path + "[" + std::to_string(i) + "]" + label(a[i]), a[i], b[i]);
  }
}

void compare(Diffs& d, const std::string& path, const Location& a, const Location& b) {
  d.field(path + ".path", a.path, b.path);
  d.field(path + ".line", a.line, b.line);
  d.field(path + ".column", a.column, b.column);
}

void compare(Diffs& d, const std::string& path, const Ref& a, const Ref& b) {
  d.field(path + ".id", a.id, b.id);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const Region& a, const Region& b) {
  d.field(path + ".id", a.id, b.id);
  d.field(path + ".name", a.name, b.name);
  compare(d, path + ".at", a.at, b.at);
  each(d, path + ".synonyms", a.synonyms, b.synonyms);
}

void compare(Diffs& d, const std::string& path, const Source& a, const Source& b) {
  d.field(path + ".id", a.id, b.id);
  d.field(path + ".authors", a.authors, b.authors);
  d.field(path + ".title", a.title, b.title);
  d.field(path + ".year", a.year, b.year);
  d.field(path + ".publisher", a.publisher, b.publisher);
  d.field(path + ".url", a.url, b.url);
  d.field(path + ".doi", a.doi, b.doi);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const Equipment& a, const Equipment& b) {
  d.field(path + ".id", a.id, b.id);
  d.field(path + ".name", a.name, b.name);
  d.field(path + ".firmness", a.firmness, b.firmness);
  each(d, path + ".stand_ins", a.stand_ins, b.stand_ins);
  each(d, path + ".synonyms", a.synonyms, b.synonyms);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const Dose& a, const Dose& b) {
  d.field(path + ".sets", a.sets, b.sets);
  d.field(path + ".max_sets", a.max_sets, b.max_sets);
  d.field(path + ".reps", a.reps, b.reps);
  d.field(path + ".hold_seconds", a.hold_seconds, b.hold_seconds);
  d.field(path + ".rep_seconds", a.rep_seconds, b.rep_seconds);
  d.field(path + ".per_side", a.per_side, b.per_side);
  d.field(path + ".rest_seconds", a.rest_seconds, b.rest_seconds);
}

void compare(Diffs& d, const std::string& path, const Stage& a, const Stage& b) {
  d.field(path + ".reps", a.reps, b.reps);
  d.field(path + ".hold_seconds", a.hold_seconds, b.hold_seconds);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const Progression& a, const Progression& b) {
  each(d, path + ".stages", a.stages, b.stages);
  d.field(path + ".max_hold_seconds", a.max_hold_seconds, b.max_hold_seconds);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const ProgressionPolicy& a,
             const ProgressionPolicy& b) {
  d.field(path + ".sessions", a.sessions, b.sessions);
  d.field(path + ".max_pain_during", a.max_pain_during, b.max_pain_during);
  d.field(path + ".back_pain_during", a.back_pain_during, b.back_pain_during);
  d.field(path + ".back_morning_worse", a.back_morning_worse, b.back_morning_worse);
  d.field(path + ".flare_after", a.flare_after, b.flare_after);
  d.field(path + ".break_days", a.break_days, b.break_days);
  d.field(path + ".adherence_days", a.adherence_days, b.adherence_days);
  d.field(path + ".wording", a.wording, b.wording);
  each(d, path + ".sources", a.sources, b.sources);
  compare(d, path + ".at", a.at, b.at);
  d.field(path + ".defined", a.defined, b.defined);
}

void compare(Diffs& d, const std::string& path, const Exercise& a, const Exercise& b) {
  d.field(path + ".id", a.id, b.id);
  d.field(path + ".name", a.name, b.name);
  d.field(path + ".phase", a.phase, b.phase);
  d.field(path + ".position", a.position, b.position);
  each(d, path + ".equipment", a.equipment, b.equipment);
  each(d, path + ".pressure_on", a.pressure_on, b.pressure_on);
  each(d, path + ".targets", a.targets, b.targets);
  d.field(path + ".tags", a.tags, b.tags);
  compare(d, path + ".dose", a.dose, b.dose);
  d.field(path + ".cues", a.cues, b.cues);
  d.field(path + ".handout_cues", a.handout_cues, b.handout_cues);
  each(d, path + ".alternatives", a.alternatives, b.alternatives);
  d.field(path + ".levels.size", a.levels.size(), b.levels.size());
  for (const auto& [level, ref] : a.levels) {
    const auto other = b.levels.find(level);
    const std::string at = path + ".levels." + std::string(to_string(level));
    if (other == b.levels.end()) {
      d.paths.push_back(at);
    } else {
      compare(d, at, ref, other->second);
    }
  }
  compare(d, path + ".progression", a.progression, b.progression);
  each(d, path + ".synonyms", a.synonyms, b.synonyms);
  each(d, path + ".sources", a.sources, b.sources);
  d.field(path + ".figure.has", a.figure.has_value(), b.figure.has_value());
  if (a.figure && b.figure) compare(d, path + ".figure", *a.figure, *b.figure);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const Scope& a, const Scope& b) {
  d.field(path + ".phases", a.phases, b.phases);
  d.field(path + ".tags", a.tags, b.tags);
  each(d, path + ".exercises", a.exercises, b.exercises);
  d.field(path + ".positions", a.positions, b.positions);
  d.field(path + ".getting_up", a.getting_up, b.getting_up);
  d.field(path + ".first_in_phase", a.first_in_phase, b.first_in_phase);
}

void compare(Diffs& d, const std::string& path, const EquipmentNotice& a,
             const EquipmentNotice& b) {
  each(d, path + ".equipment", a.equipment, b.equipment);
  d.field(path + ".notice", a.notice, b.notice);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const DoseLimits& a, const DoseLimits& b) {
  d.field(path + ".max_hold_seconds", a.max_hold_seconds, b.max_hold_seconds);
  d.field(path + ".min_hold_seconds", a.min_hold_seconds, b.min_hold_seconds);
  d.field(path + ".max_sets", a.max_sets, b.max_sets);
}

void compare(Diffs& d, const std::string& path, const Rule& a, const Rule& b) {
  d.field(path + ".kind", a.kind, b.kind);
  d.field(path + ".positions", a.positions, b.positions);
  d.field(path + ".tags", a.tags, b.tags);
  each(d, path + ".ids", a.ids, b.ids);
  d.field(path + ".phases", a.phases, b.phases);
  d.field(path + ".lifted_by", a.lifted_by, b.lifted_by);
  d.field(path + ".firmness", a.firmness, b.firmness);
  d.field(path + ".minutes", a.minutes, b.minutes);
  d.field(path + ".level", a.level, b.level);
  d.field(path + ".progress_up", a.progress_up, b.progress_up);
  d.field(path + ".max_stage", a.max_stage, b.max_stage);
  compare(d, path + ".dose", a.dose, b.dose);
  d.field(path + ".cue", a.cue, b.cue);
  d.field(path + ".breath", a.breath, b.breath);
  compare(d, path + ".scope", a.scope, b.scope);
  d.field(path + ".why", a.why, b.why);
  each(d, path + ".sources", a.sources, b.sources);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const DetailTest& a, const DetailTest& b) {
  d.field(path + ".detail", a.detail, b.detail);
  d.field(path + ".any_of", a.any_of, b.any_of);
  d.field(path + ".below", a.below, b.below);
  d.field(path + ".at_least", a.at_least, b.at_least);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const Detail& a, const Detail& b) {
  d.field(path + ".id", a.id, b.id);
  d.field(path + ".name", a.name, b.name);
  d.field(path + ".choices", a.choices, b.choices);
  d.field(path + ".default_choice", a.default_choice, b.default_choice);
  d.field(path + ".min", a.min, b.min);
  d.field(path + ".max", a.max, b.max);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const When& a, const When& b) {
  d.field(path + ".kind", a.kind, b.kind);
  d.field(path + ".age", a.age, b.age);
  d.field(path + ".age_below", a.age_below, b.age_below);
  each(d, path + ".regions", a.regions, b.regions);
  each(d, path + ".conditions", a.conditions, b.conditions);
  each(d, path + ".details", a.details, b.details);
  d.field(path + ".today", a.today, b.today);
}

void compare(Diffs& d, const std::string& path, const Condition& a, const Condition& b) {
  d.field(path + ".id", a.id, b.id);
  d.field(path + ".name", a.name, b.name);
  d.field(path + ".gate", a.gate, b.gate);
  d.field(path + ".when.has_value", a.when.has_value(), b.when.has_value());
  if (a.when && b.when) compare(d, path + ".when", *a.when, *b.when);
  d.field(path + ".notice", a.notice, b.notice);
  d.field(path + ".notice_lifted", a.notice_lifted, b.notice_lifted);
  each(d, path + ".notice_with", a.notice_with, b.notice_with);
  each(d, path + ".sources", a.sources, b.sources);
  each(d, path + ".rules", a.rules, b.rules);
  each(d, path + ".details", a.details, b.details);
  each(d, path + ".synonyms", a.synonyms, b.synonyms);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const Slot& a, const Slot& b) {
  compare(d, path + ".exercise", a.exercise, b.exercise);
  d.field(path + ".priority", a.priority, b.priority);
}

void compare(Diffs& d, const std::string& path, const RoutinePhase& a, const RoutinePhase& b) {
  d.field(path + ".id", a.id, b.id);
  d.field(path + ".title", a.title, b.title);
  each(d, path + ".slots", a.slots, b.slots);
  d.field(path + ".ordered", a.ordered, b.ordered);
  d.field(path + ".max_minutes", a.max_minutes, b.max_minutes);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const Routine& a, const Routine& b) {
  d.field(path + ".id", a.id, b.id);
  d.field(path + ".name", a.name, b.name);
  d.field(path + ".description", a.description, b.description);
  each(d, path + ".phases", a.phases, b.phases);
  compare(d, path + ".at", a.at, b.at);
}

void compare(Diffs& d, const std::string& path, const GeneralRule& a, const GeneralRule& b) {
  d.field(path + ".text", a.text, b.text);
  each(d, path + ".sources", a.sources, b.sources);
}

void compare(Diffs& d, const std::string& path, const Settings& a, const Settings& b) {
  compare(d, path + ".default_routine", a.default_routine, b.default_routine);
  d.field(path + ".default_minutes", a.default_minutes, b.default_minutes);
  d.field(path + ".beginner_from_age", a.beginner_from_age, b.beginner_from_age);
  each(d, path + ".beginner_from_age_sources", a.beginner_from_age_sources,
       b.beginner_from_age_sources);
  each(d, path + ".default_equipment", a.default_equipment, b.default_equipment);
  d.field(path + ".default_equipment_notice", a.default_equipment_notice,
          b.default_equipment_notice);
  each(d, path + ".assumed_equipment", a.assumed_equipment, b.assumed_equipment);
  d.field(path + ".handout_wording.size", a.handout_wording.size(), b.handout_wording.size());
  for (std::size_t i = 0; i < std::min(a.handout_wording.size(), b.handout_wording.size()); ++i) {
    const std::string at = path + ".handout_wording[" + std::to_string(i) + "]";
    d.field(at + ".terminal", a.handout_wording[i].terminal, b.handout_wording[i].terminal);
    d.field(at + ".handout", a.handout_wording[i].handout, b.handout_wording[i].handout);
  }
}

// The paths of every field in which `a` and `b` differ; empty when they are equal.
std::vector<std::string> library_diffs(const Library& a, const Library& b) {
  Diffs d;
  compare(d, "settings", a.settings, b.settings);
  each(d, "general_rules", a.general_rules, b.general_rules);
  each(d, "emergency_signs", a.emergency_signs, b.emergency_signs);
  each(d, "regions", a.regions, b.regions);
  each(d, "equipment", a.equipment, b.equipment);
  each(d, "exercises", a.exercises, b.exercises);
  each(d, "conditions", a.conditions, b.conditions);
  each(d, "routines", a.routines, b.routines);
  each(d, "sources", a.sources, b.sources);
  compare(d, "progression", a.progression, b.progression);
  compare(d, "figure_model", a.figure_model, b.figure_model);
  return d.paths;
}

std::string lines(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& p : paths) out += p + "\n";
  return out;
}

Library parsed_builtin_library() {
  DiagnosticSink sink;
  Library lib = load_library({builtin_library_files()}, sink);
  REQUIRE(sink.empty());
  return lib;
}

// "conditions[2] (osteoporosis)": how the comparison names an entry of a list.
template <typename T>
std::string entry(const std::string& list, std::size_t index, const T& value) {
  return list + "[" + std::to_string(index) + "]" + label(value);
}

}  // namespace

TEST_CASE("the library compiled at build time is the YAML library, field for field") {
  const Library parsed = parsed_builtin_library();
  const Library& compiled = compiled_builtin_library();
  // Not two empty libraries compared.
  REQUIRE_FALSE(parsed.exercises.empty());
  REQUIRE_FALSE(parsed.conditions.empty());
  REQUIRE_FALSE(parsed.routines.empty());
  REQUIRE_FALSE(parsed.sources.empty());
  REQUIRE_FALSE(parsed.emergency_signs.empty());
  const auto diffs = library_diffs(compiled, parsed);
  INFO("fields that differ:\n" << lines(diffs));
  CHECK(diffs.empty());
  CHECK(compiled.find_exercise("cat-camel")->at.path == "<built-in>/exercises-mobility.yaml");
}

TEST_CASE("the field-for-field comparison names the one field that differs") {
  const Library parsed = parsed_builtin_library();
  CHECK(library_diffs(parsed, parsed).empty());

  // A rule's dose limit, deep inside a condition.
  Library changed = parsed;
  std::string expected;
  for (std::size_t c = 0; c < changed.conditions.size() && expected.empty(); ++c) {
    auto& rules = changed.conditions[c].rules;
    for (std::size_t r = 0; r < rules.size() && expected.empty(); ++r) {
      if (rules[r].kind != RuleKind::dose) continue;
      rules[r].dose.max_sets = rules[r].dose.max_sets.value_or(0) + 1;
      expected = entry("conditions", c, changed.conditions[c]) + entry(".rules", r, rules[r]) +
                 ".dose.max_sets";
    }
  }
  REQUIRE_FALSE(expected.empty());
  CHECK(library_diffs(changed, parsed) == std::vector<std::string>{expected});

  // A column in a position.
  changed = parsed;
  changed.exercises[3].at.column += 1;
  CHECK(library_diffs(parsed, changed) ==
        std::vector<std::string>{entry("exercises", 3, parsed.exercises[3]) + ".at.column"});
  CHECK(entry("exercises", 3, parsed.exercises[3]) ==
        "exercises[3] (" + parsed.exercises[3].id + ")");

  // A position inside a reference.
  changed = parsed;
  changed.settings.default_routine.at.line += 1;
  CHECK(library_diffs(parsed, changed) ==
        std::vector<std::string>{"settings.default_routine.at.line"});

  // A dose step of an exercise's ladder, and the progression policy.
  changed = parsed;
  {
    const Exercise* curl = changed.find_exercise("curl-up");
    REQUIRE(curl);
    REQUIRE_FALSE(curl->progression.stages.empty());
    const auto index = static_cast<std::size_t>(curl - changed.exercises.data());
    changed.exercises[index].progression.stages[0].reps[0] += 1;
    CHECK(
        library_diffs(parsed, changed) ==
        std::vector<std::string>{entry("exercises", index, *curl) + ".progression.stages[0].reps"});
  }
  changed = parsed;
  REQUIRE(parsed.progression.defined);
  changed.progression.wording["up"] += "!";
  CHECK(library_diffs(parsed, changed) == std::vector<std::string>{"progression.wording"});

  // A missing list entry is named by the list's size.
  changed = parsed;
  changed.routines.pop_back();
  CHECK(library_diffs(parsed, changed) == std::vector<std::string>{"routines.size"});
}
