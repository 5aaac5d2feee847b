#include <doctest/doctest.h>

#include <string>

#include "diary/diary_json.h"
#include "model/diagnostics.h"

using namespace backplan;

namespace {

Diary sample() {
  Diary d;
  DiarySession s;
  s.uid = "s1";
  s.date = {2026, 3, 1};
  s.minute = 7 * 60 + 5;
  s.routine = "daily";
  s.level = Level::standard;
  s.profile = R"({"age":40})";
  s.steps = {{"curl-up", "curl-up", Level::standard, 1, false},
             {"bird-dog", "bird-dog", std::nullopt, 0, true}};
  s.pain_before = 2;
  s.pain_during = 5;
  s.note = "=fine, \"mostly\"";
  s.tags = {"lower-back"};
  s.changes = {"Curl-up: one more rep"};
  d.sessions = {s};
  d.measures = {{"m1", {2026, 3, 1}, MeasureKind::walking_metres, 1200}};
  d.goals = {{"g1", 1, "tie my shoes", {2026, 2, 1}, CivilDate{2026, 3, 1}}};
  d.ratings = {{"r1", 1, {2026, 2, 2}, 6}};
  return d;
}

std::string error_of(const std::string& text) {
  try {
    diary_from_json(text, "d.json");
  } catch (const Error& e) {
    return std::to_string(static_cast<int>(e.code())) + " " + e.message();
  }
  return "no error";
}

}  // namespace

TEST_CASE("diary JSON: the documented shape, and read back whole") {
  const std::string json = diary_to_json(sample());
  CHECK(json == R"({
  "format": "backplan-diary-1",
  "sessions": [
    {
      "uid": "s1",
      "date": "2026-03-01",
      "time": "07:05",
      "routine": "daily",
      "level": "standard",
      "profile": {
        "age": 40
      },
      "steps": [
        {
          "id": "curl-up",
          "slot": "curl-up",
          "level": "standard",
          "stage": 1,
          "skipped": false
        },
        {
          "id": "bird-dog",
          "slot": "bird-dog",
          "level": null,
          "stage": 0,
          "skipped": true
        }
      ],
      "pain_before": 2,
      "pain_during": 5,
      "pain_morning": null,
      "note": "=fine, \"mostly\"",
      "tags": [
        "lower-back"
      ],
      "changes": [
        "Curl-up: one more rep"
      ]
    }
  ],
  "measures": [
    {
      "uid": "m1",
      "date": "2026-03-01",
      "kind": "walking-metres",
      "value": 1200.0
    }
  ],
  "goals": [
    {
      "uid": "g1",
      "number": 1,
      "activity": "tie my shoes",
      "added": "2026-02-01",
      "dropped": "2026-03-01"
    }
  ],
  "ratings": [
    {
      "uid": "r1",
      "goal": 1,
      "date": "2026-02-02",
      "score": 6
    }
  ]
}
)");
  CHECK(diary_to_json(diary_from_json(json, "d.json")) == json);
}

TEST_CASE("diary JSON import: each problem one line with the path and the place") {
  CHECK(error_of("[") == "3 d.json: error: not JSON (at byte 2)");
  // Found by fuzz_diary_import: a number past double's range was an uncaught exception.
  CHECK(error_of("444e464444") ==
        "3 d.json: error: not JSON that can be read (a number too large?)");
  CHECK(
      error_of(
          R"({"format":"backplan-plan-2","sessions":[],"measures":[],"goals":[],"ratings":[]})") ==
      "3 d.json: error: format: must be \"backplan-diary-1\" (a diary written by 'backplan diary "
      "export')");
  std::string json = diary_to_json(sample());
  std::string bad = json;
  bad.replace(bad.find("\"pain_during\": 5"), 16, "\"pain_during\": 11");
  CHECK(error_of(bad) ==
        "3 d.json: error: sessions[0].pain_during: must be a whole number from 0 to 10");
  bad = json;
  bad.replace(bad.find("\"goal\": 1"), 9, "\"goal\": 4");
  CHECK(error_of(bad) == "3 d.json: error: ratings[0].goal: there is no goal 4 in 'goals'");
  bad = json;
  bad.replace(bad.find("\"uid\": \"m1\""), 11, "\"uid\": \"s1\"");
  CHECK(error_of(bad) == "3 d.json: error: measures[0].uid: 's1' appears twice");
}

TEST_CASE("diary CSV: one row per entry, formulas defused") {
  CHECK(diary_to_csv(sample()) ==
        "record,uid,date,time,routine,level,pain_before,pain_during,pain_morning,steps_done,"
        "skipped,note,tags,changes,measure,value,goal,activity,score\r\n"
        "session,s1,2026-03-01,07:05,daily,standard,2,5,,1,bird-dog,\"'=fine, \"\"mostly\"\"\","
        "lower-back,Curl-up: one more rep,,,,,\r\n"
        "measure,m1,2026-03-01,,,,,,,,,,,,walking-metres,1200,,,\r\n"
        "goal,g1,2026-02-01,,,,,,,,,dropped 2026-03-01,,,,,1,tie my shoes,\r\n"
        "rating,r1,2026-02-02,,,,,,,,,,,,,,1,,6\r\n");
}
