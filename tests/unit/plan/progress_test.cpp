// The diary read into a progress state (plan/progress.h) on synthetic histories, with the
// built-in library and its policy: up, stay, back, a flare, missing ratings, skipped steps,
// other routines, a library that changed; then the planner using it (make_plan with a Progress).
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <variant>

#include "load/library_loader.h"
#include "plan/planner.h"
#include "plan/progress.h"
#include "resolve/profile.h"

using namespace backplan;

namespace {

const Library& builtin() {
  static const Library lib = load_library_or_throw({});
  return lib;
}

CivilDate day(const char* text) {
  return *parse_iso_date(text);
}

const std::vector<std::string> kLadders{"curl-up", "side-plank", "bird-dog"};

bool is_ladder(const std::string& slot) {
  return std::find(kLadders.begin(), kLadders.end(), slot) != kLadders.end();
}

std::vector<std::string> slots() {
  std::vector<std::string> out;
  for (const auto& phase : builtin().find_routine("daily")->phases) {
    for (const auto& s : phase.slots) out.push_back(s.exercise.id);
  }
  return out;
}

// A session of the daily routine: the three Big 3 ladders at `ladder`, every other slot at its
// own exercise and dose step `stage`.
DiarySession session(const char* date, std::optional<int> before, std::optional<int> during,
                     std::optional<int> morning, LadderStep ladder = {Level::standard, 0},
                     int stage = 0, const std::vector<std::string>& skipped = {}) {
  DiarySession s;
  s.uid = date;
  s.date = day(date);
  s.minute = 9 * 60;
  s.routine = "daily";
  s.level = Level::standard;
  s.pain_before = before;
  s.pain_during = during;
  s.pain_morning = morning;
  for (const auto& slot : slots()) {
    DiaryStep d;
    d.slot = slot;
    d.skipped = std::find(skipped.begin(), skipped.end(), slot) != skipped.end();
    if (is_ladder(slot)) {
      const Exercise& own = *builtin().find_exercise(slot);
      const auto it = own.levels.find(*ladder.level);
      d.id = it == own.levels.end() ? own.id : it->second.id;
      d.level = ladder.level;
      d.stage = ladder.stage;
    } else {
      d.id = slot;
      d.stage = stage;
    }
    s.steps.push_back(d);
  }
  return s;
}

// The exercise of a slot's ladder at a step.
std::string rung(const std::string& slot, std::optional<Level> level) {
  const Exercise& own = *builtin().find_exercise(slot);
  if (!level) return own.id;
  const auto it = own.levels.find(*level);
  return it == own.levels.end() ? own.id : it->second.id;
}

// Every slot alike: the three ladders from `lf` to `lt`, the others from `of` to `ot`.
Progress expect_all(ProgressMove move, LadderStep lf, LadderStep lt, std::optional<int> of,
                    std::optional<int> ot, const std::string& reason, int settled) {
  Progress p;
  p.routine = "daily";
  for (const auto& slot : slots()) {
    LadderProgress l;
    l.slot = slot;
    l.move = move;
    l.reason = reason;
    l.settled = settled;
    if (is_ladder(slot)) {
      l.from = lf;
      l.to = lt;
    } else {
      l.from = {std::nullopt, of.value_or(0)};
      l.to = {std::nullopt, ot.value_or(0)};
    }
    l.exercise = rung(slot, l.to.level);
    p.ladders.push_back(l);
  }
  return p;
}

LadderProgress& ladder_of(Progress& p, const std::string& slot) {
  for (auto& l : p.ladders) {
    if (l.slot == slot) return l;
  }
  FAIL("no ladder " << slot);
  return p.ladders.front();
}

const std::string kUp =
    "pain stayed at 5 or below and settled by the next morning in your last 3 sessions";

Adherence adherence(int days, int streak, const std::string& text) {
  return {days, 7, streak, text};
}

}  // namespace

TEST_CASE("three settled sessions in a row move every ladder up one step") {
  Diary diary;
  diary.sessions = {session("2026-03-01", 3, 4, 2), session("2026-03-02", 3, 5, 3),
                    session("2026-03-03", 2, 3, 2)};
  const Progress got = progress_from(builtin(), "daily", diary, day("2026-03-04"));
  Progress want =
      expect_all(ProgressMove::up, {Level::standard, 0}, {Level::standard, 1}, 0, 1, kUp, 3);
  want.sessions = 3;
  want.adherence = adherence(3, 3, "You practised on 3 of the last 7 days. 3 days in a row.");
  CHECK(got == want);
}

