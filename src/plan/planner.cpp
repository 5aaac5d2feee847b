#include "plan/planner.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "plan/constraints.h"
#include "plan/time_fit.h"
#include "text/suggest.h"

namespace backplan {

namespace {

// Whether an exercise suits the person, and with which tools.
struct Fit {
  std::vector<std::string> reasons;  // empty when it fits
  std::vector<std::string> tools;
  std::vector<Cause> causes;  // `reasons`, structured
};

class Planner {
 public:
  Planner(const Library& lib, const Profile& p, const Constraints& k) : lib_(lib), k_(k) {
    owned_ = p.equipment;
    for (const auto& ref : lib.settings.assumed_equipment) owned_.push_back(ref.id);
  }

  Fit check(const Exercise& x) const {
    Fit fit;
    auto add_all = [&](const std::vector<std::string>& reasons) {
      for (const auto& r : reasons) add_reason(fit.reasons, r);
      for (const auto& r : reasons) add_cause(fit.causes, k_.causes.at(r));
    };
    if (auto it = k_.positions.find(x.position); it != k_.positions.end()) add_all(it->second);
    if (auto it = k_.exercises.find(x.id); it != k_.exercises.end()) add_all(it->second);
    for (const auto& tag : x.tags) {
      if (auto it = k_.tags.find(tag); it != k_.tags.end()) add_all(it->second);
    }
    for (const auto& region : x.pressure_on) {
      if (auto it = k_.regions.find(region.id); it != k_.regions.end()) add_all(it->second);
    }
    for (const auto& need : x.equipment) {
      std::vector<std::string> tool_reasons;
      std::vector<Cause> tool_causes;
      if (auto tool = pick_tool(need.id, tool_reasons, tool_causes)) {
        fit.tools.push_back(*tool);
      } else {
        for (const auto& r : tool_reasons) add_reason(fit.reasons, r);
        for (const auto& c : tool_causes) add_cause(fit.causes, c);
      }
    }
    return fit;
  }

  // check(x), worked out once per plan: slots share alternatives, so the walks meet the same
  // exercises again.
  const Fit& checked(const Exercise& x) const {
    for (const auto& [seen, fit] : fits_) {
      if (seen == &x) return fit;
    }
    fits_.emplace_back(&x, check(x));
    return fits_.back().second;
  }

  // The best tool the person has for `need`: the tool itself or a ranked stand-in.
  std::optional<std::string> pick_tool(const std::string& need, std::vector<std::string>& reasons,
                                       std::vector<Cause>& causes) const {
    const std::vector<const Equipment*> candidates = tool_candidates(lib_, need);
    bool owns_any = false;
    for (const Equipment* e : candidates) {
      if (std::find(owned_.begin(), owned_.end(), e->id) == owned_.end()) continue;
      owns_any = true;
      if (auto it = k_.equipment.find(e->id); it != k_.equipment.end()) {
        for (const auto& r : it->second) add_reason(reasons, r);
        for (const auto& r : it->second) add_cause(causes, k_.causes.at(r));
        continue;
      }
      if (k_.max_firmness && e->firmness && *e->firmness > *k_.max_firmness) {
        for (const auto& r : k_.firmness_reasons) add_reason(reasons, r);
        for (const auto& r : k_.firmness_reasons) add_cause(causes, k_.causes.at(r));
        continue;
      }
      return e->id;
    }
    if (!owns_any) {
      std::vector<std::string> names;
      for (const Equipment* e : candidates) names.push_back(lower_first(e->name));
      add_reason(reasons,
                 names.size() == 1
                     ? fmt::format("it needs a {}, which you did not list", names[0])
                     : fmt::format("it needs a {} or a stand-in ({}), and you listed none "
                                   "of them",
                                   names[0], fmt::join(names.begin() + 1, names.end(), ", ")));
      add_cause(causes,
                {CauseKind::equipment, need, fmt::format("No {}", names[0]),
                 names.size() == 1
                     ? fmt::format("you did not list a {}", names[0])
                     : fmt::format("you did not list a {} or a stand-in for it ({})", names[0],
                                   fmt::join(names.begin() + 1, names.end(), ", "))});
    }
    return std::nullopt;
  }

