// The guided session: the state machine driven with synthetic time and keys through whole
// sessions, and the screens it draws, compared as text.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <variant>

#include "load/library_loader.h"
#include "plan/planner.h"
#include "render/view.h"
#include "resolve/profile.h"
#include "session/screen.h"
#include "session/session.h"

using namespace backplan;
using namespace backplan::session;

namespace {

const Library& builtin() {
  static const Library lib = load_library_or_throw({});
  return lib;
}

Plan default_plan(const std::vector<std::string>& conditions = {}) {
  ProfileFlags f;
  f.conditions = conditions;
  const Profile p = resolve_profile(builtin(), ProfileInput{}, read_profile_flags(f, builtin()));
  PlanResult result = make_plan(builtin(), p);
  REQUIRE(std::holds_alternative<Plan>(result));
  return std::get<Plan>(result);
}

Script script_of(const Plan& plan) {
  std::vector<std::string> doses;
  for (const auto& phase : plan.phases) {
    for (const auto& s : phase.steps) doses.push_back(dose_in_words(s.dose, s.phase));
  }
  return make_script(plan, doses);
}

// A small plan: a release pass on each side with the 4-2-6 breath, then two rounds of holds on
// each side (3, then 2 holds of 5 s) with 20 s rest between them.
Plan small_plan() {
  Plan plan;
  PlanPhase release;
  release.id = Phase::release;
  Step roll;
  roll.id = "roll";
  roll.name = "Roll the buttocks";
  roll.phase = Phase::release;
  roll.dose.hold_seconds = 30;
  roll.dose.per_side = true;
  roll.cues = {"Sit on the roller.", "As you roll: breathe in for 4, pause 2, out for 6."};
  roll.breath = {4, 2, 6};
  release.steps.push_back(roll);
  PlanPhase core;
  core.id = Phase::core;
  Step plank;
  plank.id = "plank";
  plank.name = "Side plank";
  plank.phase = Phase::core;
  plank.dose.sets = 2;
  plank.dose.max_sets = 2;
  plank.dose.reps = {3, 2};
  plank.dose.hold_seconds = 5;
  plank.dose.per_side = true;
  plank.dose.rest_seconds = 20;
  plank.cues = {"Lift your hips into one straight line."};
  core.steps.push_back(plank);
  plan.phases = {release, core};
  return plan;
}

Script small_script() {
  return make_script(small_plan(),
                     {"a 30-second pass on each side", "3, then 2 five-second holds on each side"});
}

// Runs the clock from the state's time to `until`, a tick every `step_ms`, recording each new
// part's words.
SessionState run(const Script& script, SessionState s, std::int64_t until,
                 std::vector<std::string>* said = nullptr, std::int64_t step_ms = 100) {
  int changes = s.changes;
  for (std::int64_t t = s.now_ms; t <= until && s.finish == Finish::running; t += step_ms) {
    s = update(script, s, Event::tick(t));
    if (said && s.changes != changes && s.finish == Finish::running) {
      said->push_back(part_words(script, s));
    }
    changes = s.changes;
  }
  return s;
}

SessionState press(const Script& script, const SessionState& s, Key k) {
  return update(script, s, Event::press(s.now_ms, k));
}

std::int64_t script_ms(const Script& script) {
  std::int64_t ms = 0;
  for (const auto& st : script.steps) {
    for (const auto& p : st.parts) ms += p.ms;
  }
  return ms;
}

}  // namespace