TEST_CASE("the last dose step of a variant moves on to the next variant at its first dose") {
  Diary diary;
  for (const char* d : {"2026-03-01", "2026-03-02", "2026-03-03"})
    diary.sessions.push_back(session(d, 3, 4, 3, {Level::beginner, 3}, 1));
  const Progress got = progress_from(builtin(), "daily", diary, day("2026-03-03"));
  // Stretches have two hold steps (30, 45, 60 s), release passes one: at stage 1, the stretches
  // go up and the release and cat-camel are at the top of their ladders.
  Progress want =
      expect_all(ProgressMove::up, {Level::beginner, 3}, {Level::standard, 0}, 1, 2, kUp, 3);
  for (auto& l : want.ladders) {
    const Exercise& x = *builtin().find_exercise(l.slot);
    if (x.phase == Phase::release || x.phase == Phase::mobility) {
      l.move = ProgressMove::stay;
      l.to = l.from;
      l.reason = "it is at the top of its ladder: keep it up as it is";
    }
  }
  CHECK(ladder_of(want, "side-plank").exercise == "side-plank");
  CHECK(ladder_of(want, "curl-up").exercise == "curl-up-elbows-up");
  want.sessions = 3;
  want.adherence = adherence(3, 3, "You practised on 3 of the last 7 days. 3 days in a row.");
  CHECK(got == want);
}

TEST_CASE("fewer settled sessions than the policy asks: every ladder stays, and says how far") {
  Diary diary;
  diary.sessions = {session("2026-03-01", 3, 4, 5), session("2026-03-02", 3, 4, 3),
                    session("2026-03-03", 3, 4, 2)};
  // The first one did not settle by the morning (5 after 3 before): the run is two.
  const Progress got = progress_from(builtin(), "daily", diary, day("2026-03-04"));
  Progress want = expect_all(ProgressMove::stay, {Level::standard, 0}, {Level::standard, 0}, 0, 0,
                             "2 of the 3 settled sessions it takes to move on so far", 2);
  want.sessions = 3;
  want.adherence = adherence(3, 3, "You practised on 3 of the last 7 days. 3 days in a row.");
  CHECK(got == want);
}

TEST_CASE("pain of 6 or more during the last session: one step back") {
  Diary diary;
  diary.sessions = {session("2026-03-01", 3, 4, 2, {Level::standard, 0}, 1),
                    session("2026-03-02", 3, 7, std::nullopt, {Level::standard, 0}, 1)};
  const Progress got = progress_from(builtin(), "daily", diary, day("2026-03-03"));
  // From the first dose of the full variant back to the top dose of the one below.
  Progress want = expect_all(ProgressMove::down, {Level::standard, 0}, {Level::beginner, 3}, 1, 0,
                             "pain during your last session reached 7 out of 10, so it eases "
                             "off a step",
                             0);
  want.sessions = 2;
  want.adherence = adherence(2, 2, "You practised on 2 of the last 7 days. 2 days in a row.");
  CHECK(got == want);
}

TEST_CASE("a morning 2 or more points worse than before: one step back; at the bottom it stays") {
  Diary diary;
  diary.sessions = {session("2026-03-05", 2, 4, 5, {Level::beginner, 0}, 1)};
  const Progress got = progress_from(builtin(), "daily", diary, day("2026-03-06"));
  Progress want =
      expect_all(ProgressMove::down, {Level::beginner, 0}, {Level::beginner, 0}, 1, 0,
                 "your back felt 3 points worse the morning after your last session than before "
                 "it, so it eases off a step",
                 0);
  for (const auto& slot : kLadders) {
    ladder_of(want, slot).move = ProgressMove::stay;
    ladder_of(want, slot).reason =
        "your last session was hard on your back, and this is already its easiest step";
  }
  want.sessions = 1;
  want.adherence = adherence(1, 1, "You practised on 1 of the last 7 days.");
  CHECK(got == want);
}

TEST_CASE("two hard sessions in a row: a flare-up day and advice to see a clinician") {
  Diary diary;
  diary.sessions = {session("2026-03-01", 3, 6, 4), session("2026-03-02", 3, 4, 6)};
  const Progress got = progress_from(builtin(), "daily", diary, day("2026-03-03"));
  CHECK(got.flare);
  CHECK(got.flare_advice ==
        "Your last 2 sessions were hard on your back, so today is a gentle flare-up day. If it "
        "keeps up for more than about a week, or anything new appears, see a doctor or "
        "physiotherapist.");
  // One hard session is not a flare.
  diary.sessions.front().pain_during = 4;
  CHECK_FALSE(progress_from(builtin(), "daily", diary, day("2026-03-03")).flare);
  // Nor are two long ago.
  diary.sessions.front().pain_during = 6;
  CHECK_FALSE(progress_from(builtin(), "daily", diary, day("2026-04-30")).flare);
}

