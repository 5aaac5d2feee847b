#include "plan/suggest_equipment.h"

#include <algorithm>
#include <set>
#include <variant>

#include "plan/constraints.h"
#include "plan/planner.h"

namespace backplan {

namespace {

bool left_out_for_a_tool(const Omission& o) {
  return std::any_of(o.causes.begin(), o.causes.end(),
                     [](const Cause& c) { return c.kind == CauseKind::equipment; });
}

bool left_out_for_time_only(const Omission& o) {
  return std::all_of(o.causes.begin(), o.causes.end(),
                     [](const Cause& c) { return c.kind == CauseKind::time; });
}

// The slots of `wanted` the plan made with `profile` includes.
std::vector<std::string> brought_back(const Library& lib, const Profile& profile,
                                      const std::vector<std::string>& wanted) {
  const PlanResult result = make_plan(lib, profile);
  const Plan* plan = std::get_if<Plan>(&result);
  if (!plan) return {};
  std::set<std::string> included;
  for (const auto& phase : plan->phases) {
    for (const auto& s : phase.steps) included.insert(s.slot);
  }
  std::vector<std::string> out;
  for (const auto& slot : wanted) {
    if (included.count(slot)) out.push_back(slot);
  }
  return out;
}

}  // namespace

std::optional<EquipmentSuggestion> suggest_equipment(const Library& lib, const Plan& plan) {
  if (plan.held()) return std::nullopt;
  // Only when a tool is missing somewhere; the slots that could come back are those left out
  // for any reason but time.
  if (std::none_of(plan.omitted.begin(), plan.omitted.end(), left_out_for_a_tool))
    return std::nullopt;
  std::vector<std::string> wanted;
  for (const auto& o : plan.omitted) {
    if (!left_out_for_time_only(o)) wanted.push_back(o.id);
  }
  std::vector<const Equipment*> candidates;
  const Profile& p = plan.profile;
  auto has = [&](const std::string& id) {
    if (std::find(p.equipment.begin(), p.equipment.end(), id) != p.equipment.end()) return true;
    const auto& assumed = lib.settings.assumed_equipment;
    return std::any_of(assumed.begin(), assumed.end(), [&](const Ref& a) { return a.id == id; });
  };
  // Only the tools that some version of a left-out slot needs (its exercise, the steps of its
  // ladder and every alternative, as far as they go), or a stand-in for one: no other tool can
  // change what the planner chooses for those slots.
  std::set<std::string> needed;
  std::set<std::string> seen;
  std::vector<const Exercise*> todo;
  auto visit = [&](const std::string& id) {
    if (!seen.insert(id).second) return;
    if (const Exercise* x = lib.find_exercise(id)) todo.push_back(x);
  };
  for (const auto& id : wanted) visit(id);
  while (!todo.empty()) {
    const Exercise* x = todo.back();
    todo.pop_back();
    for (const auto& need : x->equipment) {
      for (const Equipment* e : tool_candidates(lib, need.id)) needed.insert(e->id);
    }
    for (const auto& [level, ref] : x->levels) visit(ref.id);
    for (const auto& alt : x->alternatives) visit(alt.id);
  }
  for (const auto& e : lib.equipment) {
    if (!has(e.id) && needed.count(e.id)) candidates.push_back(&e);
  }
  auto best_of = [&](const std::vector<std::vector<const Equipment*>>& sets)
      -> std::optional<EquipmentSuggestion> {
    std::optional<EquipmentSuggestion> best;
    for (const auto& tools : sets) {
      Profile with = p;
      for (const Equipment* e : tools) with.equipment.push_back(e->id);
      std::vector<std::string> back = brought_back(lib, with, wanted);
      if (back.empty() || (best && back.size() <= best->slots.size())) continue;
      EquipmentSuggestion s;
      for (const Equipment* e : tools) {
        s.equipment.push_back(e->id);
        s.names.push_back(e->name);
      }
      for (const auto& o : plan.omitted) {
        if (std::find(back.begin(), back.end(), o.id) == back.end()) continue;
        if (std::find(s.phases.begin(), s.phases.end(), o.phase) == s.phases.end())
          s.phases.push_back(o.phase);
      }
      s.slots = std::move(back);
      best = std::move(s);
    }
    return best;
  };
  std::vector<std::vector<const Equipment*>> singles;
  for (const Equipment* e : candidates) singles.push_back({e});
  if (auto one = best_of(singles)) return one;
  std::vector<std::vector<const Equipment*>> pairs;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    for (std::size_t j = i + 1; j < candidates.size(); ++j)
      pairs.push_back({candidates[i], candidates[j]});
  }
  return best_of(pairs);
}

namespace {

// Every field of the profile the planner reads (all but the name), as one string.
std::string circumstances(const Profile& p) {
  std::string key = p.age ? std::to_string(*p.age) : "-";
  auto add = [&key](const std::string& part) {
    key += '\x1f';
    key += part;
  };
  add(p.floor ? "floor" : "no-floor");
  add(p.equipment_assumed ? "kit" : "own");
  for (const auto& e : p.equipment) add("e:" + e);
  for (const auto& c : p.conditions) add("c:" + condition_item(c, p.details));
  for (const auto& a : p.avoid) add("a:" + a);
  add(std::to_string(p.minutes));
  add(p.cleared ? "cleared" : "-");
  add(p.routine);
  add(std::string(to_string(p.level)));
  add(p.level_assumed ? "assumed" : "chosen");
  for (Today t : p.today) add("t:" + std::string(to_string(t)));
  return key;
}

}  // namespace

std::optional<EquipmentSuggestion> SuggestionCache::suggest(const Plan& plan) {
  if (plan.progress) return suggest_equipment(lib_, plan);  // a diary's plan is its own
  std::string key = circumstances(plan.profile);
  if (auto it = answers_.find(key); it != answers_.end()) {
    ++hits_;
    return it->second;
  }
  ++misses_;
  if (answers_.size() >= capacity_) answers_.clear();
  return answers_.emplace(std::move(key), suggest_equipment(lib_, plan)).first->second;
}

}  // namespace backplan
