// What changed, said once, and what would help: the structured causes the planner fills, the
// equipment suggestion (re-planning with each tool the person lacks), and that the hard plans
// state each reason once.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <variant>

#include "load/library_loader.h"
#include "plan/constraints.h"
#include "plan/planner.h"
#include "plan/suggest_equipment.h"
#include "render/render_markdown.h"
#include "render/render_text.h"
#include "resolve/profile.h"

using namespace backplan;

namespace {

const Library& builtin() {
  static const Library lib = load_library_or_throw({});
  return lib;
}

Plan plan_with(const ProfileFlags& f) {
  const PlanResult result =
      make_plan(builtin(), resolve_profile(builtin(), {}, read_profile_flags(f, builtin())));
  REQUIRE(std::holds_alternative<Plan>(result));
  Plan plan = std::get<Plan>(result);
  plan.suggestion = suggest_equipment(builtin(), plan);
  return plan;
}

Plan no_floor_tennis_ball() {
  ProfileFlags f;
  f.age = "68";
  f.no_floor = true;
  f.equipment = {"tennis-ball"};
  return plan_with(f);
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

const Step& step(const Plan& plan, const std::string& id) {
  for (const auto& phase : plan.phases) {
    for (const auto& s : phase.steps) {
      if (s.id == id) return s;
    }
  }
  FAIL("no step " << id);
  throw 0;
}

}  // namespace

TEST_CASE("the planner gives each substitution, dose change and omission its causes") {
  const Plan plan = no_floor_tennis_ball();
  const Cause floor{CauseKind::no_floor, "no-floor", "No floor work",
                    "getting down to the floor and back up is not safe or possible for you right "
                    "now"};
  CHECK(step(plan, "seated-cat-camel").replaced_because == std::vector<Cause>{floor});
  const Step& wall = step(plan, "ball-upper-back-wall");
  REQUIRE(wall.replaced_because.size() == 2);
  CHECK(wall.replaced_because[0] == floor);
  CHECK(wall.replaced_because[1].kind == CauseKind::equipment);
  CHECK(wall.replaced_because[1].id == "foam-roller-medium");
  CHECK(wall.replaced_because[1].label == "No medium foam roller");
  CHECK(wall.replaced_because[1].text ==
        "you did not list a medium foam roller or a stand-in for it (soft foam roller, firm "
        "foam roller)");
  REQUIRE(wall.dose_changes.size() == 1);
  CHECK(wall.dose_changes[0].what == "passes shortened to 30 s");
  CHECK(wall.dose_changes[0].cause.kind == CauseKind::condition);
  CHECK(wall.dose_changes[0].cause.id == "age-55-plus");
  // The curl-up: no floor for it, and the bed version needs a bed.
  const auto curl = std::find_if(plan.omitted.begin(), plan.omitted.end(),
                                 [](const Omission& o) { return o.id == "curl-up"; });
  REQUIRE(curl != plan.omitted.end());
  REQUIRE(curl->causes.size() == 2);
  CHECK(curl->causes[0] == floor);
  CHECK(curl->causes[1].label == "No firm bed or bench");
  // Trimmed for time.
  const auto feet = std::find_if(plan.omitted.begin(), plan.omitted.end(),
                                 [](const Omission& o) { return o.id == "ball-feet-seated"; });
  REQUIRE(feet != plan.omitted.end());
  CHECK(feet->causes == std::vector<Cause>{{CauseKind::time, "budget", "Your 20 minutes",
                                            "the steps that matter most come first"}});
}

TEST_CASE("the no-floor tennis-ball plan states each reason once, in text and Markdown") {
  const Plan plan = no_floor_tennis_ball();
  const std::string text = render_text(plan, TextOptions{false, 1000, false});
  const std::string md = render_markdown(plan, HandoutOptions{});
  for (const std::string* out : {&text, &md}) {
    CHECK(count(*out, "getting down to the floor and back up is not safe") == 1);
    CHECK(count(*out, "you did not list a medium foam roller") == 1);
    CHECK(count(*out, "one shorter pass per area") == 1);
    CHECK(count(*out, "you listed none of them") == 0);
    CHECK(count(*out, "left out to fit the session") == 0);
  }
  CHECK(count(text, "Instead of Cat-camel — see No floor work\n") == 1);
  // Each exercise left out once, with every reason: its own, then its stand-ins'.
  CHECK(count(text,
              "\n  - Foam roll the calves — see No floor work; No medium foam roller (and for its "
              "stand-ins: No massage stick)\n") == 1);
  CHECK(count(text,
              "\n  - McGill curl-up — see No floor work (and for its stand-ins: No firm bed or "
              "bench)\n") == 1);
  CHECK(count(text, "Foam roll the calves") == 1);
  CHECK(count(text, "A firm bed or bench would bring back one core step.") == 1);
}

TEST_CASE("no tools at all: each missing tool once, not once per exercise") {
  ProfileFlags f;
  f.equipment = {"none"};
  const std::string text = render_text(plan_with(f), TextOptions{false, 1000, false});
  CHECK(count(text, "you did not list a medium foam roller") == 1);
  CHECK(count(text, "you did not list a massage stick") == 1);
  CHECK(count(text, "and you listed none of them") == 0);
}

TEST_CASE("what would help: the one tool that brings back the most, by re-planning") {
  ProfileFlags f;
  f.conditions = {"new-to-rolling"};
  f.equipment = {"lacrosse-ball"};
  const Plan plan = plan_with(f);
  REQUIRE(plan.suggestion);
  CHECK(plan.suggestion->equipment == std::vector<std::string>{"foam-roller-soft"});
  CHECK(plan.suggestion->names == std::vector<std::string>{"Soft foam roller"});
  CHECK(plan.suggestion->phases == std::vector<Phase>{Phase::release});
  CHECK(plan.suggestion->slots.size() == 5);
  // It holds: with it, those slots are in the plan.
  ProfileFlags with = f;
  with.equipment.push_back("foam-roller-soft");
  const Plan better = plan_with(with);
  for (const auto& slot : plan.suggestion->slots) {
    bool in = false;
    for (const auto& phase : better.phases) {
      for (const auto& s : phase.steps) in = in || s.slot == slot;
    }
    CHECK_MESSAGE(in, slot);
  }
  // The same inputs, the same suggestion.
  CHECK(suggest_equipment(builtin(), plan)->equipment == plan.suggestion->equipment);
}

TEST_CASE("a batch's suggestion cache: the same circumstances share one answer, others do not") {
  ProfileFlags ann;
  ann.name = "Ann";
  ann.conditions = {"new-to-rolling"};
  ann.equipment = {"lacrosse-ball"};
  ProfileFlags bob = ann;
  bob.name = "Bob";
  ProfileFlags older = ann;
  older.age = "70";
  SuggestionCache cache(builtin(), 2);
  const auto a = cache.suggest(plan_with(ann));
  const auto b = cache.suggest(plan_with(bob));
  CHECK(cache.misses() == 1);
  CHECK(cache.hits() == 1);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(b->equipment == a->equipment);
  CHECK(b->slots == a->slots);
  // Another age is other circumstances: asked afresh, and the same as asking directly.
  const Plan o = plan_with(older);
  const auto c = cache.suggest(o);
  CHECK(cache.misses() == 2);
  CHECK(c.has_value() == o.suggestion.has_value());
  if (c && o.suggestion) CHECK(c->slots == o.suggestion->slots);
  // Full (capacity 2): it starts afresh rather than growing, and still answers right.
  ProfileFlags tennis = ann;
  tennis.equipment = {"tennis-ball"};
  const Plan t = plan_with(tennis);
  const auto d = cache.suggest(t);
  CHECK(cache.misses() == 3);
  CHECK(d.has_value() == t.suggestion.has_value());
  cache.suggest(plan_with(ann));
  CHECK(cache.misses() == 4);  // Ann's answer went with the fresh start
}

TEST_CASE("what would help never names a tool a condition rules out") {
  // New to rolling keeps firm tools out: the lacrosse ball and the firm roller never come up,
  // for any set of tools the person might start from.
  for (const std::vector<std::string>& kit :
       {std::vector<std::string>{"none"}, {"massage-ball"}, {"foam-roller-firm"}}) {
    ProfileFlags f;
    f.conditions = {"new-to-rolling", "blood-thinners"};
    f.equipment = kit;
    const Plan plan = plan_with(f);
    if (!plan.suggestion) continue;
    const auto active = active_conditions(builtin(), plan.profile);
    for (const auto& id : plan.suggestion->equipment) {
      const Equipment& tool = *builtin().find_equipment(id);
      for (const Condition* c : active) {
        for (const Rule& r : c->rules) CHECK_MESSAGE(!rules_out_tool(r, tool), id);
      }
    }
  }
}

TEST_CASE("what would help: nothing when no step was left out for want of a tool") {
  CHECK_FALSE(plan_with(ProfileFlags{}).suggestion);
  ProfileFlags held;
  held.conditions = {"active-cancer"};
  CHECK_FALSE(plan_with(held).suggestion);
}

TEST_CASE("areas to spare and a capped phase are causes of their own") {
  auto causes_of = [](const Plan& plan) {
    std::vector<Cause> causes;
    for (const auto& o : plan.omitted) {
      for (const auto& c : o.causes) add_cause(causes, c);
    }
    return causes;
  };
  ProfileFlags spare;
  spare.avoid = {"calves"};
  const auto spared = causes_of(plan_with(spare));
  CHECK(std::find(spared.begin(), spared.end(),
                  Cause{CauseKind::avoid, "calves", "Calves spared",
                        "you asked to keep pressure off this area"}) != spared.end());
  ProfileFlags hour;
  hour.minutes = "60";
  CHECK(causes_of(plan_with(hour)) ==
        std::vector<Cause>{{CauseKind::time, "release", "Release kept to 10 minutes",
                            "the rest of the time goes to exercise"}});
}
