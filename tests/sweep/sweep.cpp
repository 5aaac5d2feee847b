// The exhaustive safety sweep: plans every profile in the flag space and checks each plan
// against the rules the library declares. The checks read the rules from the library on their
// own; they share no code with the planner beyond make_plan itself.
//
//   backplan_sweep [--sample N]   every Nth profile (default 1: all of them)
//
// Prints the number of profiles and violations; exits 1 on a violation (the first in profile
// order), naming the profile as a backplan command line.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "load/library_loader.h"
#include "plan/planner.h"
#include "plan/time_fit.h"  // the transition allowances (README), nothing else
#include "render/render_json.h"
#include "render/render_text.h"
#include "resolve/profile.h"

using namespace backplan;

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string command_line(const Profile& p) {
  std::string out = "backplan plan";
  out += p.equipment.empty() ? " --equipment none"
                             : " --equipment " + fmt::format("{}", fmt::join(p.equipment, ","));
  if (p.age) out += fmt::format(" --age {}", *p.age);
  if (!p.floor) out += " --no-floor";
  if (!p.conditions.empty()) {
    std::vector<std::string> items;
    for (const auto& id : p.conditions) items.push_back(condition_item(id, p.details));
    out += " --condition " + fmt::format("{}", fmt::join(items, ","));
  }
  if (!p.avoid.empty()) out += " --avoid " + fmt::format("{}", fmt::join(p.avoid, ","));
  if (p.cleared) out += " --cleared";
  out += fmt::format(" --minutes {}", p.minutes);
  if (!p.level_assumed) out += fmt::format(" --level {}", to_string(p.level));
  for (Today t : p.today) out += fmt::format(" --{}", to_string(t));
  return out;
}

// The rules the library says apply to this person, gathered independently of the planner.
struct Expected {
  bool red_flag = false;
  std::vector<std::string> notices;  // the notice of every condition in force
  std::set<std::string> no_pressure{
      "lumbar-spine"};  // never on the lumbar spine, whatever the data
  std::set<std::string> no_tools;
  std::optional<Firmness> max_firmness;
  std::set<Position> no_positions;
  std::set<std::string> no_tags;
  std::set<std::string> no_exercises;
  std::set<Phase> held_back;
  int budget = 0;
  std::optional<Level> max_level;
  bool no_progress_up = false;   // a progression rule: the diary may not move a ladder up
  std::optional<int> max_stage;  // a progression rule: the highest dose step
  std::vector<std::pair<const Rule*, bool>> dose_rules;
  std::vector<const Rule*> cue_rules;
};

Expected expect(const Library& lib, const Profile& p) {
  Expected e;
  e.budget = p.minutes * 60;
  for (const auto& c : lib.conditions) {
    bool on = false;
    if (!c.when) {
      on = contains(p.conditions, c.id);
    } else if (c.when->kind == When::Kind::always) {
      on = true;
    } else if (c.when->kind == When::Kind::age_at_least) {
      on = p.age && *p.age >= c.when->age && (c.when->age_below == 0 || *p.age < c.when->age_below);
    } else if (c.when->kind == When::Kind::no_floor) {
      on = !p.floor;
    } else if (c.when->kind == When::Kind::today) {
      on = p.is(c.when->today) &&
           (c.when->conditions.empty() ||
            std::any_of(c.when->conditions.begin(), c.when->conditions.end(),
                        [&](const Ref& r) { return contains(p.conditions, r.id); }));
    } else {
      auto count = [](const std::vector<Ref>& refs, const std::vector<std::string>& ids) {
        std::size_t n = 0;
        for (const auto& r : refs) n += contains(ids, r.id) ? 1 : 0;
        return n;
      };
      const std::size_t listed = count(c.when->conditions, p.conditions);
      switch (c.when->kind) {
        case When::Kind::with_all:
          on = listed == c.when->conditions.size();
          break;
        case When::Kind::with_any:
          on = listed > 0;
          break;
        case When::Kind::without:
          on = listed == 0;
          break;
        case When::Kind::details: {
          // The condition is listed, and each tested detail (as given, else the library's
          // default; a number not given is unknown and passes) meets its test.
          const Condition& of = *lib.find_condition(c.when->conditions.front().id);
          on = listed > 0;
          for (const auto& t : c.when->details) {
            std::string value = of.find_detail(t.detail)->default_choice;
            if (auto it = p.details.find(of.id); it != p.details.end()) {
              for (const auto& v : it->second) {
                if (v.detail == t.detail) value = v.value;
              }
            }
            if (!t.any_of.empty()) {
              on = on && contains(t.any_of, value);
            } else if (!value.empty()) {
              const int n = std::stoi(value);
              on = on && (!t.below || n < *t.below) && (!t.at_least || n >= *t.at_least);
            }
          }
          break;
        }
        default:  // avoid_with
          on = count(c.when->regions, p.avoid) > 0 && listed > 0;
          break;
      }
    }
    if (!on) continue;
    if (c.gate == Gate::stop) e.red_flag = true;
    // Once everything the condition holds back is let through, its notice says so instead of
    // asking for what the person already did.
    bool holds = false;
    bool all_lifted = true;
    for (const auto& r : c.rules) {
      if (r.kind != RuleKind::hold_back_phases) continue;
      holds = true;
      all_lifted = all_lifted && (r.lifted_by == Lift::cleared ? p.cleared : !p.avoid.empty());
    }
    const bool use_lifted = holds && all_lifted && !c.notice_lifted.empty();
    // With every tool a notice_with entry names, that entry's text replaces the notice (the
    // first such entry), so the plan does not ask for what the person listed.
    const std::string* text = &c.notice;
    if (use_lifted) {
      text = &c.notice_lifted;
    } else {
      for (const auto& v : c.notice_with) {
        const bool has_all = std::all_of(v.equipment.begin(), v.equipment.end(), [&](const Ref& r) {
          return contains(p.equipment, r.id) ||
                 std::any_of(lib.settings.assumed_equipment.begin(),
                             lib.settings.assumed_equipment.end(),
                             [&](const Ref& a) { return a.id == r.id; });
        });
        if (has_all) {
          text = &v.notice;
          break;
        }
      }
    }
    if (!c.notice.empty()) e.notices.push_back(*text);
    for (const auto& r : c.rules) {
      switch (r.kind) {
        case RuleKind::no_pressure_on:
          for (const auto& id : r.ids) e.no_pressure.insert(id.id);
          break;
        case RuleKind::exclude_equipment:
          for (const auto& id : r.ids) e.no_tools.insert(id.id);
          break;
        case RuleKind::max_firmness:
          if (!e.max_firmness || r.firmness < *e.max_firmness) e.max_firmness = r.firmness;
          break;
        case RuleKind::exclude_positions:
          for (auto pos : r.positions) e.no_positions.insert(pos);
          break;
        case RuleKind::exclude_tags:
          for (const auto& t : r.tags) e.no_tags.insert(t);
          break;
        case RuleKind::exclude_exercises:
          for (const auto& id : r.ids) e.no_exercises.insert(id.id);
          break;
        case RuleKind::hold_back_phases: {
          const bool lifted = r.lifted_by == Lift::cleared ? p.cleared : !p.avoid.empty();
          if (!lifted) e.held_back.insert(r.phases.begin(), r.phases.end());
          break;
        }
        case RuleKind::max_minutes:
          e.budget = std::min(e.budget, r.minutes * 60);
          break;
        case RuleKind::max_level:
          if (!e.max_level || r.level < *e.max_level) e.max_level = r.level;
          break;
        case RuleKind::progression:
          if (!r.progress_up) e.no_progress_up = true;
          if (r.max_stage) e.max_stage = std::min(e.max_stage.value_or(*r.max_stage), *r.max_stage);
          break;
        case RuleKind::dose:
          e.dose_rules.push_back({&r, true});
          break;
        case RuleKind::cue:
          e.cue_rules.push_back(&r);
          break;
      }
    }
  }
  for (const auto& id : p.avoid) e.no_pressure.insert(id);
  return e;
}