TEST_CASE("missing data: the ladders stay where they are, and say why") {
  Diary diary;
  diary.sessions = {session("2026-03-01", 3, 4, 2), session("2026-03-02", 3, 4, 2),
                    session("2026-03-03", 3, 4, std::nullopt)};
  Progress want = expect_all(
      ProgressMove::stay, {Level::standard, 0}, {Level::standard, 0}, 0, 0,
      "the diary does not say yet how your back felt the morning after your last session, so it "
      "stays where it is",
      0);
  want.sessions = 3;
  want.adherence = adherence(3, 3, "You practised on 3 of the last 7 days. 3 days in a row.");
  CHECK(progress_from(builtin(), "daily", diary, day("2026-03-03")) == want);

  diary.sessions.back() = session("2026-03-03", 3, std::nullopt, 2);
  for (auto& l : want.ladders)
    l.reason = "your last session has no pain rating in the diary, so it stays where it is";
  CHECK(progress_from(builtin(), "daily", diary, day("2026-03-03")) == want);
}

TEST_CASE("a skipped step does not count for its ladder") {
  Diary diary;
  diary.sessions = {session("2026-03-01", 3, 4, 2), session("2026-03-02", 3, 4, 2, {}, 0, {}),
                    session("2026-03-03", 3, 4, 2)};
  diary.sessions[1] = session("2026-03-02", 3, 4, 2, {Level::standard, 0}, 0, {"side-plank"});
  const Progress got = progress_from(builtin(), "daily", diary, day("2026-03-04"));
  Progress want =
      expect_all(ProgressMove::up, {Level::standard, 0}, {Level::standard, 1}, 0, 1, kUp, 3);
  LadderProgress& plank = ladder_of(want, "side-plank");
  plank.move = ProgressMove::stay;
  plank.to = plank.from;
  plank.settled = 2;
  plank.reason = "2 of the 3 settled sessions it takes to move on so far";
  want.sessions = 3;
  want.adherence = adherence(3, 3, "You practised on 3 of the last 7 days. 3 days in a row.");
  CHECK(got == want);
}

TEST_CASE("sessions of another routine do not move this one's ladders") {
  Diary diary;
  for (const char* d : {"2026-03-01", "2026-03-02", "2026-03-03"}) {
    diary.sessions.push_back(session(d, 3, 4, 2));
    diary.sessions.back().routine = "evening";
  }
  const Progress got = progress_from(builtin(), "daily", diary, day("2026-03-03"));
  Progress want =
      expect_all(ProgressMove::none, {Level::beginner, 0}, {Level::beginner, 0}, 0, 0, "", 0);
  // Practice is practice: the adherence line counts every routine.
  want.adherence = adherence(3, 3, "You practised on 3 of the last 7 days. 3 days in a row.");
  CHECK(got == want);
}

TEST_CASE("a library change between sessions: back to the first step, said, no crash") {
  Diary diary;
  diary.sessions = {session("2026-03-01", 3, 4, 2), session("2026-03-02", 3, 4, 2),
                    session("2026-03-03", 3, 4, 2)};
  for (auto& s : diary.sessions) {
    for (auto& d : s.steps) {
      if (d.slot == "curl-up") d.id = "curl-up-retired";     // an exercise no longer there
      if (d.slot == "side-plank") d.stage = 9;               // a dose step no longer there
      if (d.slot == "cat-camel") d.level = Level::advanced;  // a ladder no longer there
    }
  }
  const Progress got = progress_from(builtin(), "daily", diary, day("2026-03-04"));
  Progress want =
      expect_all(ProgressMove::up, {Level::standard, 0}, {Level::standard, 1}, 0, 1, kUp, 3);
  LadderProgress& curl = ladder_of(want, "curl-up");
  curl = {"curl-up",
          "curl-up-elbows-up",
          {Level::standard, 0},
          {Level::standard, 0},
          ProgressMove::restart,
          "the step you last did (curl-up-retired) is no longer in the routine library, so it "
          "starts again at its first step",
          0};
  ladder_of(want, "side-plank") = {
      "side-plank",
      "side-plank",
      {Level::standard, 9},
      {Level::standard, 0},
      ProgressMove::restart,
      "the step you last did (Side plank) is no longer in the routine library, so it starts "
      "again at its first step",
      0};
  ladder_of(want, "cat-camel") = {
      "cat-camel",
      "cat-camel",
      {Level::advanced, 0},
      {std::nullopt, 0},
      ProgressMove::restart,
      "the step you last did (Cat-camel) is no longer in the routine library, so it starts "
      "again at its first step",
      0};
  want.sessions = 3;
  want.adherence = adherence(3, 3, "You practised on 3 of the last 7 days. 3 days in a row.");
  CHECK(got == want);
}