  // The exercise for a slot: the routine's own, or the first alternative (depth first, in rank
  // order) that suits the person. Fills `why` with the reasons the routine's own was ruled out.
  // `causes` has `why`, structured; `tried_causes` those of the alternatives ruled out too.
  const Exercise* choose(const Exercise& wanted, std::vector<std::string>& why,
                         std::vector<std::string>& tools, std::vector<std::string>& tried,
                         std::vector<Cause>& causes, std::vector<Cause>& tried_causes) const {
    Walk walk{why, tools, tried, causes, tried_causes, {}, nullptr, true};
    visit(wanted, walk);
    return walk.found;
  }

  // One walk of choose(): what it fills, the exercises seen (a handful, so a vector), the answer.
  struct Walk {
    std::vector<std::string>& why;
    std::vector<std::string>& tools;
    std::vector<std::string>& tried;
    std::vector<Cause>& causes;
    std::vector<Cause>& tried_causes;
    std::vector<const Exercise*> visited;
    const Exercise* found;
    bool first;
  };

  void visit(const Exercise& x, Walk& w) const {
    if (w.found || std::find(w.visited.begin(), w.visited.end(), &x) != w.visited.end()) return;
    w.visited.push_back(&x);
    const Fit& fit = checked(x);
    if (fit.reasons.empty()) {
      w.found = &x;
      w.tools = fit.tools;
      return;
    }
    if (w.first) {
      w.why = fit.reasons;
      w.causes = fit.causes;
      w.first = false;
    } else {
      w.tried.push_back(fmt::format("{} is out too: {}", x.name, fmt::join(fit.reasons, "; ")));
      for (const auto& c : fit.causes) add_cause(w.tried_causes, c);
    }
    for (const auto& alt : x.alternatives) visit(*lib_.find_exercise(alt.id), w);
  }

  static std::string lower_first(std::string s) {
    if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
      s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
  }