bool scope_matches(const Scope& s, const Exercise& x) {
  if (!s.phases.empty() && std::find(s.phases.begin(), s.phases.end(), x.phase) == s.phases.end())
    return false;
  if (!s.positions.empty() &&
      std::find(s.positions.begin(), s.positions.end(), x.position) == s.positions.end()) {
    return false;
  }
  if (!s.tags.empty() && std::none_of(s.tags.begin(), s.tags.end(),
                                      [&](const std::string& t) { return contains(x.tags, t); })) {
    return false;
  }
  if (!s.exercises.empty() && std::none_of(s.exercises.begin(), s.exercises.end(),
                                           [&](const Ref& r) { return r.id == x.id; })) {
    return false;
  }
  return true;
}

// How high a position is, for getting up: floor < bed < seated < standing.
int height(Position p) {
  return p == Position::floor ? 0 : p == Position::bed ? 1 : p == Position::seated ? 2 : 3;
}

// The words of a cue that carry its meaning: lower case, without the small words.
std::set<std::string> content_words(const std::string& text) {
  static const std::set<std::string> small{
      "a",    "an",   "the", "and",  "or",   "of",  "to",   "in",   "on",   "at",   "for",
      "with", "your", "you", "it",   "is",   "as",  "if",   "this", "that", "be",   "by",
      "from", "up",   "so",  "then", "each", "one", "into", "them", "its",  "don't"};
  std::set<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && !small.count(word)) out.insert(word);
    word.clear();
  };
  for (char ch : text) {
    if ((ch >= 'a' && ch <= 'z') || ch == '\'') {
      word += ch;
    } else if (ch >= 'A' && ch <= 'Z') {
      word += static_cast<char>(ch - 'A' + 'a');
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// Two cues that say nearly the same thing: most of the shorter one's words are in the other.
bool near_duplicates(const std::set<std::string>& wa, const std::set<std::string>& wb) {
  const std::size_t shorter = std::min(wa.size(), wb.size());
  if (shorter < 3) return false;
  std::size_t shared = 0;
  for (const auto& w : wa) shared += wb.count(w);
  return shared * 10 >= shorter * 7;
}

// McGill: held reps in the Big 3 last about 10 s, never longer; endurance grows by more reps.
constexpr int kMaxCoreHoldSeconds = 10;

// A dose's seconds, worked out here: sides x the work of each set, plus rest between sets.
int dose_work(const StepDose& d) {
  int work = 0;
  for (int set = 0; set < d.sets; ++set) {
    const int per_rep = d.hold_seconds ? *d.hold_seconds : d.rep_seconds.value_or(0);
    work += d.reps.empty() ? d.hold_seconds.value_or(0)
                           : d.reps[static_cast<std::size_t>(set)] * per_rep;
  }
  return (d.per_side ? 2 : 1) * work + d.rest_seconds * std::max(0, d.sets - 1);
}

// The fewest level changes (standing at the start and the end) a plan with these phases can
// have: an ordered phase's positions are fixed; another phase with k positions needs k - 1
// changes inside, and enters without a change only when the position it comes from is one of
// its own other than the one it ends on.
int fewest_level_changes(const Plan& plan, const std::set<Phase>& ordered) {
  std::map<Position, int> best{{Position::standing, 0}};
  for (const auto& phase : plan.phases) {
    std::map<Position, int> next;
    auto relax = [&](Position end, int cost) {
      auto it = next.find(end);
      if (it == next.end() || cost < it->second) next[end] = cost;
    };
    if (ordered.count(phase.id)) {
      int inside = 0;
      for (std::size_t i = 1; i < phase.steps.size(); ++i)
        inside += phase.steps[i].position != phase.steps[i - 1].position ? 1 : 0;
      for (const auto& [from, cost] : best)
        relax(phase.steps.back().position,
              cost + inside + (from != phase.steps.front().position ? 1 : 0));
    } else {
      std::set<Position> own;
      for (const auto& st : phase.steps) own.insert(st.position);
      const int k = static_cast<int>(own.size());
      for (const auto& [from, cost] : best) {
        for (Position end : own) {
          const bool enters_free = own.count(from) && (k == 1 || from != end);
          relax(end, cost + (k - 1) + (enters_free ? 0 : 1));
        }
      }
    }
    best = std::move(next);
  }
  int fewest = 1 << 20;
  for (const auto& [end, cost] : best)
    fewest = std::min(fewest, cost + (end != Position::standing ? 1 : 0));
  return fewest;
}

// The reps of an exercise's dose step, read from its stages.
std::vector<int> reps_at(const Exercise& x, int stage) {
  std::vector<int> reps = x.dose.reps;
  for (int i = 0; i < stage && i < static_cast<int>(x.progression.stages.size()); ++i) {
    const Stage& st = x.progression.stages[static_cast<std::size_t>(i)];
    if (!st.reps.empty()) reps = st.reps;
  }
  return reps;
}

// A ladder's steps read on their own: each variant (the slot's exercise at each level, a level
// on the same exercise as the one below counting once), then each of its dose steps.
std::vector<LadderStep> ladder_steps(const Library& lib, const Exercise& own) {
  std::vector<std::pair<std::optional<Level>, const Exercise*>> variants;
  if (own.levels.empty()) {
    variants.emplace_back(std::nullopt, &own);
  } else {
    for (const auto& entry : kLevelNames.entries()) {
      const auto it = own.levels.find(entry.value);
      const Exercise* x = it == own.levels.end() ? &own : lib.find_exercise(it->second.id);
      if (variants.empty() || variants.back().second != x) variants.emplace_back(entry.value, x);
    }
  }
  std::vector<LadderStep> out;
  for (const auto& [level, x] : variants) {
    for (int s = 0; s <= static_cast<int>(x->progression.stages.size()); ++s)
      out.push_back({level, s});
  }
  return out;
}

// Returns the first broken rule, or nothing. With a progress state, each ladder must be where
// the diary puts it, unless the person chose the level or a condition holds it lower.
std::optional<std::string> violation(const Library& lib, const Profile& p, const PlanResult& result,
                                     const Progress* progress = nullptr) {
  const Expected e = expect(lib, p);
  if (e.red_flag) {
    if (!std::holds_alternative<RedFlagStop>(result)) return "a red flag gave a plan";
    return std::nullopt;
  }
  if (!std::holds_alternative<Plan>(result)) return "no plan without a red flag";
  const Plan& plan = std::get<Plan>(result);
  // Every plan screens for the emergency signs, all of them, in the library's order.
  if (plan.stop_if.empty() || plan.stop_if.size() != lib.emergency_signs.size())
    return "the plan does not list every emergency sign";
  for (std::size_t i = 0; i < plan.stop_if.size(); ++i) {
    if (plan.stop_if[i] != lib.emergency_signs[i].text)
      return fmt::format("emergency sign {} differs from the library's", i + 1);
  }
  // Every condition in force says its piece (the clot warning for a sore calf, say).
  for (const auto& text : e.notices) {
    const bool shown = std::any_of(plan.notices.begin(), plan.notices.end(), [&](const Notice& n) {
      return n.text.find(text) != std::string::npos;
    });
    if (!shown) return fmt::format("a condition's notice is missing: {}", text.substr(0, 40));
  }
  const Routine& routine = *lib.find_routine(p.routine);
  // On hold: the pending holds cover every phase of the routine. Then nothing is planned, the
  // plan says so (held_by) and a clearance notice says what to ask for.
  const bool expect_held =
      std::all_of(routine.phases.begin(), routine.phases.end(),
                  [&](const RoutinePhase& ph) { return e.held_back.count(ph.id) > 0; });
  if (expect_held != plan.held())
    return expect_held ? "every phase is held back but the plan is not on hold"
                       : "the plan is on hold but not every phase is held back";
  if (expect_held) {
    if (!plan.phases.empty()) return "a plan on hold has steps";
    const bool asks = std::any_of(plan.notices.begin(), plan.notices.end(), [](const Notice& n) {
      return n.level == NoticeLevel::clearance;
    });
    if (!asks) return "a plan on hold has no clearance notice";
    return std::nullopt;
  }
  std::vector<std::string> owned = p.equipment;
  for (const auto& r : lib.settings.assumed_equipment) owned.push_back(r.id);
  // No notice asks for a tool the person has ("add it with --equipment bed" with a bed listed).
  for (const auto& n : plan.notices) {
    for (const auto& tool : owned) {
      if (n.text.find("--equipment " + tool) != std::string::npos)
        return fmt::format("a notice asks for --equipment {}, which the person has", tool);
    }
  }
  // Every step carries its own cues and exactly the condition cues that reach it: by its scope
  // and, for cues about getting up, by where it sits in the plan (standing at start and end).
  std::vector<const Step*> order;
  for (const auto& phase : plan.phases) {
    for (const auto& s : phase.steps) order.push_back(&s);
  }
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Step& s = *order[i];
    const Exercise* x = lib.find_exercise(s.id);
    if (!x) return fmt::format("step {} is not in the library", s.id);
    const int before = i == 0 ? 3 : height(order[i - 1]->position);
    const int after = i + 1 == order.size() ? 3 : height(order[i + 1]->position);
    const int here = height(s.position);
    std::vector<std::string> expected = x->cues;
    for (const Rule* r : e.cue_rules) {
      if (!scope_matches(r->scope, *x)) continue;
      if (r->scope.getting_up == GettingUp::from && !(after > here)) continue;
      if (r->scope.getting_up == GettingUp::to && !(here > before)) continue;
      if (r->scope.first_in_phase) {
        // Only the first step of this phase that the scope reaches.
        bool earlier = false;
        for (std::size_t j = 0; j < i && !earlier; ++j) {
          const Exercise* y = lib.find_exercise(order[j]->id);
          earlier = order[j]->phase == s.phase && y && scope_matches(r->scope, *y);
        }
        if (earlier) continue;
      }
      if (!contains(expected, r->cue)) expected.push_back(r->cue);
    }
    for (const auto& cue : expected) {
      if (!contains(s.cues, cue))
        return fmt::format("step {} lacks the cue: {}", s.id, cue.substr(0, 40));
    }
    for (const auto& cue : s.cues) {
      if (!contains(expected, cue))
        return fmt::format("step {} carries a cue that does not reach it: {}", s.id,
                           cue.substr(0, 40));
    }
    // No step gives the same advice twice (each distinct list of cues is checked once: they
    // repeat across profiles).
    thread_local std::set<std::vector<std::string>> checked;
    if (checked.insert(s.cues).second) {
      std::vector<std::set<std::string>> words;
      for (const auto& cue : s.cues) words.push_back(content_words(cue));
      for (std::size_t a = 0; a < s.cues.size(); ++a) {
        for (std::size_t b = a + 1; b < s.cues.size(); ++b) {
          if (s.cues[a] == s.cues[b] || near_duplicates(words[a], words[b])) {
            checked.erase(s.cues);
            return fmt::format("step {} gives the same advice twice: \"{}\" and \"{}\"", s.id,
                               s.cues[a], s.cues[b]);
          }
        }
      }
    }
  }

  int last_phase = -1;
  int total = 0;
  for (const auto& phase : plan.phases) {
    if (static_cast<int>(phase.id) <= last_phase)
      return fmt::format("phase {} out of order", to_string(phase.id));
    last_phase = static_cast<int>(phase.id);
    if (e.held_back.count(phase.id))
      return fmt::format("phase {} is held back but planned", to_string(phase.id));
    // An ordered phase keeps the routine's slot order; in another, the steps in one position
    // keep it (the planner only groups them to spare getting down and up).
    std::vector<std::string> slots;
    const RoutinePhase* rphase = nullptr;
    for (const auto& rp : routine.phases) {
      if (rp.id == phase.id) {
        rphase = &rp;
        for (const auto& s : rp.slots) slots.push_back(s.exercise.id);
      }
    }
    if (!rphase) return fmt::format("phase {} is not in the routine", to_string(phase.id));
    std::map<Position, std::size_t> cursors;
    int phase_seconds = 0;
    for (const auto& s : phase.steps) {
      std::size_t& cursor = cursors[rphase->ordered ? Position::floor : s.position];
      while (cursor < slots.size() && slots[cursor] != s.slot) ++cursor;
      if (cursor == slots.size()) return fmt::format("step {} out of routine order", s.id);
      ++cursor;
      phase_seconds += s.seconds;
      const Exercise* x = lib.find_exercise(s.id);
      if (!x || x->phase != phase.id)
        return fmt::format("step {} is not a {} exercise", s.id, to_string(phase.id));
      // The ladder: the slot's exercise at the person's level (given, else beginner from the
      // library's age), no higher than any condition allows, or what stands in for that step.
      const Exercise& own = *lib.find_exercise(s.slot);
      // Where the diary puts this ladder, as the rules allow.
      const LadderProgress* diary = progress ? progress->find(s.slot) : nullptr;
      if (diary && diary->move == ProgressMove::none) diary = nullptr;
      std::optional<LadderStep> target;
      if (diary && p.level_assumed) {  // a --level given: the diary moves nothing
        target = diary->move == ProgressMove::up && e.no_progress_up ? diary->from : diary->to;
      }
      int want_stage = 0;
      if (!own.levels.empty()) {
        const auto& from = lib.settings.beginner_from_age;
        Level want = p.level_assumed
                         ? (!from || (p.age && *p.age >= *from) ? Level::beginner : Level::standard)
                         : p.level;
        if (target && p.level_assumed && target->level) {
          want = *target->level;
          want_stage = target->stage;
        } else if (diary && !p.level_assumed && diary->move != ProgressMove::restart &&
                   diary->from.level == p.level) {
          want_stage = diary->from.stage;
        }
        if (e.max_level && *e.max_level < want) {
          want = *e.max_level;
          want_stage = 0;
        }
        if (s.level != want)
          return fmt::format("step {} is at level {}, not {}", s.id,
                             s.level ? to_string(*s.level) : "none", to_string(want));
        const auto rung = own.levels.find(want);
        const std::string ladder = rung == own.levels.end() ? own.id : rung->second.id;
        if (s.replaces.value_or(s.id) != ladder)
          return fmt::format("step {} is not the {} step {} or a stand-in for it", s.id,
                             to_string(want), ladder);
        want_stage = std::min(
            want_stage, static_cast<int>(lib.find_exercise(ladder)->progression.stages.size()));
      } else if (target) {
        want_stage = std::min(target->stage, static_cast<int>(own.progression.stages.size()));
      } else if (diary && diary->move != ProgressMove::restart) {
        // --level given: no move, the dose step it had stays.
        want_stage = std::min(diary->from.stage, static_cast<int>(own.progression.stages.size()));
      }
      if (e.max_stage) want_stage = std::min(want_stage, *e.max_stage);
      want_stage = std::min(want_stage, static_cast<int>(x->progression.stages.size()));
      if (s.stage != want_stage)
        return fmt::format("step {} is at dose step {}, not {}", s.id, s.stage, want_stage);
      // The dose step's reps and holds, read here from the exercise's own stages.
      std::vector<int> stage_reps = x->dose.reps;
      std::optional<int> stage_hold = x->dose.hold_seconds;
      for (int i = 0; i < s.stage; ++i) {
        const Stage& st = x->progression.stages[static_cast<std::size_t>(i)];
        if (!st.reps.empty()) stage_reps = st.reps;
        if (st.hold_seconds) stage_hold = st.hold_seconds;
      }
      if (x->progression.max_hold_seconds && s.dose.hold_seconds &&
          *s.dose.hold_seconds > *x->progression.max_hold_seconds)
        return fmt::format("step {} holds {} s, past its ladder's {} s", s.id, *s.dose.hold_seconds,
                           *x->progression.max_hold_seconds);
      total += s.seconds;
      if (!p.floor && s.position == Position::floor)
        return fmt::format("floor step {} without floor access", s.id);
      if (e.no_positions.count(s.position))
        return fmt::format("step {} in an excluded position", s.id);
      if (e.no_exercises.count(s.id)) return fmt::format("excluded exercise {}", s.id);
      for (const auto& t : x->tags) {
        if (e.no_tags.count(t)) return fmt::format("step {} has excluded tag {}", s.id, t);
      }
      for (const auto& r : s.pressure_on) {
        if (e.no_pressure.count(r)) return fmt::format("step {} presses on {}", s.id, r);
      }
      for (const auto& r : x->pressure_on) {
        if (e.no_pressure.count(r.id)) return fmt::format("exercise {} presses on {}", s.id, r.id);
      }
      for (const auto& tool : s.equipment) {
        if (!contains(owned, tool))
          return fmt::format("step {} uses {} which the person lacks", s.id, tool);
        if (e.no_tools.count(tool)) return fmt::format("step {} uses excluded tool {}", s.id, tool);
        const Equipment* eq = lib.find_equipment(tool);
        if (e.max_firmness && eq->firmness && *eq->firmness > *e.max_firmness) {
          return fmt::format("step {} uses {} firmer than allowed", s.id, tool);
        }
      }
      if (s.equipment.size() != x->equipment.size())
        return fmt::format("step {} lacks a tool it needs", s.id);
      if (s.replaces && s.why.empty())
        return fmt::format("step {} replaces {} without a reason", s.id, *s.replaces);
      std::optional<int> max_hold;
      std::optional<int> max_sets;
      std::optional<int> min_hold;
      for (const auto& [rule, on] : e.dose_rules) {
        if (!scope_matches(rule->scope, *x)) continue;
        const auto& d = rule->dose;
        if (d.max_hold_seconds)
          max_hold = std::min(max_hold.value_or(*d.max_hold_seconds), *d.max_hold_seconds);
        if (d.min_hold_seconds)
          min_hold = std::max(min_hold.value_or(*d.min_hold_seconds), *d.min_hold_seconds);
        if (d.max_sets) max_sets = std::min(max_sets.value_or(*d.max_sets), *d.max_sets);
      }
      if (s.dose.hold_seconds) {
        if (max_hold && *s.dose.hold_seconds > *max_hold)
          return fmt::format("step {} holds longer than {} s", s.id, *max_hold);
        if (min_hold && (!max_hold || *min_hold <= *max_hold) && *s.dose.hold_seconds < *min_hold) {
          return fmt::format("step {} holds shorter than {} s", s.id, *min_hold);
        }
      }
      if (max_sets && s.dose.sets > *max_sets)
        return fmt::format("step {} has more than {} sets", s.id, *max_sets);
      if (s.dose.sets > x->dose.max_sets || s.dose.sets < 1)
        return fmt::format("step {} sets out of range", s.id);
      if (!s.dose.reps.empty() && static_cast<int>(s.dose.reps.size()) != s.dose.sets) {
        return fmt::format("step {} reps do not match sets", s.id);
      }
      if (phase.id == Phase::core && s.dose.hold_seconds &&
          *s.dose.hold_seconds > kMaxCoreHoldSeconds)
        return fmt::format("step {} holds {} s, past {} s", s.id, *s.dose.hold_seconds,
                           kMaxCoreHoldSeconds);
      for (std::size_t r = 0; r < s.dose.reps.size(); ++r) {
        if (r >= stage_reps.size() || s.dose.reps[r] > stage_reps[r] || s.dose.reps[r] < 1)
          return fmt::format("step {} has more reps than its dose step", s.id);
      }
      if (s.dose.hold_seconds && stage_hold && !min_hold && *s.dose.hold_seconds > *stage_hold)
        return fmt::format("step {} holds longer than its dose step", s.id);
      // A capped phase takes no spare time: its steps keep their normal sets.
      if (rphase->max_minutes && s.dose.sets > x->dose.sets)
        return fmt::format("step {} grew in a capped phase", s.id);
      // A hold range the rules give (a minimum and the lowest maximum) is filled when the
      // routine left time for a walk.
      if (min_hold && max_hold && *min_hold < *max_hold && s.dose.hold_seconds &&
          *s.dose.hold_seconds < *max_hold && x->dose.hold_seconds &&
          *x->dose.hold_seconds < *max_hold) {
        const bool walk =
            std::any_of(plan.notices.begin(), plan.notices.end(),
                        [](const Notice& n) { return n.source == NoticeSource::spare_time; });
        if (walk)
          return fmt::format("step {} holds {} s with time to spare", s.id, *s.dose.hold_seconds);
      }
    }
    if (rphase->max_minutes && phase_seconds > *rphase->max_minutes * 60)
      return fmt::format("phase {} takes {} s, over its {} minutes", to_string(phase.id),
                         phase_seconds, *rphase->max_minutes);
    // Short sessions trim held work evenly: no step has two rounds more than another that could
    // have had more, and reps come off only when every step is down to one round, evenly.
    if (rphase->ordered) {
      for (const auto& a : phase.steps) {
        for (const auto& b : phase.steps) {
          const Exercise* bx = lib.find_exercise(b.id);
          if (a.dose.sets >= b.dose.sets + 2 && b.dose.sets < bx->dose.sets)
            return fmt::format("{} has {} rounds but {} only {}", a.id, a.dose.sets, b.id,
                               b.dose.sets);
        }
      }
      int most_cut = 0;
      for (const auto& a : phase.steps) {
        const Exercise* ax = lib.find_exercise(a.id);
        if (!a.dose.reps.empty())
          most_cut = std::max(most_cut, reps_at(*ax, a.stage)[0] - a.dose.reps[0]);
      }
      for (const auto& a : phase.steps) {
        const Exercise* ax = lib.find_exercise(a.id);
        if (most_cut == 0 || a.dose.reps.empty()) continue;
        if (a.dose.sets > 1)
          return fmt::format("{} keeps {} rounds while reps are cut", a.id, a.dose.sets);
        if (a.dose.reps[0] > kMinHeldReps &&
            reps_at(*ax, a.stage)[0] - a.dose.reps[0] < most_cut - 1)
          return fmt::format("{} keeps more reps than the others", a.id);
      }
    }
  }
  // By the clock: each step's seconds are its dose and its transitions, worked out here along the
  // plan's own order, from standing and back.
  {
    Position last = Position::standing;
    int changes = 0;
    std::vector<const Step*> order;
    for (const auto& phase : plan.phases) {
      for (const auto& s : phase.steps) order.push_back(&s);
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Step& s = *order[i];
      int t = kStepSetupSeconds + (s.dose.per_side ? s.dose.sets * kSideSwitchSeconds : 0);
      if (s.position != last) {
        t += kLevelChangeSeconds;
        ++changes;
      }
      if (i + 1 == order.size() && s.position != Position::standing) {
        t += kLevelChangeSeconds;
        ++changes;
      }
      last = s.position;
      if (s.transition_seconds != t)
        return fmt::format("step {} allows {} s to move, expected {} s", s.id, s.transition_seconds,
                           t);
      if (s.seconds != dose_work(s.dose) + t)
        return fmt::format("step {} takes {} s, expected {} s", s.id, s.seconds,
                           dose_work(s.dose) + t);
    }
    std::set<Phase> ordered;
    for (const auto& rp : routine.phases) {
      if (rp.ordered) ordered.insert(rp.id);
    }
    const int fewest = fewest_level_changes(plan, ordered);
    if (changes != fewest)
      return fmt::format("{} level changes where {} would do", changes, fewest);
  }
  for (const auto& o : plan.omitted) {
    if (o.why.empty()) return fmt::format("omission {} without a reason", o.id);
    // "What changed for you" and "Left out" speak from the structured causes: none may be
    // missing.
    if (o.causes.empty()) return fmt::format("omission {} without a structured cause", o.id);
  }
  for (const auto& phase : plan.phases) {
    for (const auto& s : phase.steps) {
      if (s.replaces && s.replaced_because.empty())
        return fmt::format("step {} stands in for {} without a structured cause", s.id,
                           *s.replaces);
      if (s.changes.size() != s.dose_changes.size())
        return fmt::format("step {} has {} dose changes but {} structured", s.id, s.changes.size(),
                           s.dose_changes.size());
    }
  }
  if (total != plan.total_seconds) return "total_seconds is not the sum of the steps";
  if (plan.budget_seconds != e.budget)
    return fmt::format("budget {} s, expected {} s", plan.budget_seconds, e.budget);
  if (total > e.budget) return fmt::format("{} s is over the {} s budget", total, e.budget);
  const bool walk = std::any_of(plan.notices.begin(), plan.notices.end(), [](const Notice& n) {
    return n.source == NoticeSource::spare_time;
  });
  if (total * 10 < e.budget * 7) {
    const bool explained =
        walk || std::any_of(plan.notices.begin(), plan.notices.end(),
                            [](const Notice& n) { return n.source == NoticeSource::short_plan; });
    if (!explained) return fmt::format("{} s is under 70% of {} s with no notice", total, e.budget);
  }
  // The spare time goes to a walk only when the person's own minutes are the limit, nothing is
  // held back for clearance, and there is a plan; and then at least five minutes are spare.
  const bool walk_due = e.budget - total >= 5 * 60 && e.budget == p.minutes * 60 &&
                        e.held_back.empty() && !plan.phases.empty();
  if (walk != walk_due)
    return walk ? "a walk is suggested where it should not be"
                : "spare time with no walk suggested";
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  long sample = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--sample" && i + 1 < argc) {
      sample = std::strtol(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr, "usage: backplan_sweep [--sample N]\n");
      return 2;
    }
  }
  if (sample < 1) sample = 1;
  const Library lib = load_library_or_throw({});
  std::vector<std::string> tools;
  for (const auto& e : lib.equipment) {
    bool assumed = false;
    for (const auto& a : lib.settings.assumed_equipment) assumed = assumed || a.id == e.id;
    if (!assumed) tools.push_back(e.id);
  }
  // A condition that asks details is swept in every combination of their values: each choice,
  // and for a number, unknown and both sides of every threshold a rule tests it against.
  // The values swept for each detail of a condition.
  auto values_of = [&](const Condition& c) {
    std::vector<std::vector<DetailValue>> all;
    for (const auto& d : c.details) {
      std::vector<DetailValue> values;
      if (!d.choices.empty()) {
        for (const auto& v : d.choices) values.push_back({d.id, v, false});
      } else {
        std::set<int> numbers{d.min};
        for (const auto& other : lib.conditions) {
          if (!other.when || other.when->kind != When::Kind::details ||
              other.when->conditions.front().id != c.id)
            continue;
          for (const auto& t : other.when->details) {
            if (t.detail != d.id) continue;
            for (auto bound : {t.below, t.at_least}) {
              if (!bound) continue;
              for (int n : {*bound - 1, *bound}) {
                if (n >= d.min && n <= d.max) numbers.insert(n);
              }
            }
          }
        }
        values.push_back({d.id, "", true});  // not given
        for (int n : numbers) values.push_back({d.id, std::to_string(n), true});
      }
      all.push_back(std::move(values));
    }
    return all;
  };
  // Alone, a condition meets every combination of its details' values.
  auto variants_of = [&](const Condition& c) {
    std::vector<std::vector<DetailValue>> out{{}};
    for (const auto& values : values_of(c)) {
      std::vector<std::vector<DetailValue>> next;
      for (const auto& partial : out) {
        for (const auto& v : values) {
          next.push_back(partial);
          next.back().push_back(v);
        }
      }
      out = std::move(next);
    }
    return out;
  };
  // In a pair, every value of each detail comes up (the k-th value of each, cycling).
  auto pair_variants_of = [&](const Condition& c) {
    const auto all = values_of(c);
    std::size_t longest = 1;
    for (const auto& values : all) longest = std::max(longest, values.size());
    std::vector<std::vector<DetailValue>> out(longest);
    for (std::size_t k = 0; k < longest; ++k) {
      for (const auto& values : all) out[k].push_back(values[k % values.size()]);
    }
    return out;
  };
  struct ConditionSet {
    std::vector<std::string> ids;
    ConditionDetails details;
  };
  std::vector<ConditionSet> condition_sets{{}};
  std::vector<const Condition*> plain;
  for (const auto& c : lib.conditions) {
    if (c.when) continue;
    for (const auto& v : variants_of(c)) {
      ConditionSet set{{c.id}, {}};
      if (!v.empty()) set.details[c.id] = v;
      condition_sets.push_back(std::move(set));
    }
    if (c.gate != Gate::stop) plain.push_back(&c);
  }
  // Pairs: every variant of each side meets the other, cycling the shorter list (every detail
  // value with every pair, without the full product).
  for (std::size_t i = 0; i < plain.size(); ++i) {
    for (std::size_t j = i + 1; j < plain.size(); ++j) {
      const auto a = pair_variants_of(*plain[i]);
      const auto b = pair_variants_of(*plain[j]);
      for (std::size_t k = 0; k < std::max(a.size(), b.size()); ++k) {
        ConditionSet set{{plain[i]->id, plain[j]->id}, {}};
        if (!a[k % a.size()].empty()) set.details[plain[i]->id] = a[k % a.size()];
        if (!b[k % b.size()].empty()) set.details[plain[j]->id] = b[k % b.size()];
        condition_sets.push_back(std::move(set));
      }
    }
  }
  const std::vector<std::vector<std::string>> avoid_sets{
      {}, {"glutes"}, {"calves", "lower-back"}, {"upper-back"}};
  // Ages: one in each band the library tells apart, since age reaches a plan only through
  // them (a condition's `when` age band and the age from which the beginner level is assumed):
  // two below the lowest bound, then each bound (the first age of its band). With today's
  // library: 16, 18, 20, 50 and 55.
  const std::vector<int> ages = [&] {
    std::set<int> bounds;
    if (lib.settings.beginner_from_age) bounds.insert(*lib.settings.beginner_from_age);
    for (const auto& c : lib.conditions) {
      if (!c.when || c.when->kind != When::Kind::age_at_least) continue;
      if (c.when->age > 0) bounds.insert(c.when->age);
      if (c.when->age_below > 0) bounds.insert(c.when->age_below);
    }
    std::vector<int> out;
    if (!bounds.empty()) out.push_back(*bounds.begin() - 2);
    out.insert(out.end(), bounds.begin(), bounds.end());
    if (out.empty()) out.push_back(40);
    return out;
  }();
  const std::vector<int> minutes{5, 10, 20, 45};

  // Profiles are numbered in a fixed order; each thread takes every other equipment subset, and
  // the first violation (lowest number) is the one reported.
  const unsigned subsets = 1u << tools.size();
  const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  std::atomic<long> profiles{0};
  std::mutex found_mutex;
  std::optional<std::pair<long, std::string>> found;
  auto work = [&](unsigned first) {
    for (unsigned mask = first; mask < subsets; mask += threads) {
      std::vector<std::string> kit;
      for (std::size_t t = 0; t < tools.size(); ++t) {
        if (mask & (1u << t)) kit.push_back(tools[t]);
      }
      long index = static_cast<long>(mask) *
                   static_cast<long>(ages.size() * 2 * condition_sets.size() * 2 * minutes.size());
      for (int age : ages) {
        for (bool floor : {true, false}) {
          for (const auto& conditions : condition_sets) {
            for (bool cleared : {false, true}) {
              for (int m : minutes) {
                const long this_index = index++;
                if (this_index % sample != 0) continue;
                ProfileInput in;
                in.equipment = kit;
                in.age = age;
                in.floor = floor;
                in.conditions = conditions.ids;
                in.details = conditions.details;
                in.avoid =
                    avoid_sets[static_cast<std::size_t>(this_index / sample) % avoid_sets.size()];
                in.cleared = cleared;
                in.minutes = m;
                // Levels rotate too: not given (the age decides), then each level.
                const std::size_t turn = static_cast<std::size_t>(this_index / sample / 4) % 4;
                if (turn > 0) in.level = std::string(kLevelNames.entries()[turn - 1].name);
                // The kind of day rotates through none, flare, morning and both, faster than
                // the levels: every condition set meets each within its cleared x minutes run.
                const std::size_t day = static_cast<std::size_t>(this_index / sample / 2) % 4;
                if (day & 1u) in.today.insert(Today::flare);
                if (day & 2u) in.today.insert(Today::morning);
                const Profile p =
                    resolve_profile(lib, ProfileInput{}, in);  // canonical, as the CLI does
                const PlanResult result = make_plan(lib, p);
                ++profiles;
                std::optional<std::string> broken = violation(lib, p, result);
                // Every 8th profile is planned again from a progress state: each ladder at a
                // step that cycles through every variant and dose step (and a flare now and
                // then), so each stage meets every rule without the full product.
                const long turn8 = this_index / sample;
                if (!broken && turn8 % 8 == 0) {
                  Progress progress;
                  progress.routine = p.routine;
                  progress.flare = (turn8 / 8) % 5 == 4;
                  progress.flare_advice = "see someone";
                  std::size_t n = 0;
                  for (const auto& phase : lib.find_routine(p.routine)->phases) {
                    for (const auto& slot : phase.slots) {
                      const Exercise& own = *lib.find_exercise(slot.exercise.id);
                      const auto steps = ladder_steps(lib, own);
                      const std::size_t at =
                          static_cast<std::size_t>(turn8 / 8 + static_cast<long>(n++) * 3) %
                          steps.size();
                      const bool down = (turn8 / 8 + static_cast<long>(n)) % 3 == 0;
                      LadderProgress l;
                      l.slot = own.id;
                      l.to = steps[at];
                      l.from = down ? steps[std::min(at + 1, steps.size() - 1)]
                                    : steps[at == 0 ? 0 : at - 1];
                      l.move = down ? ProgressMove::down : ProgressMove::up;
                      l.reason = "a synthetic reason";
                      progress.ladders.push_back(l);
                    }
                  }
                  Profile flared = p;
                  if (progress.flare && !flared.is(Today::flare))
                    flared.today.insert(flared.today.begin(), Today::flare);
                  const PlanResult staged = make_plan(lib, p, progress);
                  broken = violation(lib, flared, staged, &progress);
                  if (broken)
                    *broken += fmt::format(" (with the diary's progress state {})", turn8 / 8);
                }
                // Byte-identical output on a second run, checked on a spread of profiles.
                if (!broken && this_index % (sample * 101) == 0 &&
                    std::holds_alternative<Plan>(result)) {
                  const PlanResult again = make_plan(lib, p);
                  if (render_json(std::get<Plan>(result)) != render_json(std::get<Plan>(again)) ||
                      render_text(std::get<Plan>(result), {}) !=
                          render_text(std::get<Plan>(again), {})) {
                    broken = "a second run gives different output";
                  }
                }
                if (broken) {
                  std::lock_guard<std::mutex> lock(found_mutex);
                  if (!found || this_index < found->first) {
                    found = {this_index,
                             fmt::format("violation: {}\n  {}", *broken, command_line(p))};
                  }
                  return;
                }
              }
            }
          }
        }
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
  for (auto& t : pool) t.join();
  if (found) {
    std::printf("sweep: %ld profiles, 1 violation\n", profiles.load());
    std::fprintf(stderr, "%s\n", found->second.c_str());
    return 1;
  }
  std::printf("sweep: %ld profiles, 0 violations\n", profiles.load());
  return 0;
}