TEST_CASE("a long break: no move up until the person is back into it") {
  Diary diary;
  diary.sessions = {session("2026-03-01", 3, 4, 2), session("2026-03-02", 3, 4, 2),
                    session("2026-03-03", 3, 4, 2)};
  const Progress got = progress_from(builtin(), "daily", diary, day("2026-03-20"));
  Progress want =
      expect_all(ProgressMove::stay, {Level::standard, 0}, {Level::standard, 0}, 0, 0,
                 "it has been 17 days since you last did it, so it stays where it is for now", 3);
  want.sessions = 3;
  want.adherence =
      adherence(0, 0, "No sessions in the last 7 days: a short, easy session today counts.");
  CHECK(got == want);
}

TEST_CASE("an empty diary: nothing moves and the header says nothing") {
  const Progress got = progress_from(builtin(), "daily", Diary{}, day("2026-03-20"));
  Progress want =
      expect_all(ProgressMove::none, {Level::beginner, 0}, {Level::beginner, 0}, 0, 0, "", 0);
  want.adherence = adherence(0, 0, "");
  CHECK(got == want);
}

// ---- the planner with a progress state ----

namespace {

Profile person(const std::vector<std::string>& conditions = {},
               std::optional<std::string> level = {}, std::set<Today> today = {},
               bool cleared = false) {
  ProfileInput in;
  in.age = 40;
  in.equipment = std::vector<std::string>{"foam-roller-soft", "tennis-ball"};
  in.conditions = conditions;
  in.level = level;
  in.today = today;
  in.cleared = cleared;
  in.minutes = 45;
  return resolve_profile(builtin(), ProfileInput{}, in);
}

// A progress state that moves the Big 3 from `from` to `to` (and nothing else).
Progress moved(LadderStep from, LadderStep to, ProgressMove move = ProgressMove::up) {
  Progress p;
  p.routine = "daily";
  for (const auto& slot : kLadders)
    p.ladders.push_back(
        {slot, rung(slot, to.level), from, to, move, move == ProgressMove::up ? kUp : "worse", 3});
  return p;
}

const Step& step(const Plan& plan, const std::string& slot) {
  for (const auto& phase : plan.phases) {
    for (const auto& s : phase.steps) {
      if (s.slot == slot) return s;
    }
  }
  FAIL("no step for " << slot);
  return plan.phases.front().steps.front();
}

Plan plan_of(const Profile& p, const Progress& progress) {
  PlanResult r = make_plan(builtin(), p, progress);
  REQUIRE(std::holds_alternative<Plan>(r));
  return std::get<Plan>(r);
}

}  // namespace

TEST_CASE("the plan uses each ladder's step and dose step, and says why it changed") {
  const Plan plan = plan_of(person(), moved({Level::standard, 1}, {Level::standard, 2}));
  const Step& curl = step(plan, "curl-up");
  CHECK(curl.id == "curl-up-elbows-up");
  CHECK(curl.level == Level::standard);
  CHECK(curl.stage == 2);
  CHECK(curl.dose.reps == std::vector<int>{7, 5, 3});
  CHECK(curl.dose.hold_seconds == 10);
  CHECK(curl.changes == std::vector<std::string>{"up a step: 7-5-3 reps: " + kUp});
  REQUIRE(curl.dose_changes.size() == 1);
  CHECK(curl.dose_changes[0].cause == Cause{CauseKind::progress, "diary", "Your diary", kUp});
  CHECK(plan.progress.has_value());

  // A move to the next variant names the one it left.
  const Plan next = plan_of(person(), moved({Level::beginner, 3}, {Level::standard, 0}));
  const Step& plank = step(next, "side-plank");
  CHECK(plank.id == "side-plank");
  CHECK(plank.stage == 0);
  CHECK(plank.dose.reps == std::vector<int>{5, 3, 1});
  CHECK(plank.changes == std::vector<std::string>{"up from side plank with knees bent: " + kUp});
}