 private:
  const Library& lib_;
  const Constraints& k_;
  std::vector<std::string> owned_;
  mutable std::deque<std::pair<const Exercise*, Fit>> fits_;  // checked()'s answers (stable)
};

// Applies the dose rules that reach this exercise; says why in `why`.
void adjust_dose(const Exercise& x, const Constraints& k, StepDose& dose, int& base_sets,
                 std::vector<std::string>& why, std::vector<DoseChange>& changes,
                 std::optional<int>& hold_ceiling, std::string& ceiling_why) {
  std::vector<ScopedRule> rules;
  for (const auto& sr : k.dose_rules) {
    if (in_scope(sr.rule->scope, x)) rules.push_back(sr);
  }
  // A rolling pass is held on the area, but a person calls it a pass.
  const char* const holds = x.phase == Phase::release ? "passes" : "holds";
  // Minimums first, then maximums, so a safety cap always wins over a minimum.
  for (const auto& sr : rules) {
    const auto& lim = sr.rule->dose;
    if (lim.min_hold_seconds && dose.hold_seconds && *dose.hold_seconds < *lim.min_hold_seconds) {
      why.push_back(fmt::format("{} lengthened to {} s: {}", holds, *lim.min_hold_seconds,
                                reason(*sr.condition, *sr.rule)));
      changes.push_back({fmt::format("{} lengthened to {} s", holds, *lim.min_hold_seconds),
                         rule_cause(*sr.condition, *sr.rule)});
      dose.hold_seconds = lim.min_hold_seconds;
    }
  }
  // A rule that asks for longer holds and allows up to a maximum gives a range: spare time
  // lengthens the holds within it, up to the lowest maximum in force.
  std::optional<int> lowest_max;
  for (const auto& sr : rules) {
    const auto& lim = sr.rule->dose;
    if (lim.max_hold_seconds)
      lowest_max = std::min(lowest_max.value_or(*lim.max_hold_seconds), *lim.max_hold_seconds);
  }
  for (const auto& sr : rules) {
    const auto& lim = sr.rule->dose;
    if (lim.min_hold_seconds && lim.max_hold_seconds && dose.hold_seconds && lowest_max &&
        *lowest_max > *dose.hold_seconds && !hold_ceiling) {
      hold_ceiling = lowest_max;
      ceiling_why = reason(*sr.condition, *sr.rule);
    }
  }
  for (const auto& sr : rules) {
    const auto& lim = sr.rule->dose;
    if (lim.max_hold_seconds && dose.hold_seconds && *dose.hold_seconds > *lim.max_hold_seconds) {
      why.push_back(fmt::format("{} shortened to {} s: {}", holds, *lim.max_hold_seconds,
                                reason(*sr.condition, *sr.rule)));
      changes.push_back({fmt::format("{} shortened to {} s", holds, *lim.max_hold_seconds),
                         rule_cause(*sr.condition, *sr.rule)});
      dose.hold_seconds = lim.max_hold_seconds;
    }
    if (lim.max_sets && dose.max_sets > *lim.max_sets) {
      if (base_sets > *lim.max_sets) {
        why.push_back(fmt::format("{} set{} at most: {}", *lim.max_sets,
                                  *lim.max_sets == 1 ? "" : "s", reason(*sr.condition, *sr.rule)));
        changes.push_back(
            {fmt::format("{} set{} at most", *lim.max_sets, *lim.max_sets == 1 ? "" : "s"),
             rule_cause(*sr.condition, *sr.rule)});
      }
      dose.max_sets = *lim.max_sets;
      base_sets = std::min(base_sets, *lim.max_sets);
      dose.sets = std::min(dose.sets, *lim.max_sets);
    }
  }
}

// Spare time worth a walk: less than this is left as slack.
constexpr int kWalkMinSeconds = 5 * 60;

std::string minutes_text(int seconds) {
  const int minutes = seconds / 60;
  return fmt::format("{} minute{}", minutes, minutes == 1 ? "" : "s");
}

NoticeLevel level_of(Gate gate) {
  switch (gate) {
    case Gate::stop:
      return NoticeLevel::stop;
    case Gate::clearance:
      return NoticeLevel::clearance;
    case Gate::notice:
      return NoticeLevel::notice;
    case Gate::adapt:
      return NoticeLevel::info;
  }
  return NoticeLevel::info;
}

// Adds a condition's cue to a step unless the step already says it.
void add_cue(Step& s, const std::string& cue) {
  if (std::find(s.cues.begin(), s.cues.end(), cue) == s.cues.end()) s.cues.push_back(cue);
}

// Whether a cue rule's reach depends on where steps sit in the finished plan.
bool placed(const Scope& scope) {
  return scope.getting_up.has_value() || scope.first_in_phase;
}

// The cues that depend on the finished plan (its steps in the order they are done; the session
// starts and ends standing): about getting up, where the person gets up; for a whole phase, on
// the first step of the phase they reach.
void add_placed_cues(const Library& lib, const Constraints& k, Plan& plan) {
  std::vector<Step*> order;
  for (auto& phase : plan.phases) {
    for (auto& s : phase.steps) order.push_back(&s);
  }
  std::set<std::pair<const Rule*, Phase>> said;
  for (std::size_t i = 0; i < order.size(); ++i) {
    Step& s = *order[i];
    const Position before = i == 0 ? Position::standing : order[i - 1]->position;
    const Position after = i + 1 == order.size() ? Position::standing : order[i + 1]->position;
    const Exercise& x = *lib.find_exercise(s.id);
    for (const auto& sr : k.cue_rules) {
      const Scope& scope = sr.rule->scope;
      if (!placed(scope) || !in_scope(scope, x)) continue;
      if (scope.getting_up && !gets_up(*scope.getting_up, before, s.position, after)) continue;
      if (scope.first_in_phase && !said.insert({sr.rule, s.phase}).second) continue;
      add_cue(s, sr.rule->cue);
      if (!sr.rule->breath.empty()) s.breath = sr.rule->breath;
    }
  }
}

// "6-4-2 reps", "holds of 45 s", "passes of 60 s": what a dose step gives, for a change.
std::string stage_words(const StepDose& dose, Phase phase) {
  if (!dose.reps.empty() && (!dose.hold_seconds || dose.reps.size() > 1 || dose.reps[0] > 1)) {
    std::vector<std::string> reps;
    for (int r : dose.reps) reps.push_back(std::to_string(r));
    return fmt::format("{} reps", fmt::join(reps, "-"));
  }
  if (dose.hold_seconds)
    return fmt::format("{} of {} s", phase == Phase::release ? "passes" : "holds",
                       *dose.hold_seconds);
  return "its first dose";
}

// The exercise of a slot's ladder at a level.
const Exercise& rung(const Library& lib, const Exercise& own, std::optional<Level> level) {
  if (!level) return own;
  const auto it = own.levels.find(*level);
  return it == own.levels.end() ? own : *lib.find_exercise(it->second.id);
}

PlanResult plan_with(const Library& lib, const Profile& given, const Progress* progress) {
  // Two hard sessions in a row make today a flare-up day, as if the person had said so.
  Profile profile = given;
  if (progress && progress->flare && !profile.is(Today::flare)) {
    profile.today.insert(profile.today.begin(), Today::flare);
  }
  // A level the person chose (--level) stands: the diary moves no ladder today.
  const bool level_chosen = !profile.level_assumed;
  const std::vector<const Condition*> active = active_conditions(lib, profile);
  RedFlagStop stop;
  for (const Condition* c : active) {
    if (c->gate == Gate::stop)
      stop.reasons.push_back({NoticeLevel::stop, fmt::format("{}: {}", c->name, c->notice)});
  }
  if (!stop.reasons.empty()) return stop;

  const Constraints k = gather(lib, profile, active);
  const Planner planner(lib, profile, k);
  const Routine& routine = *lib.find_routine(profile.routine);

  Plan plan;
  plan.routine = routine.id;
  plan.routine_name = routine.name;
  for (const auto& phase : routine.phases) plan.phase_titles[phase.id] = phase.title;
  plan.profile = profile;
  plan.level = k.max_level && *k.max_level < profile.level ? *k.max_level : profile.level;

  // On hold: the holds still pending (not lifted by --cleared or --avoid) cover every phase
  // of the routine, so the plan has no steps until a clinician clears them.
  {
    std::set<Phase> held;
    std::vector<std::string> holders;
    for (const Condition* c : active) {
      for (const Rule& r : c->rules) {
        if (r.kind != RuleKind::hold_back_phases || lifted(r, profile)) continue;
        held.insert(r.phases.begin(), r.phases.end());
        if (std::find(holders.begin(), holders.end(), c->id) == holders.end())
          holders.push_back(c->id);
      }
    }
    const bool all = std::all_of(routine.phases.begin(), routine.phases.end(),
                                 [&](const RoutinePhase& ph) { return held.count(ph.id) > 0; });
    if (all && !routine.phases.empty()) plan.held_by = holders;
  }

  std::vector<Entry> entries;
  std::vector<Omission> ruled_out;
  for (const auto& phase : routine.phases) {
    for (const auto& slot : phase.slots) {
      const Exercise& own = *lib.find_exercise(slot.exercise.id);
      // Where the diary puts this ladder (unless the person chose the level), then no higher
      // than the conditions allow: a progression never undoes a safety rule.
      const LadderProgress* diary = progress ? progress->find(own.id) : nullptr;
      if (diary && diary->move == ProgressMove::none) diary = nullptr;
      Level wanted_level = profile.level;
      int stage = 0;
      std::vector<DoseChange> progress_changes;
      std::vector<std::string> progress_texts;  // each change as the step lists it
      std::optional<LadderStep> target;         // where the diary moves it, when it moves it
      if (diary && !level_chosen) {
        target = diary->to;
        if (diary->move == ProgressMove::up && !k.no_up_reasons.empty()) {
          target = diary->from;
          for (const auto& why : k.no_up_reasons) {
            progress_changes.push_back({"kept at its step", k.causes.at(why)});
            progress_texts.push_back("kept at its step: " + why);
          }
        }
        if (target->level) wanted_level = *target->level;
        stage = target->stage;
      } else if (diary && diary->move != ProgressMove::restart &&
                 (!diary->from.level || diary->from.level == profile.level)) {
        // The person chose the level: no ladder moves today, but one already at that level (or
        // without levels) keeps the dose step it had reached.
        stage = diary->from.stage;
      }
      const Level level = k.max_level && *k.max_level < wanted_level ? *k.max_level : wanted_level;
      // Held below the diary's level: the lower variant at its first dose.
      if (level < wanted_level) stage = 0;
      const Exercise& wanted =
          rung(lib, own, own.levels.empty() ? std::nullopt : std::optional<Level>(level));
      if (k.max_stage && stage > *k.max_stage) {
        for (const auto& [cap, why] : k.stage_caps) {
          if (cap >= stage) continue;
          const std::string what =
              fmt::format("kept to {}", stage_words(staged_dose(wanted, cap), wanted.phase));
          progress_changes.push_back({what, k.causes.at(why)});
          progress_texts.push_back(what + ": " + why);
        }
        stage = *k.max_stage;
      }
      stage = std::min(stage, static_cast<int>(wanted.progression.stages.size()));
      // The diary's move, said when the plan makes it as the diary asked (a cap that holds it
      // back gives its own reason instead).
      const LadderStep done{own.levels.empty() ? std::nullopt : std::optional<Level>(level), stage};
      if (target && *target != diary->from && done == *target) {
        const Exercise& was = rung(lib, own, diary->from.level);
        const bool up = diary->move == ProgressMove::up;
        std::string what;
        if (diary->move == ProgressMove::restart) {
          what = "back to the first step of its ladder";
        } else if (&was != &wanted) {
          what = fmt::format("{} from {}", up ? "up" : "back", Planner::lower_first(was.name));
        } else {
          what = fmt::format("{} a step: {}", up ? "up" : "back",
                             stage_words(staged_dose(wanted, stage), wanted.phase));
        }
        progress_changes.insert(
            progress_changes.begin(),
            {what, {CauseKind::progress, "diary", "Your diary", diary->reason}});
        progress_texts.insert(progress_texts.begin(), what + ": " + diary->reason);
      }
      if (auto held = k.held_back.find(phase.id); held != k.held_back.end()) {
        Omission o{own.id, own.name, phase.id, held->second, {}};
        for (const auto& r : held->second) add_cause(o.causes, k.causes.at(r));
        ruled_out.push_back(std::move(o));
        continue;
      }
      std::vector<std::string> why;
      std::vector<std::string> tools;
      std::vector<std::string> tried;
      std::vector<Cause> causes;
      std::vector<Cause> tried_causes;
      const Exercise* x = planner.choose(wanted, why, tools, tried, causes, tried_causes);
      if (!x) {
        Omission o{own.id, own.name, phase.id, why, causes};
        o.own_causes = o.causes.size();
        for (const auto& c : tried_causes) add_cause(o.causes, c);
        if (!wanted.alternatives.empty()) {
          for (const auto& t : tried) o.why.push_back(t);
          if (tried.empty()) o.why.push_back("none of its alternatives suits you either");
        }
        ruled_out.push_back(std::move(o));
        continue;
      }
      Entry e;
      Step& s = e.step;
      s.id = x->id;
      s.name = x->name;
      s.phase = phase.id;
      s.position = x->position;
      s.equipment = tools;
      for (const auto& r : x->pressure_on) s.pressure_on.push_back(r.id);
      s.dose = staged_dose(*x, stage);
      s.stage = std::min(stage, static_cast<int>(x->progression.stages.size()));
      s.cues = x->cues;
      s.own_cues = x->cues.size();
      for (const int n : x->handout_cues) s.handout_cues.push_back(static_cast<std::size_t>(n - 1));
      s.priority = slot.priority;
      s.slot = own.id;
      if (!own.levels.empty()) {
        s.level = level;
        // Each cap that holds the person below their level, with its reason.
        for (const auto& [cap, why_capped] : k.level_caps) {
          if (cap >= wanted_level) continue;
          const std::string what = fmt::format("kept at the {} step", to_string(cap));
          s.changes.push_back(fmt::format("{}: {}", what, why_capped));
          s.dose_changes.push_back({what, k.causes.at(why_capped)});
        }
      }
      s.changes.insert(s.changes.end(), progress_texts.begin(), progress_texts.end());
      s.dose_changes.insert(s.dose_changes.end(), progress_changes.begin(), progress_changes.end());
      if (x != &wanted) {
        s.replaces = wanted.id;
        s.why = why;
        s.replaced_because = causes;
      }
      e.all_reps = s.dose.reps;
      e.base_sets = s.dose.sets;
      adjust_dose(*x, k, s.dose, e.base_sets, s.changes, s.dose_changes, e.hold_ceiling,
                  e.ceiling_why);
      for (const auto& sr : k.cue_rules) {
        const Scope& scope = sr.rule->scope;
        if (!placed(scope) && in_scope(scope, *x)) {
          add_cue(s, sr.rule->cue);
          if (!sr.rule->breath.empty()) s.breath = sr.rule->breath;
        }
      }
      set_sets(e, e.step.dose.sets);
      entries.push_back(std::move(e));
    }
  }

  std::vector<PhaseFit> phase_fits;
  for (const auto& phase : routine.phases) {
    PhaseFit f{phase.id, phase.ordered, std::nullopt, phase.title};
    if (phase.max_minutes) f.max_seconds = *phase.max_minutes * 60;
    phase_fits.push_back(f);
  }
  int budget = profile.minutes * 60;
  if (k.max_minutes && *k.max_minutes < profile.minutes) {
    budget = *k.max_minutes * 60;
    plan.capped_by = k.minutes_by;
    if (!plan.held())
      plan.notices.push_back({NoticeLevel::info,
                              fmt::format("This session is kept to {} ({}).", minutes_text(budget),
                                          fmt::join(k.minutes_reasons, "; ")),
                              NoticeSource::session_cap});
  }
  plan.budget_seconds = budget;
  std::map<std::string, int> hold_before;  // by slot: the hold before spare time lengthened it
  for (const auto& e : entries) {
    if (e.step.dose.hold_seconds) hold_before[e.step.slot] = *e.step.dose.hold_seconds;
  }
  fit_to_budget(entries, budget, phase_fits);
  for (auto& e : entries) {
    Step& s = e.step;
    if (!e.included || !s.dose.hold_seconds || *s.dose.hold_seconds <= hold_before[s.slot])
      continue;
    // Said once, with the length the holds end up at.
    const std::string prefix =
        std::string(s.phase == Phase::release ? "passes" : "holds") + " lengthened to ";
    s.changes.erase(std::remove_if(s.changes.begin(), s.changes.end(),
                                   [&](const std::string& c) { return c.rfind(prefix, 0) == 0; }),
                    s.changes.end());
    s.changes.push_back(fmt::format("{}{} s: {}", prefix, *s.dose.hold_seconds, e.ceiling_why));
    s.dose_changes.erase(
        std::remove_if(s.dose_changes.begin(), s.dose_changes.end(),
                       [&](const DoseChange& c) { return c.what.rfind(prefix, 0) == 0; }),
        s.dose_changes.end());
    s.dose_changes.push_back(
        {fmt::format("{}{} s", prefix, *s.dose.hold_seconds), k.causes.at(e.ceiling_why)});
  }

  for (const auto& phase : routine.phases) {
    PlanPhase out{phase.id, phase.title, {}};
    for (const auto& e : entries) {
      if (e.included && e.step.phase == phase.id) out.steps.push_back(e.step);
    }
    if (!out.steps.empty()) plan.phases.push_back(std::move(out));
  }
  add_placed_cues(lib, k, plan);
  // Omissions in routine order: the slots ruled out for safety, then those trimmed for time.
  for (const auto& o : ruled_out) plan.omitted.push_back(o);
  std::vector<const Entry*> left_out;  // in routine order
  for (const auto& e : entries) {
    if (!e.included) left_out.push_back(&e);
  }
  for (const Entry* e : left_out) {
    const Exercise& wanted = *lib.find_exercise(e->step.slot);
    std::string why = fmt::format("left out to fit the session into {}", minutes_text(budget));
    Cause cause{CauseKind::time, "budget", fmt::format("Your {}", minutes_text(budget)),
                "the steps that matter most come first"};
    if (e->dropped_for_cap) {
      for (const auto& f : phase_fits) {
        if (f.id == e->step.phase && f.max_seconds) {
          why = fmt::format("left out to keep {} to {}, so the time goes to exercise",
                            Planner::lower_first(f.title), minutes_text(*f.max_seconds));
          cause = {CauseKind::time, std::string(to_string(f.id)),
                   fmt::format("{} kept to {}", f.title, minutes_text(*f.max_seconds)),
                   "the rest of the time goes to exercise"};
        }
      }
    }
    plan.omitted.push_back({wanted.id, wanted.name, e->step.phase, {why}, {cause}});
  }
  std::stable_sort(plan.omitted.begin(), plan.omitted.end(),
                   [](const Omission& a, const Omission& b) {
                     return static_cast<int>(a.phase) < static_cast<int>(b.phase);
                   });
  plan.total_seconds = 0;
  for (const auto& e : entries) {
    if (e.included) plan.total_seconds += e.step.seconds;
  }

  // Notices: each active condition's own, the default kit, a short plan, then the general rules.
  for (const Condition* c : active) {
    if (!c->notice.empty()) {
      // Once its held-back work is let through, a clearance is no longer pending: the notice
      // says what was cleared, as a check.
      const bool lifted = !c->notice_lifted.empty() && holds_lifted(*c, profile);
      const NoticeLevel level =
          lifted && c->gate == Gate::clearance ? NoticeLevel::notice : level_of(c->gate);
      // With the tools it would ask for, the notice does not ask for them.
      const EquipmentNotice* owned = lifted ? nullptr : equipment_notice(lib, *c, profile);
      plan.notices.push_back({level, fmt::format("{}: {}", c->name,
                                                 lifted  ? c->notice_lifted
                                                 : owned ? owned->notice
                                                         : c->notice)});
    }
  }
  if (progress && !plan.held()) {
    if (progress->flare && !given.is(Today::flare)) {
      plan.notices.push_back({NoticeLevel::notice, progress->flare_advice, NoticeSource::progress});
    }
    const bool moved = std::any_of(
        progress->ladders.begin(), progress->ladders.end(), [](const LadderProgress& l) {
          return l.move != ProgressMove::none && l.move != ProgressMove::stay;
        });
    const auto chosen = lib.progression.wording.find("level_chosen");
    if (level_chosen && moved && chosen != lib.progression.wording.end()) {
      plan.notices.push_back({NoticeLevel::info, chosen->second, NoticeSource::progress});
    }
    plan.progress = *progress;
  }
  // A plan on hold has nothing to do yet: the default kit and the rules for exercising wait.
  if (!plan.held() && profile.equipment_assumed && !lib.settings.default_equipment_notice.empty()) {
    plan.notices.push_back({NoticeLevel::info, lib.settings.default_equipment_notice,
                            NoticeSource::default_equipment});
  }
  // Time the routine leaves over goes to an easy walk, when the person's own minutes are the
  // limit (a condition that caps the session wants it short, and a plan held back for clearance
  // is no cue to go walking instead).
  const int spare = budget - plan.total_seconds;
  const bool walk = !plan.held() && spare >= kWalkMinSeconds && budget == profile.minutes * 60 &&
                    k.held_back.empty() && !plan.phases.empty();
  if (walk) {
    plan.notices.push_back(
        {NoticeLevel::info,
         fmt::format("The routine is done in about {}. If you can, use the other {} for an easy "
                     "walk, at a pace at which you could still talk: moving about is good for a "
                     "sore back.",
                     minutes_text(plan.total_seconds + 59), minutes_text(spare)),
         NoticeSource::spare_time});
  }
  // The walk note says it already.
  if (!plan.held() && plan.total_seconds * 10 < budget * 7 && !walk) {
    // With nothing ruled out, the routine is simply complete; else what is left is all that suits.
    plan.notices.push_back(
        {NoticeLevel::info,
         ruled_out.empty()
             ? fmt::format("This plan takes less than 70% of your {}: that is the whole routine, "
                           "so it stops here rather than pad the time.",
                           minutes_text(budget))
             : fmt::format("This plan takes less than 70% of your {}: nothing more in the "
                           "routine suits your circumstances safely, so it stops here rather "
                           "than pad the time.",
                           minutes_text(budget)),
         NoticeSource::short_plan});
  }
  for (const auto& sign : lib.emergency_signs) plan.stop_if.push_back(sign.text);
  for (const auto& rule : lib.general_rules) {
    if (plan.held()) break;
    plan.notices.push_back({NoticeLevel::info, rule.text, NoticeSource::general_rule});
  }
  // What a printed handout says instead of a flag ("ask your clinician ...").
  plan.handout_wording = lib.settings.handout_wording;
  std::stable_sort(plan.notices.begin(), plan.notices.end(), [](const Notice& a, const Notice& b) {
    return static_cast<int>(a.level) < static_cast<int>(b.level);
  });

  // Names of the ids the plan mentions, so renderers need nothing but the plan.
  auto name = [&](const std::string& id, const std::string& display) {
    plan.names.emplace(id, display);
  };
  for (const auto& id : profile.equipment) name(id, lib.find_equipment(id)->name);
  for (const auto& id : profile.conditions) name(id, lib.find_condition(id)->name);
  for (const auto& id : plan.held_by) name(id, lib.find_condition(id)->name);
  for (const auto& [id, values] : profile.details) {
    for (const auto& d : lib.find_condition(id)->details) name(id + "/" + d.id, d.name);
  }
  for (const auto& id : profile.avoid) name(id, lib.find_region(id)->name);
  for (const auto& phase : plan.phases) {
    for (const auto& s : phase.steps) {
      for (const auto& id : s.equipment) name(id, lib.find_equipment(id)->name);
      for (const auto& id : s.pressure_on) name(id, lib.find_region(id)->name);
      if (s.replaces) name(*s.replaces, lib.find_exercise(*s.replaces)->name);
    }
  }
  return plan;
}

}  // namespace

PlanResult make_plan(const Library& lib, const Profile& profile) {
  return plan_with(lib, profile, nullptr);
}

PlanResult make_plan(const Library& lib, const Profile& profile, const Progress& progress) {
  return plan_with(lib, profile, &progress);
}

}  // namespace backplan
