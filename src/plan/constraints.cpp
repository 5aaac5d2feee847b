#include "plan/constraints.h"

#include <fmt/format.h>

#include <algorithm>

namespace backplan {

void add_reason(std::vector<std::string>& into, const std::string& reason) {
  if (std::find(into.begin(), into.end(), reason) == into.end()) into.push_back(reason);
}

std::string reason(const Condition& c, const Rule& r) {
  return fmt::format("{}: {}", c.name, r.why);
}

Cause rule_cause(const Condition& c, const Rule& r) {
  const bool floor = c.when && c.when->kind == When::Kind::no_floor;
  return {floor ? CauseKind::no_floor : CauseKind::condition, c.id, c.name, r.why};
}

namespace {
bool any_in(const std::vector<Ref>& refs, const std::vector<std::string>& ids) {
  return std::any_of(refs.begin(), refs.end(), [&](const Ref& r) {
    return std::find(ids.begin(), ids.end(), r.id) != ids.end();
  });
}
}  // namespace

namespace {

// Whether the person's resolved details pass every test; a number not given passes (unknown is
// read the cautious way: the rule applies).
bool details_pass(const std::string& condition, const std::vector<DetailTest>& tests,
                  const Profile& p) {
  const auto found = p.details.find(condition);
  for (const auto& t : tests) {
    const DetailValue* given = nullptr;
    if (found != p.details.end()) {
      for (const auto& v : found->second) {
        if (v.detail == t.detail) given = &v;
      }
    }
    if (!t.any_of.empty()) {
      const std::string value = given ? given->value : "";
      if (std::find(t.any_of.begin(), t.any_of.end(), value) == t.any_of.end()) return false;
      continue;
    }
    if (!given || given->value.empty()) continue;
    const int n = std::stoi(given->value);
    if (t.below && n >= *t.below) return false;
    if (t.at_least && n < *t.at_least) return false;
  }
  return true;
}

}  // namespace

bool applies(const Condition& c, const Profile& p) {
  if (!c.when)
    return std::find(p.conditions.begin(), p.conditions.end(), c.id) != p.conditions.end();
  switch (c.when->kind) {
    case When::Kind::always:
      return true;
    case When::Kind::age_at_least:
      // Unknown age: no age band applies (the plan asks for no age it was not given).
      return p.age && *p.age >= c.when->age &&
             (c.when->age_below == 0 || *p.age < c.when->age_below);
    case When::Kind::no_floor:
      return !p.floor;
    case When::Kind::avoid_with:
      return any_in(c.when->regions, p.avoid) && any_in(c.when->conditions, p.conditions);
    case When::Kind::with_all:
      return std::all_of(c.when->conditions.begin(), c.when->conditions.end(), [&](const Ref& r) {
        return std::find(p.conditions.begin(), p.conditions.end(), r.id) != p.conditions.end();
      });
    case When::Kind::with_any:
      return any_in(c.when->conditions, p.conditions);
    case When::Kind::without:
      return !any_in(c.when->conditions, p.conditions);
    case When::Kind::details:
      return any_in(c.when->conditions, p.conditions) &&
             details_pass(c.when->conditions.front().id, c.when->details, p);
    case When::Kind::today:
      return p.is(c.when->today) &&
             (c.when->conditions.empty() || any_in(c.when->conditions, p.conditions));
  }
  return false;
}

bool lifted(const Rule& rule, const Profile& p) {
  return rule.lifted_by == Lift::cleared ? p.cleared : !p.avoid.empty();
}

bool holds_lifted(const Condition& c, const Profile& p) {
  bool any = false;
  for (const auto& r : c.rules) {
    if (r.kind != RuleKind::hold_back_phases) continue;
    if (!lifted(r, p)) return false;
    any = true;
  }
  return any;
}

const EquipmentNotice* equipment_notice(const Library& lib, const Condition& c, const Profile& p) {
  auto has = [&](const Ref& tool) {
    if (std::find(p.equipment.begin(), p.equipment.end(), tool.id) != p.equipment.end())
      return true;
    const auto& assumed = lib.settings.assumed_equipment;
    return std::any_of(assumed.begin(), assumed.end(),
                       [&](const Ref& a) { return a.id == tool.id; });
  };
  for (const auto& v : c.notice_with) {
    if (std::all_of(v.equipment.begin(), v.equipment.end(), has)) return &v;
  }
  return nullptr;
}

std::vector<const Condition*> active_conditions(const Library& lib, const Profile& p) {
  std::vector<const Condition*> active;
  for (const auto& c : lib.conditions) {
    if (applies(c, p)) active.push_back(&c);
  }
  return active;
}

Constraints gather(const Library& lib, const Profile& p,
                   const std::vector<const Condition*>& active) {
  Constraints k;
  for (const Condition* c : active) {
    for (const Rule& r : c->rules) {
      const std::string why = reason(*c, r);
      k.causes.emplace(why, rule_cause(*c, r));
      switch (r.kind) {
        case RuleKind::exclude_positions:
          for (Position pos : r.positions) add_reason(k.positions[pos], why);
          break;
        case RuleKind::exclude_tags:
          for (const auto& tag : r.tags) add_reason(k.tags[tag], why);
          break;
        case RuleKind::exclude_exercises:
          for (const auto& id : r.ids) add_reason(k.exercises[id.id], why);
          break;
        case RuleKind::no_pressure_on:
          for (const auto& id : r.ids) add_reason(k.regions[id.id], why);
          break;
        case RuleKind::exclude_equipment:
          for (const auto& id : r.ids) add_reason(k.equipment[id.id], why);
          break;
        case RuleKind::max_firmness:
          if (!k.max_firmness || r.firmness < *k.max_firmness) k.max_firmness = r.firmness;
          add_reason(k.firmness_reasons, why);
          break;
        case RuleKind::hold_back_phases: {
          if (!lifted(r, p)) {
            for (Phase phase : r.phases) add_reason(k.held_back[phase], why);
          }
          break;
        }
        case RuleKind::max_minutes:
          if (!k.max_minutes || r.minutes < *k.max_minutes) {
            k.max_minutes = r.minutes;
            k.minutes_by.clear();
          }
          if (r.minutes == *k.max_minutes) add_reason(k.minutes_by, c->name);
          add_reason(k.minutes_reasons, why);
          break;
        case RuleKind::max_level:
          if (!k.max_level || r.level < *k.max_level) k.max_level = r.level;
          k.level_caps.emplace_back(r.level, why);
          break;
        case RuleKind::progression:
          if (!r.progress_up) add_reason(k.no_up_reasons, why);
          if (r.max_stage) {
            if (!k.max_stage || *r.max_stage < *k.max_stage) k.max_stage = r.max_stage;
            k.stage_caps.emplace_back(*r.max_stage, why);
          }
          break;
        case RuleKind::dose:
          k.dose_rules.push_back({c, &r});
          break;
        case RuleKind::cue:
          k.cue_rules.push_back({c, &r});
          break;
      }
    }
  }
  for (const auto& id : p.avoid) {
    const Region* region = lib.find_region(id);
    const std::string name = region ? region->name : id;
    const std::string why = fmt::format("you asked to keep pressure off this area ({})", name);
    add_reason(k.regions[id], why);
    k.causes.emplace(why, Cause{CauseKind::avoid, id, name.substr(0, name.find(" (")) + " spared",
                                "you asked to keep pressure off this area"});
  }
  return k;
}

bool in_scope(const Scope& s, const Exercise& x) {
  auto has = [](const auto& list, const auto& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  };
  if (!s.phases.empty() && !has(s.phases, x.phase)) return false;
  if (!s.positions.empty() && !has(s.positions, x.position)) return false;
  if (!s.tags.empty() && std::none_of(s.tags.begin(), s.tags.end(),
                                      [&](const std::string& t) { return has(x.tags, t); })) {
    return false;
  }
  if (!s.exercises.empty() && std::none_of(s.exercises.begin(), s.exercises.end(),
                                           [&](const Ref& r) { return r.id == x.id; })) {
    return false;
  }
  return true;
}

int level(Position position) {
  switch (position) {
    case Position::floor:
      return 0;
    case Position::bed:
      return 1;
    case Position::seated:
      return 2;
    case Position::standing:
      return 3;
  }
  return 3;
}

bool gets_up(GettingUp when, Position before, Position here, Position after) {
  return when == GettingUp::from ? level(after) > level(here) : level(here) > level(before);
}

std::vector<const Equipment*> tool_candidates(const Library& lib, const std::string& need) {
  std::vector<const Equipment*> out;
  const Equipment* wanted = lib.find_equipment(need);
  if (!wanted) return out;
  out.push_back(wanted);
  for (const auto& s : wanted->stand_ins) {
    if (const Equipment* alt = lib.find_equipment(s.id)) out.push_back(alt);
  }
  return out;
}

bool rules_out_tool(const Rule& rule, const Equipment& tool) {
  switch (rule.kind) {
    case RuleKind::exclude_equipment:
      return std::any_of(rule.ids.begin(), rule.ids.end(),
                         [&](const Ref& r) { return r.id == tool.id; });
    case RuleKind::max_firmness:
      return tool.firmness && *tool.firmness > rule.firmness;
    default:
      return false;
  }
}

}  // namespace backplan