TEST_CASE("without a progress state, or with nothing moved, the plan is as it was") {
  const Plan before = std::get<Plan>(make_plan(builtin(), person()));
  Progress none = moved({Level::standard, 0}, {Level::standard, 0}, ProgressMove::none);
  const Plan after = plan_of(person(), none);
  CHECK(step(after, "curl-up").dose.reps == step(before, "curl-up").dose.reps);
  CHECK(step(after, "curl-up").changes == step(before, "curl-up").changes);
  CHECK_FALSE(before.progress.has_value());
}

TEST_CASE("ME/CFS: the diary never moves a ladder up on its own") {
  const Plan plan = plan_of(person({"chronic-fatigue"}, {}, {}, true),
                            moved({Level::beginner, 1}, {Level::beginner, 2}));
  const Step& curl = step(plan, "curl-up");
  CHECK(curl.stage == 1);
  CHECK(curl.dose.reps.front() == 6);
  INFO(fmt::format("{}", fmt::join(curl.changes, " | ")));
  CHECK(std::find(curl.changes.begin(), curl.changes.end(),
                  "kept at its step: Chronic fatigue syndrome (ME/CFS): a good run in your diary "
                  "does not move an exercise up on its own: that is for you and your team to "
                  "decide; a hard session still eases it back") != curl.changes.end());
  // Going back still happens.
  const Plan back = plan_of(person({"chronic-fatigue"}, {}, {}, true),
                            moved({Level::beginner, 2}, {Level::beginner, 1}, ProgressMove::down));
  CHECK(step(back, "curl-up").stage == 1);
}

TEST_CASE("a condition's level cap holds the diary's level, at the lower variant's first dose") {
  // A flare-up day: beginner at most, and each exercise at its own dose.
  const Plan plan =
      plan_of(person({}, {}, {Today::flare}), moved({Level::standard, 3}, {Level::advanced, 0}));
  const Step& curl = step(plan, "curl-up");
  CHECK(curl.id == "curl-up");
  CHECK(curl.level == Level::beginner);
  CHECK(curl.stage == 0);
  CHECK(curl.dose.sets == 1);
  const Plan staged =
      plan_of(person({}, {}, {Today::flare}), moved({Level::beginner, 1}, {Level::beginner, 2}));
  CHECK(step(staged, "curl-up").stage == 0);
  CHECK(step(staged, "curl-up").dose.reps == std::vector<int>{5});
}

TEST_CASE("--level stands over the diary, said once") {
  const Plan plan = plan_of(person({}, std::string("standard")),
                            moved({Level::standard, 3}, {Level::advanced, 0}));
  // At the chosen level, the dose step it had reached stays; nothing moves.
  CHECK(step(plan, "curl-up").id == "curl-up-elbows-up");
  CHECK(step(plan, "curl-up").stage == 3);
  CHECK(step(plan, "curl-up").dose.reps == std::vector<int>{8, 6, 4});
  CHECK(step(plan, "curl-up").changes.empty());
  // At another level, its own dose.
  const Plan other = plan_of(person({}, std::string("advanced")),
                             moved({Level::standard, 3}, {Level::advanced, 0}));
  CHECK(step(other, "curl-up").id == "curl-up-pre-brace");
  CHECK(step(other, "curl-up").stage == 0);
  const auto said = std::count_if(plan.notices.begin(), plan.notices.end(), [](const Notice& n) {
    return n.source == NoticeSource::progress &&
           n.text ==
               "You chose the level yourself (--level), so your diary does not move the exercises "
               "up or back today.";
  });
  CHECK(said == 1);
}

TEST_CASE("two hard sessions make today a flare-up day, with the advice") {
  Progress p = moved({Level::standard, 0}, {Level::beginner, 3}, ProgressMove::down);
  p.flare = true;
  p.flare_advice = "see someone";
  const Plan plan = plan_of(person(), p);
  CHECK(plan.profile.is(Today::flare));
  CHECK(step(plan, "curl-up").level == Level::beginner);
  CHECK(step(plan, "curl-up").stage == 0);
  CHECK(std::any_of(plan.notices.begin(), plan.notices.end(), [](const Notice& n) {
    return n.source == NoticeSource::progress && n.text == "see someone";
  }));
}