TEST_CASE("a small session's parts: get ready, each pass and hold, relax, switch sides, rest") {
  const Script script = small_script();
  REQUIRE(script.steps.size() == 2);
  std::vector<std::string> said{"Get ready: Roll the buttocks"};
  SessionState s = start(script, 0, 80, 30);
  s = run(script, s, 10'000'000, &said);
  CHECK(s.finish == Finish::completed);
  CHECK(s.status == std::vector<StepStatus>{StepStatus::done, StepStatus::done});
  const std::vector<std::string> expected = {
      "Get ready: Roll the buttocks",
      "Roll slowly, side 1",
      "Switch sides",
      "Roll slowly, side 2",
      "Get ready: Side plank",
      "Hold 1 of 3, side 1",
      "Relax",
      "Hold 2 of 3, side 1",
      "Relax",
      "Hold 3 of 3, side 1",
      "Switch sides",
      "Hold 1 of 3, side 2",
      "Relax",
      "Hold 2 of 3, side 2",
      "Relax",
      "Hold 3 of 3, side 2",
      "Rest",
      "Hold 1 of 2, side 1",
      "Relax",
      "Hold 2 of 2, side 1",
      "Switch sides",
      "Hold 1 of 2, side 2",
      "Relax",
      "Hold 2 of 2, side 2",
  };
  CHECK(said == expected);
  // 10 + 30 + 5 + 30, then 10 + (3 x 5 + 2 x 2) + 5 + (3 x 5 + 2 x 2) + 20 + (2 x 5 + 2) + 5 +
  // (2 x 5 + 2)
  CHECK(script_ms(script) == (75 + 102) * 1000);
}

TEST_CASE("the whole default session: every hold counted, every step done, on time") {
  const Plan plan = default_plan();
  const Script script = script_of(plan);
  int expected_holds = 0;
  for (const auto& phase : plan.phases) {
    for (const auto& st : phase.steps) {
      if (st.phase == Phase::release || !st.dose.hold_seconds) continue;
      const int sides = st.dose.per_side ? 2 : 1;
      for (int set = 0; set < st.dose.sets; ++set) {
        const auto at = std::min<std::size_t>(static_cast<std::size_t>(set),
                                              st.dose.reps.empty() ? 0 : st.dose.reps.size() - 1);
        expected_holds += sides * (st.dose.reps.empty() ? 1 : st.dose.reps[at]);
      }
    }
  }
  // The curl-up, the side plank and the bird dog (each side), then three stretches on each side.
  CHECK(expected_holds == 5 + 3 + 1 + 2 * (5 + 3 + 1) * 2 + 3 * 2);
  std::vector<std::string> said{part_words(script, start(script, 0, 80, 24))};
  SessionState s = start(script, 0, 80, 24);
  const std::int64_t total = script_ms(script);
  // Ticks that come late (every 0.7 s) still end each part when it is due.
  s = run(script, s, total - 1, &said, 700);
  CHECK(s.finish == Finish::running);
  s = update(script, s, Event::tick(total));
  CHECK(s.finish == Finish::completed);
  CHECK(std::all_of(s.status.begin(), s.status.end(),
                    [](StepStatus st) { return st == StepStatus::done; }));
  int holds = 0;
  for (const auto& w : said) {
    if (w.rfind("Hold", 0) == 0) ++holds;
  }
  CHECK(holds == expected_holds);
  // Within a few seconds a step of the plan's own time (the script's get-ready and relax parts
  // are its transitions).
  CHECK(total / 1000 >= plan.total_seconds - 120);
  CHECK(total / 1000 <= plan.total_seconds + 120);
}

TEST_CASE("the release steps pace the breath: 4-2-6, and 4-0-6 without the pause") {
  const Script script = script_of(default_plan());
  REQUIRE(!script.steps.empty());
  CHECK(script.steps[0].breath == std::vector<int>{4, 2, 6});
  CHECK(script.steps[1].breath == std::vector<int>{4, 2, 6});  // the phase's, said once
  const Script no_hold = script_of(default_plan({"high-blood-pressure"}));
  CHECK(no_hold.steps[0].breath == std::vector<int>{4, 0, 6});
  for (const auto& st : script.steps) {
    if (st.id.find("roll") == std::string::npos && st.id.find("ball") == std::string::npos) {
      CHECK_MESSAGE(st.breath.empty(), st.id);
    }
  }
  CHECK(pacer_line({4, 2, 6}, 0, 8) == "Breathe in  4  ░░░░░░░░");
  CHECK(pacer_line({4, 2, 6}, 2000, 8) == "Breathe in  2  ████░░░░");
  CHECK(pacer_line({4, 2, 6}, 4500, 8) == "Pause       2  ████████");
  CHECK(pacer_line({4, 2, 6}, 9000, 8) == "Breathe out 3  ████░░░░");
  CHECK(pacer_line({4, 2, 6}, 12000, 8) == "Breathe in  4  ░░░░░░░░");
  CHECK(pacer_line({4, 0, 6}, 4000, 8) == "Breathe out 6  ████████");
}

