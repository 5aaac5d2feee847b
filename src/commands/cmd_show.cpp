#include "commands/cmd_show.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "commands/library_json.h"
#include "figure/svg.h"
#include "io/output.h"
#include "io/terminal.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"
#include "model/plan.h"
#include "plan/constraints.h"
#include "render/render_text.h"
#include "text/suggest.h"

namespace backplan {

namespace {

constexpr int kLabel = 14;  // the label column of "Phase         core"

template <typename T>
bool contains(const std::vector<T>& items, const T& value) {
  return std::find(items.begin(), items.end(), value) != items.end();
}

std::string name_and_id(const std::string& name, const std::string& id) {
  return fmt::format("{} ({})", name, id);
}

std::string equipment_name(const Library& lib, const std::string& id) {
  const Equipment* e = lib.find_equipment(id);
  return e ? e->name : id;
}

std::string region_name(const Library& lib, const std::string& id) {
  const Region* r = lib.find_region(id);
  return r ? r->name : id;
}

std::string exercise_name(const Library& lib, const std::string& id) {
  const Exercise* x = lib.find_exercise(id);
  return x ? name_and_id(x->name, id) : id;
}

std::string lift_text(Lift lift) {
  return lift == Lift::cleared ? "until --cleared" : "until --avoid names the area";
}

std::string scope_text(const Scope& s) {
  std::vector<std::string> parts;
  if (!s.phases.empty())
    parts.push_back(fmt::format("phases {}", fmt::join(strings(s.phases), ", ")));
  if (!s.positions.empty())
    parts.push_back(fmt::format("positions {}", fmt::join(strings(s.positions), ", ")));
  if (!s.tags.empty()) parts.push_back(fmt::format("tags {}", fmt::join(s.tags, ", ")));
  if (!s.exercises.empty())
    parts.push_back(fmt::format("exercises {}", fmt::join(ref_ids(s.exercises), ", ")));
  if (s.getting_up) {
    parts.push_back(*s.getting_up == GettingUp::from ? "steps you get up from"
                                                     : "steps you have just got up for");
  }
  if (s.first_in_phase) parts.push_back("the first such step of each phase");
  return parts.empty() ? "every step" : fmt::format("{}", fmt::join(parts, "; "));
}

std::string dose_limits_text(const DoseLimits& d) {
  std::vector<std::string> parts;
  if (d.max_hold_seconds) parts.push_back(fmt::format("holds at most {} s", *d.max_hold_seconds));
  if (d.min_hold_seconds) parts.push_back(fmt::format("holds at least {} s", *d.min_hold_seconds));
  if (d.max_sets)
    parts.push_back(fmt::format("at most {} set{}", *d.max_sets, *d.max_sets == 1 ? "" : "s"));
  return fmt::format("{}", fmt::join(parts, ", "));
}

// What a rule does, in general (for `show CONDITION`).
std::string rule_text(const Library& lib, const Rule& r) {
  std::vector<std::string> names;
  switch (r.kind) {
    case RuleKind::exclude_positions:
      return fmt::format("rules out the positions {}", fmt::join(strings(r.positions), ", "));
    case RuleKind::exclude_tags:
      return fmt::format("rules out exercises tagged {}", fmt::join(r.tags, ", "));
    case RuleKind::exclude_exercises:
      return fmt::format("rules out the exercises {}", fmt::join(ref_ids(r.ids), ", "));
    case RuleKind::no_pressure_on:
      for (const auto& id : r.ids) names.push_back(region_name(lib, id.id));
      return fmt::format("no pressure on: {}", fmt::join(names, "; "));
    case RuleKind::exclude_equipment:
      for (const auto& id : r.ids) names.push_back(equipment_name(lib, id.id));
      return fmt::format("rules out the tools: {}", fmt::join(names, ", "));
    case RuleKind::max_firmness:
      return fmt::format("tools no firmer than {}", to_string(r.firmness));
    case RuleKind::hold_back_phases:
      return fmt::format("holds back the {} phase {}", fmt::join(strings(r.phases), ", "),
                         lift_text(r.lifted_by));
    case RuleKind::max_minutes:
      return fmt::format("the session takes at most {} min", r.minutes);
    case RuleKind::dose:
      return fmt::format("{} (for {})", dose_limits_text(r.dose), scope_text(r.scope));
    case RuleKind::cue:
      return fmt::format("adds the cue \"{}\" (for {}){}", r.cue, scope_text(r.scope),
                         r.breath.size() == 3
                             ? fmt::format("; 'go' paces it: in {} s, pause {} s, out {} s",
                                           r.breath[0], r.breath[1], r.breath[2])
                             : "");
    case RuleKind::max_level:
      return fmt::format("exercises with levels go no higher than the {} step", to_string(r.level));
    case RuleKind::progression: {
      std::vector<std::string> parts;
      if (!r.progress_up) parts.push_back("the diary never moves an exercise up on its own");
      if (r.max_stage)
        parts.push_back(*r.max_stage == 0 ? std::string("each exercise at its own dose")
                                          : fmt::format("no dose step past {}", *r.max_stage));
      return fmt::format("{}", fmt::join(parts, "; "));
    }
  }
  return "";
}

// The tools that could fill an exercise's needs: each tool and its stand-ins.
std::vector<const Equipment*> candidate_tools(const Library& lib, const Exercise& x) {
  std::vector<const Equipment*> out;
  for (const auto& need : x.equipment) {
    for (const Equipment* e : tool_candidates(lib, need.id)) out.push_back(e);
  }
  return out;
}

// How a rule changes this exercise, or nothing when it does not reach it.
std::optional<std::string> effect_on(const Library& lib, const Rule& r, const Exercise& x) {
  std::vector<std::string> names;
  switch (r.kind) {
    case RuleKind::exclude_positions:
      if (!contains(r.positions, x.position)) return std::nullopt;
      return fmt::format("left out: no {} exercises", to_string(x.position));
    case RuleKind::exclude_tags:
      for (const auto& t : r.tags) {
        if (contains(x.tags, t)) names.push_back(t);
      }
      if (names.empty()) return std::nullopt;
      return fmt::format("left out: tagged {}", fmt::join(names, ", "));
    case RuleKind::exclude_exercises:
      if (!has_ref(r.ids, x.id)) return std::nullopt;
      return std::string("left out");
    case RuleKind::no_pressure_on:
      for (const auto& id : r.ids) {
        if (has_ref(x.pressure_on, id.id)) names.push_back(region_name(lib, id.id));
      }
      if (names.empty()) return std::nullopt;
      return fmt::format("left out: it presses on {}", fmt::join(names, "; "));
    case RuleKind::exclude_equipment:
      for (const Equipment* e : candidate_tools(lib, x)) {
        if (rules_out_tool(r, *e) && !contains(names, e->name)) names.push_back(e->name);
      }
      if (names.empty()) return std::nullopt;
      return fmt::format("not with: {}", fmt::join(names, ", "));
    case RuleKind::max_firmness:
      for (const Equipment* e : candidate_tools(lib, x)) {
        if (rules_out_tool(r, *e) && !contains(names, e->name)) names.push_back(e->name);
      }
      if (names.empty()) return std::nullopt;
      return fmt::format("{} tools only, so not with: {}", to_string(r.firmness),
                         fmt::join(names, ", "));
    case RuleKind::hold_back_phases:
      if (!contains(r.phases, x.phase)) return std::nullopt;
      return fmt::format("held back {}", lift_text(r.lifted_by));
    case RuleKind::max_minutes:
      return std::nullopt;  // the whole session, not this exercise
    case RuleKind::progression:
      if (r.max_stage && static_cast<int>(x.progression.stages.size()) > *r.max_stage)
        return *r.max_stage == 0 ? std::string("kept to its own dose")
                                 : fmt::format("no dose step past {}", *r.max_stage);
      if (!r.progress_up && (!x.levels.empty() || !x.progression.stages.empty()))
        return std::string("not moved up by the diary");
      return std::nullopt;
    case RuleKind::max_level:
      if (x.levels.empty()) return std::nullopt;
      return fmt::format("done at the {} step or below", to_string(r.level));
    case RuleKind::dose: {
      if (!in_scope(r.scope, x)) return std::nullopt;
      const auto& d = r.dose;
      const auto hold = x.dose.hold_seconds;
      std::vector<std::string> parts;
      const char* const holds = x.phase == Phase::release ? "passes" : "holds";
      if (d.max_hold_seconds && hold && *hold > *d.max_hold_seconds)
        parts.push_back(fmt::format("{} shortened to {} s", holds, *d.max_hold_seconds));
      if (d.min_hold_seconds && hold && *hold < *d.min_hold_seconds)
        parts.push_back(fmt::format("{} lengthened to {} s", holds, *d.min_hold_seconds));
      if (d.max_sets && x.dose.max_sets > *d.max_sets)
        parts.push_back(fmt::format("{} set{} at most", *d.max_sets, *d.max_sets == 1 ? "" : "s"));
      if (parts.empty()) return std::nullopt;
      return fmt::format("{}", fmt::join(parts, ", "));
    }
    case RuleKind::cue:
      if (!in_scope(r.scope, x)) return std::nullopt;
      if (r.scope.first_in_phase) {
        return fmt::format("adds the cue \"{}\" when it is the first such step of its phase",
                           r.cue);
      }
      if (r.scope.getting_up) {
        return fmt::format("adds the cue \"{}\" {}", r.cue,
                           *r.scope.getting_up == GettingUp::from
                               ? "when you get up after it"
                               : "when you have just got up for it");
      }
      return fmt::format("adds the cue \"{}\"", r.cue);
  }
  return std::nullopt;
}

std::string condition_heading(const Condition& c) {
  std::string how = c.gate == Gate::stop ? "red flag" : fmt::format("gate {}", to_string(c.gate));
  if (c.when) how += ", applies by itself " + to_string(*c.when);
  return fmt::format("{} ({}; {})", c.name, c.id, how);
}

class Writer {
 public:
  explicit Writer(int width) : width_(width) {}
  void line(const std::string& s = "") { out_ += s + "\n"; }
  void text(const std::string& s, const std::string& first, const std::string& rest) {
    line(wrap(s, width_, first, rest));
  }
  void field(const std::string& label, const std::string& value) {
    const std::string first =
        label + std::string(static_cast<std::size_t>(kLabel) - label.size(), ' ');
    text(value, first, std::string(kLabel, ' '));
  }
  void item(const std::string& s) { text(s, "  - ", "    "); }
  void heading(const std::string& s) {
    line();
    text(s, "", "");
  }
  std::string str() const { return out_; }

