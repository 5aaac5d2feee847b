#pragma once
// What a person's conditions and flags rule out or change, gathered from the library's rules:
// the planner's first step, and the rule matching that `show` uses too. Pure.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/library.h"
#include "model/plan.h"
#include "model/profile.h"

namespace backplan {

// Adds `reason` unless it is there: reasons keep the order they were first given in.
void add_reason(std::vector<std::string>& into, const std::string& reason);

// "Condition name: why" — how a rule's reason is shown.
std::string reason(const Condition& c, const Rule& r);

// The same reason, structured: the condition (or no floor work) and the rule's why.
Cause rule_cause(const Condition& c, const Rule& r);

struct ScopedRule {
  const Condition* condition;
  const Rule* rule;
};

// Everything the person's conditions and flags rule out or change, each with its reasons.
struct Constraints {
  std::map<Position, std::vector<std::string>> positions;
  std::map<std::string, std::vector<std::string>> tags;
  std::map<std::string, std::vector<std::string>> exercises;
  std::map<std::string, std::vector<std::string>> regions;
  std::map<std::string, std::vector<std::string>> equipment;
  std::optional<Firmness> max_firmness;
  std::vector<std::string> firmness_reasons;
  std::map<Phase, std::vector<std::string>> held_back;
  std::optional<int> max_minutes;
  std::vector<std::string> minutes_reasons;
  std::optional<Level> max_level;  // the highest ladder step any condition allows
  std::vector<std::pair<Level, std::string>> level_caps;  // each max_level rule, with its reason
  // progression rules: the reasons the diary may not move a ladder up, and the highest dose step
  // any condition allows, with each cap's reason.
  std::vector<std::string> no_up_reasons;
  std::optional<int> max_stage;
  std::vector<std::pair<int, std::string>> stage_caps;
  std::vector<std::string> minutes_by;  // the names of the conditions whose cap is max_minutes
  std::vector<ScopedRule> dose_rules;
  std::vector<ScopedRule> cue_rules;
  std::map<std::string, Cause> causes;  // each reason above, structured
};

// Whether a condition is in force for the person: listed by them, or automatic by its `when`.
// The condition kinds of `when` (with_all, with_any, without) look at the conditions the person
// lists (profile.conditions) only, never at automatic ones, so library order does not matter.
bool applies(const Condition& c, const Profile& p);

// The conditions in force, in library order.
std::vector<const Condition*> active_conditions(const Library& lib, const Profile& p);

// Whether a hold_back_phases rule is let through for the person (--cleared, or an --avoid list).
bool lifted(const Rule& rule, const Profile& p);

// Whether a condition holds work back and every such rule is let through.
bool holds_lifted(const Condition& c, const Profile& p);

// The condition's first notice_with entry whose every tool the person has (listed, or always
// assumed by the library), or nullptr.
const EquipmentNotice* equipment_notice(const Library& lib, const Condition& c, const Profile& p);

Constraints gather(const Library& lib, const Profile& p,
                   const std::vector<const Condition*>& active);

// Whether a dose or cue rule's scope reaches an exercise: every non-empty part must match.
// `getting_up` is not looked at here: it depends on the finished plan (see gets_up).
bool in_scope(const Scope& scope, const Exercise& exercise);

// How high a position is: floor < bed < seated < standing.
int level(Position position);

// Whether a step at `here`, between steps at `before` and `after` (standing at the start and
// the end of the session), is one the person gets up from, or has just got up to.
bool gets_up(GettingUp when, Position before, Position here, Position after);

// The tools that can meet a need: the tool itself, then its ranked stand-ins.
std::vector<const Equipment*> tool_candidates(const Library& lib, const std::string& need);

// Whether a rule keeps a tool out of a plan: it names the tool (exclude_equipment) or caps
// firmness below it (max_firmness).
bool rules_out_tool(const Rule& rule, const Equipment& tool);

}  // namespace backplan