TEST_CASE("space pauses the clock and carries on where it was") {
  const Script script = small_script();
  SessionState s = start(script, 0, 80, 30);
  s = run(script, s, 12'000);  // 2 s into the first pass
  CHECK(part_words(script, s) == "Roll slowly, side 1");
  CHECK(part_left_ms(script, s) == 28'000);
  s = press(script, s, Key::space);
  s = run(script, s, 100'000);  // a long pause
  CHECK(s.paused);
  CHECK(part_left_ms(script, s) == 28'000);
  CHECK(next_wake_ms(script, s) == -1);
  s = press(script, s, Key::space);
  CHECK(!s.paused);
  s = run(script, s, 127'900);
  CHECK(part_words(script, s) == "Roll slowly, side 1");
  s = run(script, s, 128'000);
  CHECK(part_words(script, s) == "Switch sides");
}

TEST_CASE("skip, back, + and -") {
  const Script script = small_script();
  SessionState s = start(script, 0, 80, 30);
  s = run(script, s, 3'000);
  s = press(script, s, Key::next);
  CHECK(s.step == 1);
  CHECK(s.status[0] == StepStatus::skipped);
  CHECK(part_words(script, s) == "Get ready: Side plank");
  CHECK(part_left_ms(script, s) == 10'000);
  s = press(script, s, Key::more);
  CHECK(part_left_ms(script, s) == 25'000);
  s = press(script, s, Key::less);
  s = press(script, s, Key::less);  // never below nothing: the part ends now
  CHECK(part_words(script, s) == "Hold 1 of 3, side 1");
  CHECK(part_left_ms(script, s) == 5'000);
  s = press(script, s, Key::back);
  CHECK(s.step == 0);
  CHECK(s.status[0] == StepStatus::pending);
  CHECK(part_words(script, s) == "Get ready: Roll the buttocks");
  s = press(script, s, Key::back);  // at the first step: it starts again
  CHECK(s.step == 0);
  s = press(script, s, Key::next);
  s = press(script, s, Key::next);  // skipping the last step ends the session
  CHECK(s.finish == Finish::completed);
  CHECK(s.status == std::vector<StepStatus>{StepStatus::skipped, StepStatus::skipped});
}

TEST_CASE("q asks whether to log; another key carries on, y ends and logs, n ends") {
  const Script script = small_script();
  SessionState s = start(script, 0, 80, 30);
  s = run(script, s, 80'000);  // into the side plank
  CHECK(s.status[0] == StepStatus::done);
  s = press(script, s, Key::quit);
  CHECK(s.asking_end);
  s = run(script, s, 200'000);  // the question stops the clock
  CHECK(s.step == 1);
  s = press(script, s, Key::other);
  CHECK(!s.asking_end);
  CHECK(!s.paused);
  s = press(script, s, Key::quit);
  SessionState yes = press(script, s, Key::yes);
  CHECK(yes.finish == Finish::ended_log);
  CHECK(yes.status == std::vector<StepStatus>{StepStatus::done, StepStatus::pending});
  CHECK(press(script, s, Key::no).finish == Finish::ended_no_log);
  // ? shows the keys; any key closes them without acting.
  s = press(script, s, Key::other);
  s = press(script, s, Key::help);
  CHECK(s.help);
  s = press(script, s, Key::next);
  CHECK(!s.help);
  CHECK(s.step == 1);
}

TEST_CASE("next_wake_ms: the countdown's next second, the pacer's next frame, the part's end") {
  const Script script = small_script();
  SessionState s = start(script, 0, 80, 30);
  CHECK(next_wake_ms(script, s) == 1000);
  s = update(script, s, Event::tick(1300));
  CHECK(next_wake_ms(script, s) == 2000);
  s = update(script, s, Event::tick(10'100));  // a pass with a pacer: frames of 250 ms
  CHECK(next_wake_ms(script, s) == 10'250);
}

TEST_CASE("the screens, as text") {
  const Script script = small_script();
  SessionState s = start(script, 0, 64, 24);
  s = update(script, s, Event::tick(12'000));
  CHECK(screen_text(render(script, s)) == R"( Roll the buttocks
 1 of 2 · 3 min left
 a 30-second pass on each side

 side 1 of 2
 Roll slowly 28 s

                            ███ ███
                              █ █ █
                            ███ ███
                            █   █ █
                            ███ ███

 Breathe in  2  ███████████████░░░░░░░░░░░░░░░

 - Sit on the roller.
 - As you roll: breathe in for 4, pause 2, out for 6.






 space pause · → skip · ← back · +/- 15 s · q end · ? keys
)");
}

TEST_CASE("the screens of a hold, a pause, the question and the keys, in a small window") {
  const Script script = small_script();
  SessionState s = start(script, 0, 48, 14);
  s = run(script, s, 75'000 + 10'000 + 5'000 + 2'000 + 1'000);  // hold 2 of 3, side 1
  CHECK(screen_text(render(script, s)) == R"( Side plank
 2 of 2 · 2 min left
 3, then 2 five-second holds on each side

 Round 1 of 2: 3 holds · side 1 of 2
 Hold 4 s · 2 of 3

 - Lift your hips into one straight line.





 space pause · → skip · ← back · +/- 15 s · q en
)");
  s = press(script, s, Key::space);
  CHECK(render(script, s)[12].text == " Paused · space to carry on");
  s = press(script, s, Key::quit);
  CHECK(render(script, s)[12].text == " End now? y: end and log what you did · n: end w");
  s = press(script, s, Key::other);
  s = press(script, s, Key::help);
  CHECK(screen_text(render(script, s)) == R"( Side plank
 2 of 2 · 2 min left
 3, then 2 five-second holds on each side

 Round 1 of 2: 3 holds · side 1 of 2
 Hold 4 s · 2 of 3

 Keys
   space      pause, or carry on
   → or n     skip this step
   ← or b     back to the step before
   + / -      15 s more, or less, for this part
 Paused · space to carry on
 space pause · → skip · ← back · +/- 15 s · q en
)");
}

TEST_CASE("the step's figure stands beside the timer and cues in a large window, and only there") {
  Script script = small_script();
  // A figure of one line: 40 cells wide in a 100-column window, on the 2nd and 3rd of its 4 rows.
  script.steps[0].figure.width = 10;
  script.steps[0].figure.height = 2;
  script.steps[0].figure.items.push_back(
      {figure::Primitive::Kind::stroke, figure::Tone::near, 0, 0, {{0, 1}, {10, 1}}});
  SessionState s = start(script, 0, 100, 24);
  s = update(script, s, Event::tick(12'000));
  CHECK(screen_text(render(script, s)) == R"( Roll the buttocks
 1 of 2 · 3 min left
 a 30-second pass on each side

 side 1 of 2
 Roll slowly 28 s                                          ⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀
                                                           ⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉
                         ███ ███
                           █ █ █
                         ███ ███
                         █   █ █
                         ███ ███

 Breathe in  2  ███████████████░░░░░░░░░░░░░░░

 - Sit on the roller.
 - As you roll: breathe in for 4, pause 2, out for 6.






 space pause · → skip · ← back · +/- 15 s · q end · ? keys
)");
  // One column narrower, or two rows lower, and there is no room for it.
  const std::pair<int, int> small[] = {{kFigureMinWidth - 1, 24}, {100, kFigureMinHeight - 1}};
  for (const auto& [w, h] : small) {
    s = update(script, s, Event::resize(12'000, w, h));
    CHECK(screen_text(render(script, s)).find("⣀") == std::string::npos);
  }
}