 private:
  int width_;
  std::string out_;
};

// The sources a description cites, each listed once at its end, in the order first cited.
class Citations {
 public:
  explicit Citations(const Library& lib) : lib_(lib) {}

  // "a, b": the ids, noted for the list at the end.
  std::string cite(const std::vector<Ref>& refs) {
    for (const auto& r : refs) {
      if (!contains(ids_, r.id)) ids_.push_back(r.id);
    }
    return fmt::format("{}", fmt::join(ref_ids(refs), ", "));
  }

  void write(Writer& w) const {
    if (ids_.empty()) return;
    w.heading("Sources");
    for (const auto& id : ids_) {
      const Source* src = lib_.find_source(id);
      w.item(src ? fmt::format("{}: {}", id, citation(*src)) : id);
    }
  }

 private:
  const Library& lib_;
  std::vector<std::string> ids_;
};

std::string show_exercise(const Library& lib, const Exercise& x, int width) {
  Writer w(width);
  Citations cites(lib);
  w.text(name_and_id(x.name, x.id), "", "");
  w.line();
  w.field("Phase", std::string(to_string(x.phase)));
  w.field("Position", std::string(to_string(x.position)));
  std::vector<std::string> tools;
  for (const auto& need : x.equipment) {
    std::string tool = name_and_id(equipment_name(lib, need.id), need.id);
    if (const Equipment* e = lib.find_equipment(need.id); e && !e->stand_ins.empty()) {
      std::vector<std::string> alts;
      for (const auto& s : e->stand_ins) alts.push_back(equipment_name(lib, s.id));
      tool += fmt::format("; stand-ins, in order: {}", fmt::join(alts, ", "));
    }
    tools.push_back(tool);
  }
  w.field("Equipment", tools.empty() ? "none" : fmt::format("{}", fmt::join(tools, ". ")));
  std::vector<std::string> regions;
  for (const auto& r : x.pressure_on) regions.push_back(region_name(lib, r.id));
  w.field("Presses on", regions.empty()
                            ? "nothing"
                            : fmt::format("{} (left out when --avoid names one of them)",
                                          fmt::join(regions, "; ")));
  std::vector<std::string> targets;
  for (const auto& r : x.targets) targets.push_back(region_name(lib, r.id));
  if (!targets.empty()) w.field("Works", fmt::format("{}", fmt::join(targets, "; ")));
  if (!x.tags.empty()) w.field("Tags", fmt::format("{}", fmt::join(x.tags, ", ")));
  StepDose dose;
  dose.sets = x.dose.sets;
  dose.max_sets = x.dose.max_sets;
  dose.reps = x.dose.reps;
  dose.hold_seconds = x.dose.hold_seconds;
  dose.rep_seconds = x.dose.rep_seconds;
  dose.per_side = x.dose.per_side;
  dose.rest_seconds = x.dose.rest_seconds;
  std::string dose_text = fmt::format("{}; about {}", dose_in_words(dose, x.phase),
                                      duration_in_words(dose_seconds(dose)));
  if (dose.max_sets > dose.sets) {
    dose_text += fmt::format("; long sessions go up to {} {}", dose.max_sets,
                             !dose.reps.empty()          ? "rounds"
                             : x.phase == Phase::release ? "passes"
                                                         : "holds");
  }
  w.field("Dose", dose_text);
  if (!x.progression.stages.empty()) {
    // The dose steps the diary climbs before the ladder moves on (backplan-routines(5)).
    std::vector<std::string> steps;
    for (std::size_t i = 1; i <= x.progression.stages.size(); ++i) {
      steps.push_back(
          fmt::format("{}. {}", i, dose_in_words(staged_dose(x, static_cast<int>(i)), x.phase)));
    }
    w.field("Dose steps", fmt::format("{}", fmt::join(steps, "; ")));
  }
  if (!x.sources.empty()) w.field("Sources", cites.cite(x.sources));
  w.field("Defined at", to_string(x.at));

  w.heading("Cues");
  for (const auto& cue : x.cues) w.item(cue);

  if (!x.alternatives.empty()) {
    w.heading("Alternatives, tried in this order when it does not suit");
    int n = 0;
    for (const auto& a : x.alternatives) {
      w.text(exercise_name(lib, a.id), fmt::format("  {}. ", ++n), "     ");
    }
  }
  if (!x.levels.empty()) {
    w.heading("Levels (--level; without it, beginner at 55 and over, else standard)");
    for (const auto& [level, name] : kLevelNames.entries()) {
      const auto it = x.levels.find(level);
      w.text(fmt::format("{}: {}", name,
                         it == x.levels.end() ? name_and_id(x.name, x.id)
                                              : exercise_name(lib, it->second.id)),
             "  - ", "    ");
    }
  }
  std::vector<std::string> ladder_of;
  for (const auto& other : lib.exercises) {
    for (const auto& [level, ref] : other.levels) {
      if (ref.id == x.id)
        ladder_of.push_back(
            fmt::format("{} at {} level", name_and_id(other.name, other.id), to_string(level)));
    }
  }
  if (!ladder_of.empty()) {
    w.heading("A step on the ladder of");
    for (const auto& s : ladder_of) w.item(s);
  }
  std::vector<std::string> stands_in;
  for (const auto& other : lib.exercises) {
    if (has_ref(other.alternatives, x.id)) stands_in.push_back(name_and_id(other.name, other.id));
  }
  if (!stands_in.empty()) {
    w.heading("Stands in for");
    for (const auto& s : stands_in) w.item(s);
  }
  std::vector<std::string> uses;
  for (const auto& routine : lib.routines) {
    for (const auto& phase : routine.phases) {
      for (const auto& slot : phase.slots) {
        if (slot.exercise.id == x.id) {
          uses.push_back(fmt::format("{} ({}), {}, priority {}", routine.name, routine.id,
                                     phase.title, slot.priority));
        }
      }
    }
  }
  if (!uses.empty()) {
    w.heading("In routines");
    for (const auto& u : uses) w.item(u);
  }

  w.heading("What changes it");
  bool any = false;
  for (const auto& c : lib.conditions) {
    std::vector<std::pair<std::string, const Rule*>> effects;
    for (const auto& r : c.rules) {
      if (auto effect = effect_on(lib, r, x)) effects.emplace_back(*effect, &r);
    }
    if (effects.empty()) continue;
    any = true;
    w.text(condition_heading(c), "  ", "  ");
    for (const auto& [effect, rule] : effects) {
      w.text(rule->why.empty() ? effect : fmt::format("{}: {}", effect, rule->why), "    - ",
             "      ");
      w.text("Sources: " + cites.cite(rule->sources), "      ", "      ");
    }
  }
  if (!any) w.text("No condition in the library changes it.", "  ", "  ");
  cites.write(w);
  return w.str();
}

std::string show_condition(const Library& lib, const Condition& c, int width) {
  Writer w(width);
  Citations cites(lib);
  w.text(name_and_id(c.name, c.id), "", "");
  w.line();
  w.field("Gate", c.gate == Gate::stop ? "stop (a red flag: no plan, seek care)"
                                       : std::string(to_string(c.gate)));
  w.field("Applies", c.when ? "by itself, " + to_string(*c.when)
                            : fmt::format("when named: --condition {}", c.id));
  if (!c.notice.empty()) w.field("Notice", c.notice);
  if (!c.notice_lifted.empty()) w.field("Once lifted", c.notice_lifted);
  for (const auto& v : c.notice_with) {
    std::vector<std::string> tools;
    for (const auto& r : v.equipment) tools.push_back(r.id);
    w.field("With tools", fmt::format("{}: {}", fmt::join(tools, ", "), v.notice));
  }
  if (!c.sources.empty()) w.field("Sources", cites.cite(c.sources));
  w.field("Defined at", to_string(c.at));
  if (!c.details.empty()) {
    w.heading(fmt::format("Details (give them as --condition {}:{}=VALUE:...)", c.id,
                          c.details.front().id));
    for (const auto& d : c.details) {
      const std::string values =
          d.choices.empty()
              ? fmt::format(
                    "a whole number from {} to {}; when not given, it is unknown and "
                    "read the cautious way",
                    d.min, d.max)
              : fmt::format("{}; default {}", fmt::join(d.choices, ", "), d.default_choice);
      w.text(fmt::format("{} ({}): {}", d.id, d.name, values), "  - ", "    ");
    }
  }
  std::vector<std::string> follow;
  for (const auto& other : lib.conditions) {
    if (other.when && has_ref(other.when->conditions, c.id))
      follow.push_back(fmt::format("{} ({})", other.id, to_string(*other.when)));
  }
  if (!follow.empty()) {
    w.heading("Conditions that follow from it");
    for (const auto& f : follow) w.text(f, "  - ", "    ");
  }
  if (!c.rules.empty()) {
    w.heading("Rules");
    for (const auto& r : c.rules) {
      const std::string what = rule_text(lib, r);
      w.text(r.why.empty() ? what : fmt::format("{}: {}", what, r.why), "  - ", "    ");
      w.text("Sources: " + cites.cite(r.sources), "    ", "    ");
    }
    std::vector<std::string> reached;
    for (const auto& x : lib.exercises) {
      const bool reaches = std::any_of(c.rules.begin(), c.rules.end(), [&](const Rule& r) {
        return effect_on(lib, r, x).has_value();
      });
      if (reaches) reached.push_back(x.id);
    }
    w.heading(
        fmt::format("Exercises it changes ({}; 'backplan show ID' says how)", reached.size()));
    if (!reached.empty()) w.text(fmt::format("{}", fmt::join(reached, ", ")), "  ", "  ");
  }
  cites.write(w);
  return w.str();
}

std::string show_source(const Library& lib, const Source& src, int width) {
  Writer w(width);
  w.text(fmt::format("{} ({})", src.title, src.id), "", "");
  w.line();
  if (!src.authors.empty()) w.field("Authors", src.authors);
  if (src.year) w.field("Year", std::to_string(*src.year));
  if (!src.publisher.empty()) w.field("Published", src.publisher);
  if (!src.url.empty()) w.field("URL", src.url);
  if (!src.doi.empty()) w.field("DOI", src.doi);
  w.field("Citation", citation(src));
  w.field("Defined at", to_string(src.at));
  std::vector<std::string> cited_by;
  auto cites = [&](const std::vector<Ref>& refs) { return has_ref(refs, src.id); };
  for (const auto& g : lib.general_rules) {
    if (cites(g.sources)) cited_by.push_back("general rule: " + g.text);
  }
  for (const auto& x : lib.exercises) {
    if (cites(x.sources)) cited_by.push_back(fmt::format("exercise {}", x.id));
  }
  for (const auto& c : lib.conditions) {
    if (cites(c.sources)) cited_by.push_back(fmt::format("condition {}", c.id));
    for (const auto& r : c.rules) {
      // A cue rule needs no `why`: its cue says what it is.
      if (cites(r.sources)) {
        cited_by.push_back(fmt::format("condition {}: {}", c.id,
                                       r.why.empty() && r.kind == RuleKind::cue ? r.cue : r.why));
      }
    }
  }
  w.heading(fmt::format("Cited by ({})", cited_by.size()));
  for (const auto& c : cited_by) w.item(c);
  return w.str();
}

std::string show_equipment(const Library& lib, const Equipment& e, int width) {
  Writer w(width);
  w.text(name_and_id(e.name, e.id), "", "");
  w.line();
  w.field("Firmness", e.firmness ? std::string(to_string(*e.firmness)) : "-");
  std::vector<std::string> alts;
  for (const auto& s : e.stand_ins) alts.push_back(name_and_id(equipment_name(lib, s.id), s.id));
  w.field("Stand-ins",
          alts.empty() ? "none" : fmt::format("{} (in this order)", fmt::join(alts, "; ")));
  std::vector<std::string> covers;
  for (const auto& other : lib.equipment) {
    if (has_ref(other.stand_ins, e.id)) covers.push_back(name_and_id(other.name, other.id));
  }
  if (!covers.empty()) w.field("Stands in for", fmt::format("{}", fmt::join(covers, "; ")));
  if (has_ref(lib.settings.assumed_equipment, e.id))
    w.field("Assumed", "always, without --equipment");
  if (has_ref(lib.settings.default_equipment, e.id))
    w.field("Default kit", "assumed when you give no --equipment");
  w.field("Defined at", to_string(e.at));

  std::vector<std::string> used;
  for (const auto& x : lib.exercises) {
    for (const Equipment* t : candidate_tools(lib, x)) {
      if (t->id == e.id) {
        used.push_back(x.id);
        break;
      }
    }
  }
  w.heading(fmt::format("Exercises that can use it ({})", used.size()));
  if (!used.empty()) w.text(fmt::format("{}", fmt::join(used, ", ")), "  ", "  ");

  std::vector<std::string> limits;
  for (const auto& c : lib.conditions) {
    for (const auto& r : c.rules) {
      if (rules_out_tool(r, e)) limits.push_back(fmt::format("{}: {}", c.id, r.why));
    }
  }
  if (!limits.empty()) {
    w.heading("Conditions that rule it out");
    for (const auto& l : limits) w.item(l);
  }
  return w.str();
}

// `show ID --format json`: the entry with every field its YAML has (as `list --format json`
// gives it), what refers to it, and the full record of every source it and its rules cite.
std::string show_json(const Library& lib, const std::string& kind, LibraryJson item,
                      LibraryJson related, const std::vector<std::vector<Ref>>& cited) {
  LibraryJson sources = LibraryJson::array();
  std::vector<std::string> seen;
  for (const auto& refs : cited) {
    for (const auto& ref : refs) {
      if (contains(seen, ref.id)) continue;
      seen.push_back(ref.id);
      if (const Source* src = lib.find_source(ref.id)) sources.push_back(source_json(*src));
    }
  }
  LibraryJson out = {{"format", "backplan-show-1"}, {"kind", kind}, {"item", std::move(item)}};
  for (auto& [key, value] : related.items()) out[key] = value;
  out["sources"] = sources;
  return out.dump(2) + "\n";
}

std::string exercise_show_json(const Library& lib, const Exercise& x) {
  std::vector<std::vector<Ref>> cited{x.sources};
  LibraryJson changed = LibraryJson::array();
  for (const auto& c : lib.conditions) {
    for (const auto& r : c.rules) {
      if (auto effect = effect_on(lib, r, x)) {
        changed.push_back({{"condition", c.id},
                           {"effect", *effect},
                           {"why", r.why},
                           {"source", ref_ids(r.sources)}});
        cited.push_back(r.sources);
      }
    }
  }
  LibraryJson stands_in = LibraryJson::array(), ladder_of = LibraryJson::array(),
              routines = LibraryJson::array();
  for (const auto& other : lib.exercises) {
    if (has_ref(other.alternatives, x.id)) stands_in.push_back(other.id);
    for (const auto& [level, ref] : other.levels) {
      if (ref.id == x.id)
        ladder_of.push_back({{"exercise", other.id}, {"level", std::string(to_string(level))}});
    }
  }
  for (const auto& routine : lib.routines) {
    for (const auto& phase : routine.phases) {
      for (const auto& slot : phase.slots) {
        if (slot.exercise.id == x.id) {
          routines.push_back({{"routine", routine.id},
                              {"phase", std::string(to_string(phase.id))},
                              {"priority", slot.priority}});
        }
      }
    }
  }
  return show_json(lib, "exercise", exercise_json(x),
                   {{"stands_in_for", stands_in},
                    {"ladder_of", ladder_of},
                    {"in_routines", routines},
                    {"changed_by", changed}},
                   cited);
}

std::string condition_show_json(const Library& lib, const Condition& c) {
  std::vector<std::vector<Ref>> cited{c.sources};
  for (const auto& r : c.rules) cited.push_back(r.sources);
  LibraryJson changes = LibraryJson::array();
  for (const auto& x : lib.exercises) {
    for (const auto& r : c.rules) {
      if (auto effect = effect_on(lib, r, x))
        changes.push_back({{"exercise", x.id}, {"effect", *effect}});
    }
  }
  return show_json(lib, "condition", condition_json(c), {{"changes", changes}}, cited);
}

std::string equipment_show_json(const Library& lib, const Equipment& e) {
  LibraryJson covers = LibraryJson::array(), used = LibraryJson::array(),
              ruled_out = LibraryJson::array();
  for (const auto& other : lib.equipment) {
    if (has_ref(other.stand_ins, e.id)) covers.push_back(other.id);
  }
  for (const auto& x : lib.exercises) {
    for (const Equipment* t : candidate_tools(lib, x)) {
      if (t->id == e.id) {
        used.push_back(x.id);
        break;
      }
    }
  }
  std::vector<std::vector<Ref>> cited;
  for (const auto& c : lib.conditions) {
    for (const auto& r : c.rules) {
      if (rules_out_tool(r, e)) {
        ruled_out.push_back({{"condition", c.id}, {"why", r.why}, {"source", ref_ids(r.sources)}});
        cited.push_back(r.sources);
      }
    }
  }
  return show_json(lib, "equipment", equipment_json(lib, e),
                   {{"stands_in_for", covers}, {"used_by", used}, {"ruled_out_by", ruled_out}},
                   cited);
}

std::string source_show_json(const Library& lib, const Source& src) {
  LibraryJson cited_by = LibraryJson::array();
  auto cites = [&](const std::vector<Ref>& refs) { return has_ref(refs, src.id); };
  for (const auto& g : lib.general_rules) {
    if (cites(g.sources)) cited_by.push_back({{"general_rule", g.text}});
  }
  for (const auto& x : lib.exercises) {
    if (cites(x.sources)) cited_by.push_back({{"exercise", x.id}});
  }
  for (const auto& c : lib.conditions) {
    if (cites(c.sources)) cited_by.push_back({{"condition", c.id}});
    for (const auto& r : c.rules) {
      if (cites(r.sources)) cited_by.push_back({{"condition", c.id}, {"rule", rule_json(r)}});
    }
  }
  return show_json(lib, "source", source_json(src), {{"cited_by", cited_by}}, {});
}

}  // namespace

std::vector<std::string> show_ids(const Library& lib) {
  std::vector<std::string> ids;
  for (const auto& x : lib.exercises) ids.push_back(x.id);
  for (const auto& c : lib.conditions) ids.push_back(c.id);
  for (const auto& e : lib.equipment) ids.push_back(e.id);
  for (const auto& src : lib.sources) ids.push_back(src.id);
  return ids;
}

std::string render_show(const Library& lib, const std::string& typed, int width, bool json) {
  // Ids in any case; a synonym an entry declares is its id.
  std::string id = typed;
  for (char& c : id) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto by_synonym = [&](const auto& entries) {
    for (const auto& entry : entries) {
      for (const Ref& synonym : entry.synonyms) {
        if (synonym.id == id) return std::optional<std::string>(entry.id);
      }
    }
    return std::optional<std::string>();
  };
  if (auto real = by_synonym(lib.exercises)) id = *real;
  if (auto real = by_synonym(lib.conditions)) id = *real;
  if (auto real = by_synonym(lib.equipment)) id = *real;
  if (const Exercise* x = lib.find_exercise(id))
    return json ? exercise_show_json(lib, *x) : show_exercise(lib, *x, width);
  if (const Condition* c = lib.find_condition(id))
    return json ? condition_show_json(lib, *c) : show_condition(lib, *c, width);
  if (const Equipment* e = lib.find_equipment(id))
    return json ? equipment_show_json(lib, *e) : show_equipment(lib, *e, width);
  if (const Source* src = lib.find_source(id))
    return json ? source_show_json(lib, *src) : show_source(lib, *src, width);
  const auto near = closest(id, show_ids(lib));
  throw Error(ExitCode::usage,
              near ? fmt::format("unknown id '{}' (did you mean '{}'?)", id, *near)
                   : fmt::format("unknown id '{}': not an exercise, condition, equipment or source "
                                 "in the library; see 'backplan list exercises'",
                                 id));
}

std::string render_show_svg(const Library& lib, const std::string& id) {
  const Exercise* x = lib.find_exercise(id);
  if (!x) {
    std::vector<std::string> ids;
    for (const auto& e : lib.exercises) ids.push_back(e.id);
    throw Error::flag("--format", unknown_message("exercise", id, ids) +
                                      " (--format svg draws an exercise's figure)");
  }
  if (!x->figure) {
    throw Error(ExitCode::usage,
                fmt::format("exercise '{}' has no figure; add a 'figure:' to it (see "
                            "backplan-routines(5))",
                            id));
  }
  return figure::to_svg(figure::draw_figure(lib.figure_model, *x->figure));
}

int run_show(const ShowOptions& options) {
  bool json = false;
  if (options.format == "json") {
    json = true;
  } else if (options.format == "svg") {
    const Library lib = load_library_or_throw(options.routines);
    write_output("-", render_show_svg(lib, options.id));
    return static_cast<int>(ExitCode::ok);
  } else if (options.format != "text") {
    throw Error::flag("--format",
                      unknown_message("format", options.format, {"text", "json", "svg"}));
  }
  const Library lib = load_library_or_throw(options.routines);
  write_output("-", render_show(lib, options.id, stdout_width(), json));
  return static_cast<int>(ExitCode::ok);
}

}  // namespace backplan
