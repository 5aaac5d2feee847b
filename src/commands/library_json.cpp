#include "commands/library_json.h"

#include <algorithm>
#include <string>
#include <vector>

namespace backplan {

namespace {

using json = LibraryJson;

json optional_int(const std::optional<int>& value) {
  return value ? json(*value) : json(nullptr);
}

json when_json(const std::optional<When>& w) {
  if (!w) return nullptr;
  switch (w->kind) {
    case When::Kind::always:
      return {{"always", true}};
    case When::Kind::age_at_least: {
      json out = json::object();
      if (w->age > 0) out["age_at_least"] = w->age;
      if (w->age_below > 0) out["age_below"] = w->age_below;
      return out;
    }
    case When::Kind::no_floor:
      return {{"floor", false}};
    case When::Kind::avoid_with:
      return {{"avoid_with",
               {{"regions", ref_ids(w->regions)}, {"conditions", ref_ids(w->conditions)}}}};
    case When::Kind::with_all:
      return {{"with_all", ref_ids(w->conditions)}};
    case When::Kind::with_any:
      return {{"with_any", ref_ids(w->conditions)}};
    case When::Kind::without:
      return {{"without", ref_ids(w->conditions)}};
    case When::Kind::today: {
      json out = {{"today", std::string(to_string(w->today))}};
      if (!w->conditions.empty()) out["with_any"] = ref_ids(w->conditions);
      return out;
    }
    case When::Kind::details: {
      json tests = {{"condition", w->conditions.front().id}};
      for (const auto& t : w->details) {
        if (!t.any_of.empty()) {
          tests[t.detail] = t.any_of;
        } else if (t.below) {
          tests[t.detail] = {{"below", *t.below}};
        } else if (t.at_least) {
          tests[t.detail] = {{"at_least", *t.at_least}};
        }
      }
      return {{"details", tests}};
    }
  }
  return nullptr;
}

// A condition's questions: choices with the default, or a number's range.
json details_json(const Condition& c) {
  json out = json::array();
  for (const auto& d : c.details) {
    json item = {{"id", d.id}, {"name", d.name}};
    if (d.choices.empty()) {
      item["number"] = {{"min", d.min}, {"max", d.max}};
    } else {
      item["choices"] = d.choices;
      item["default"] = d.default_choice;
    }
    out.push_back(item);
  }
  return out;
}

json dose_json(const Dose& d) {
  return {{"sets", d.sets},
          {"max_sets", d.max_sets},
          {"reps", d.reps},
          {"hold_seconds", optional_int(d.hold_seconds)},
          {"rep_seconds", optional_int(d.rep_seconds)},
          {"per_side", d.per_side},
          {"rest_seconds", d.rest_seconds}};
}

// A dose or cue rule's scope, in the rule's own keys; only those given.
void add_scope(json& out, const Scope& s) {
  if (!s.phases.empty()) out["phases"] = strings(s.phases);
  if (!s.tags.empty()) out["tags"] = s.tags;
  if (!s.exercises.empty()) out["exercises"] = ref_ids(s.exercises);
  if (!s.positions.empty()) out["positions"] = strings(s.positions);
  if (s.getting_up) out["getting_up"] = std::string(kGettingUpNames.name(*s.getting_up));
  if (s.first_in_phase) out["first_in_phase"] = true;
}

}  // namespace

LibraryJson source_json(const Source& src) {
  return {{"id", src.id},
          {"authors", src.authors},
          {"title", src.title},
          {"year", optional_int(src.year)},
          {"publisher", src.publisher},
          {"url", src.url},
          {"doi", src.doi},
          {"citation", citation(src)}};
}

LibraryJson region_json(const Region& r) {
  return {{"id", r.id}, {"name", r.name}};
}

LibraryJson equipment_json(const Library& lib, const Equipment& e) {
  return {{"id", e.id},
          {"name", e.name},
          {"firmness", e.firmness ? json(std::string(to_string(*e.firmness))) : json(nullptr)},
          {"stand_ins", ref_ids(e.stand_ins)},
          {"assumed", has_ref(lib.settings.assumed_equipment, e.id)},
          {"default", has_ref(lib.settings.default_equipment, e.id)}};
}

// An exercise's dose steps: {"max_hold_seconds": 10, "stages": [{"reps": [6, 4, 2]}, ...]}.
json progression_json(const Progression& p) {
  json stages = json::array();
  for (const auto& s : p.stages) {
    json stage = json::object();
    if (!s.reps.empty()) stage["reps"] = s.reps;
    if (s.hold_seconds) stage["hold_seconds"] = *s.hold_seconds;
    stages.push_back(stage);
  }
  return {{"max_hold_seconds", p.max_hold_seconds ? json(*p.max_hold_seconds) : json(nullptr)},
          {"stages", stages}};
}

// An exercise's figure in its YAML form (backplan-routines(5), "figure"); null without one.
json figure_json(const std::optional<Figure>& figure) {
  if (!figure) return nullptr;
  const Figure& g = *figure;
  json poses = json::array();
  for (const auto& p : g.poses) {
    json joints = json::object();
    for (const auto& j : p.joints) joints[j.joint] = j.degrees;
    poses.push_back({{"body", p.body}, {"joints", joints}, {"contacts", ref_ids(p.contacts)}});
  }
  json arrows = json::array();
  for (const auto& a : g.arrows) {
    json arrow = {{"pose", a.pose}, {"point", a.point}};
    if (a.to_pose) {
      arrow["to_pose"] = a.to_pose;
    } else {
      arrow["direction"] = a.direction;
      arrow["length"] = a.length;
    }
    arrow["both_ways"] = a.both_ways;
    arrows.push_back(arrow);
  }
  json props = json::array();
  for (const auto& p : g.props) {
    json prop = {{"shape", std::string(kPropShapeNames.name(p.shape))},
                 {"equipment", p.equipment ? json(p.equipment->id) : json(nullptr)},
                 {"at", p.at}};
    if (!p.to.empty()) prop["to"] = p.to;
    props.push_back(prop);
  }
  return {{"view", std::string(kFigureViewNames.name(g.view))},
          {"support", std::string(kFigureSupportNames.name(g.support))},
          {"layout", std::string(kFigureLayoutNames.name(g.layout))},
          {"poses", poses},
          {"arrows", arrows},
          {"props", props},
          {"per_side", g.per_side}};
}

LibraryJson exercise_json(const Exercise& x) {
  json levels = json::object();
  for (const auto& [level, ref] : x.levels) levels[std::string(to_string(level))] = ref.id;
  return {{"id", x.id},
          {"name", x.name},
          {"phase", std::string(to_string(x.phase))},
          {"position", std::string(to_string(x.position))},
          {"equipment", ref_ids(x.equipment)},
          {"pressure_on", ref_ids(x.pressure_on)},
          {"targets", ref_ids(x.targets)},
          {"tags", x.tags},
          {"dose", dose_json(x.dose)},
          {"cues", x.cues},
          {"handout_cues", x.handout_cues},
          {"alternatives", ref_ids(x.alternatives)},
          {"levels", levels},
          {"progression", progression_json(x.progression)},
          {"figure", figure_json(x.figure)},
          {"source", ref_ids(x.sources)}};
}

LibraryJson rule_json(const Rule& r) {
  json out = json::object();
  switch (r.kind) {
    case RuleKind::exclude_positions:
      out["exclude_positions"] = strings(r.positions);
      break;
    case RuleKind::exclude_tags:
      out["exclude_tags"] = r.tags;
      break;
    case RuleKind::exclude_exercises:
      out["exclude_exercises"] = ref_ids(r.ids);
      break;
    case RuleKind::no_pressure_on:
      out["no_pressure_on"] = ref_ids(r.ids);
      break;
    case RuleKind::exclude_equipment:
      out["exclude_equipment"] = ref_ids(r.ids);
      break;
    case RuleKind::max_firmness:
      out["max_firmness"] = std::string(to_string(r.firmness));
      break;
    case RuleKind::hold_back_phases:
      out["hold_back_phases"] = strings(r.phases);
      out["lifted_by"] = std::string(kLiftNames.name(r.lifted_by));
      break;
    case RuleKind::max_minutes:
      out["max_minutes"] = r.minutes;
      break;
    case RuleKind::max_level:
      out["max_level"] = std::string(to_string(r.level));
      break;
    case RuleKind::progression: {
      json p = json::object();
      if (!r.progress_up) p["up"] = false;
      if (r.max_stage) p["max_stage"] = *r.max_stage;
      out["progression"] = p;
      break;
    }
    case RuleKind::dose: {
      json limits = json::object();
      if (r.dose.max_hold_seconds) limits["max_hold_seconds"] = *r.dose.max_hold_seconds;
      if (r.dose.min_hold_seconds) limits["min_hold_seconds"] = *r.dose.min_hold_seconds;
      if (r.dose.max_sets) limits["max_sets"] = *r.dose.max_sets;
      out["dose"] = limits;
      add_scope(out, r.scope);
      break;
    }
    case RuleKind::cue:
      out["cue"] = r.cue;
      if (!r.breath.empty()) out["breath"] = r.breath;
      add_scope(out, r.scope);
      break;
  }
  out["why"] = r.why;
  out["source"] = ref_ids(r.sources);
  return out;
}

LibraryJson condition_json(const Condition& c) {
  json notice_with = json::array();
  for (const auto& n : c.notice_with) {
    notice_with.push_back({{"equipment", ref_ids(n.equipment)}, {"notice", n.notice}});
  }
  json rules = json::array();
  for (const auto& r : c.rules) rules.push_back(rule_json(r));
  return {{"id", c.id},
          {"name", c.name},
          {"gate", std::string(to_string(c.gate))},
          {"red_flag", c.gate == Gate::stop},
          {"when", when_json(c.when)},
          {"details", details_json(c)},
          {"notice", c.notice},
          {"notice_lifted", c.notice_lifted},
          {"notice_with", notice_with},
          {"source", ref_ids(c.sources)},
          {"rules", rules}};
}

LibraryJson routine_json(const Routine& r) {
  json phases = json::array();
  for (const auto& ph : r.phases) {
    json slots = json::array();
    for (const auto& s : ph.slots) {
      slots.push_back({{"exercise", s.exercise.id}, {"priority", s.priority}});
    }
    phases.push_back({{"id", std::string(to_string(ph.id))},
                      {"title", ph.title},
                      {"ordered", ph.ordered},
                      {"max_minutes", optional_int(ph.max_minutes)},
                      {"slots", slots}});
  }
  return {{"id", r.id}, {"name", r.name}, {"description", r.description}, {"phases", phases}};
}

}  // namespace backplan
