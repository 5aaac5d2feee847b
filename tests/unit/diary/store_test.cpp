#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "diary/dates.h"
#include "diary/diary_json.h"
#include "diary/store.h"
#include "model/diagnostics.h"
#include "render/history.h"
#include "scratch_dir.h"

using namespace backplan;

namespace {

using test::ScratchDir;

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

DiarySession sample_session(const std::string& uid, CivilDate date, int minute) {
  DiarySession s;
  s.uid = uid;
  s.date = date;
  s.minute = minute;
  s.routine = "daily";
  s.level = Level::beginner;
  s.profile = R"({"age":68})";
  s.steps = {{"cat-camel", "cat-camel", std::nullopt, 0, false},
             {"side-plank-knees", "side-plank", Level::beginner, 0, true}};
  s.pain_before = 3;
  s.pain_during = 4;
  s.note = "stiff, \"better\" after";
  s.tags = {"lower-back", "left hip"};
  s.changes = {"Side plank: up to the full version"};
  return s;
}

// The whole diary as one value, for comparisons.
std::string whole(const Diary& d) {
  return diary_to_json(d);
}

template <typename F>
std::string error_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    return std::to_string(static_cast<int>(e.code())) + " " + e.message();
  }
  return "no error";
}

}  // namespace

TEST_CASE("default_diary_path: XDG_DATA_HOME when absolute, else HOME, else none") {
  CHECK(default_diary_path(std::string("/x/data/"), std::string("/home/a")) ==
        "/x/data/backplan/diary.sqlite");
  CHECK(default_diary_path(std::string("rel"), std::string("/home/a")) ==
        "/home/a/.local/share/backplan/diary.sqlite");
  CHECK(default_diary_path(std::nullopt, std::string("/")) ==
        "/.local/share/backplan/diary.sqlite");
  CHECK(default_diary_path(std::string(""), std::string("")) == std::nullopt);
}

TEST_CASE("read_diary of a missing file is empty and creates nothing") {
  ScratchDir dir;
  const std::string path = dir.path() + "/sub/diary.sqlite";
  CHECK(whole(read_diary(path)) == whole(Diary{}));
  CHECK(!std::filesystem::exists(dir.path() + "/sub"));
}

TEST_CASE("what merge_into_diary writes, read_diary reads back whole, oldest first") {
  ScratchDir dir;
  const std::string path = dir.path() + "/a/b/diary.sqlite";
  Diary in;
  in.sessions = {sample_session("s2", {2026, 3, 2}, 8 * 60),
                 sample_session("s1", {2026, 3, 1}, 60)};
  in.measures = {{"m1", {2026, 3, 1}, MeasureKind::toe_reach_cm, -4.5}};
  in.goals = {{"g1", 1, "tie my shoes", {2026, 3, 1}, std::nullopt}};
  in.ratings = {{"r1", 1, {2026, 3, 1}, 4}};
  const MergeResult first = merge_into_diary(path, in);
  CHECK(first.added.sessions == 2);
  CHECK(first.added.measures == 1);
  CHECK(first.added.goals == 1);
  CHECK(first.added.ratings == 1);
  Diary expected = in;
  std::swap(expected.sessions[0], expected.sessions[1]);
  CHECK(whole(read_diary(path)) == whole(expected));

  SUBCASE("merging the same entries again adds nothing") {
    const MergeResult again = merge_into_diary(path, in);
    CHECK(again.added.sessions + again.added.measures + again.added.goals + again.added.ratings ==
          0);
    CHECK(again.present.sessions == 2);
    CHECK(again.present.ratings == 1);
    CHECK(whole(read_diary(path)) == whole(expected));
  }
}

TEST_CASE("set_morning_pain goes on the last session before that morning") {
  ScratchDir dir;
  const std::string path = dir.path() + "/diary.sqlite";
  Diary in;
  in.sessions = {sample_session("a", {2026, 3, 1}, 60), sample_session("b", {2026, 3, 1}, 20 * 60),
                 sample_session("c", {2026, 3, 2}, 60)};
  merge_into_diary(path, in);
  const DiarySession s = set_morning_pain(path, {2026, 3, 2}, 6);
  CHECK(s.uid == "b");
  CHECK(s.pain_morning == 6);
  const Diary d = read_diary(path);
  CHECK(d.sessions[0].pain_morning == std::nullopt);
  CHECK(d.sessions[1].pain_morning == 6);
  CHECK(error_of([&] {
          set_morning_pain(path, {2026, 3, 1}, 2);
        }) ==
        "3 " + path +
            ": no session before 2026-03-01 to add the morning to; log one first ('backplan log "
            "--pain-before N --pain-during N')");
}

TEST_CASE("goals: numbered in order, at most five active, dropped ones kept and not reused") {
  ScratchDir dir;
  const std::string path = dir.path() + "/diary.sqlite";
  for (int i = 1; i <= 5; ++i) {
    CHECK(add_goal(path, "goal " + std::to_string(i), {2026, 1, i}).number == i);
  }
  CHECK(error_of([&] {
          add_goal(path, "sixth", {2026, 1, 9});
        }) == "3 " + path +
                  ": 5 goals are active already, the most there can be; drop one first ('backplan "
                  "goals drop N')");
  const DiaryGoal dropped = drop_goal(path, 2, {2026, 2, 1});
  CHECK(dropped.activity == "goal 2");
  REQUIRE(dropped.dropped.has_value());
  CHECK(dropped.dropped->month == 2);
  CHECK(add_goal(path, "sixth", {2026, 2, 2}).number == 6);
  CHECK(error_of([&] {
          drop_goal(path, 2, {2026, 2, 3});
        }) == "3 " + path + ": there is no active goal 2; see 'backplan goals list'");
  CHECK(read_diary(path).goals.size() == 6);
}

TEST_CASE("a rating for an unknown goal writes nothing") {
  ScratchDir dir;
  const std::string path = dir.path() + "/diary.sqlite";
  Diary in;
  in.sessions = {sample_session("a", {2026, 3, 1}, 60)};
  in.ratings = {{"r", 3, {2026, 3, 1}, 4}};
  CHECK(error_of([&] { merge_into_diary(path, in); }) ==
        "3 " + path + ": there is no goal 3; see 'backplan goals list'; nothing was written");
  CHECK(read_diary(path).sessions.empty());
}

TEST_CASE("read_recent_diary: the sessions since a day, at least the last N, the rest counted") {
  ScratchDir dir;
  const std::string path = dir.path() + "/diary.sqlite";
  CHECK(whole(read_recent_diary(path, {2026, 3, 1}, 2)) == whole(Diary{}));
  Diary all;
  for (int day = 1; day <= 9; ++day) {
    DiarySession s = sample_session("s" + std::to_string(day), {2026, 1, day}, 60);
    if (day == 2) s.routine = "other";
    all.sessions.push_back(s);
  }
  all.sessions.push_back(sample_session("s10", {2026, 1, 9}, 600));  // two on the 9th
  merge_into_diary(path, all);
  auto uids = [](const Diary& d) {
    std::string out;
    for (const auto& s : d.sessions) out += s.uid + " ";
    return out;
  };
  // Since the 7th: three days (four sessions); the rest counted by routine.
  Diary recent = read_recent_diary(path, {2026, 1, 7}, 2);
  CHECK(uids(recent) == "s7 s8 s9 s10 ");
  CHECK(recent.sessions_left_out == std::map<std::string, int>{{"daily", 5}, {"other", 1}});
  CHECK(recent.sessions[3].steps.size() == all.sessions[9].steps.size());
  // At least the last 5: back to the day of the fifth latest, whole days.
  recent = read_recent_diary(path, {2026, 1, 9}, 5);
  CHECK(uids(recent) == "s6 s7 s8 s9 s10 ");
  CHECK(recent.measures.empty());
}

TEST_CASE("read_diary_from: a history's days, the day before them, the rest counted") {
  ScratchDir dir;
  const std::string path = dir.path() + "/diary.sqlite";
  CHECK(whole(read_diary_from(path, {2026, 3, 1})) == whole(Diary{}));
  Diary all;
  for (int day : {1, 2, 4, 8, 9}) {
    all.sessions.push_back(sample_session("s" + std::to_string(day), {2026, 1, day}, 60));
    all.measures.push_back({"m" + std::to_string(day),
                            {2026, 1, day},
                            MeasureKind::sitting_minutes,
                            double(10 + day)});
  }
  all.sessions.push_back(sample_session("s4b", {2026, 1, 4}, 600));  // two on the 4th
  all.goals.push_back({"g1", 1, "tie my shoes", {2026, 1, 1}, std::nullopt});
  all.ratings.push_back({"r1", 1, {2026, 1, 2}, 4});
  all.ratings.push_back({"r2", 1, {2026, 1, 8}, 6});
  merge_into_diary(path, all);
  auto uids = [](const auto& items) {
    std::string out;
    for (const auto& s : items) out += s.uid + " ";
    return out;
  };
  // From the 6th: the 8th and 9th, and the whole 4th (the day before them) for the level changes.
  const Diary from = read_diary_from(path, {2026, 1, 6});
  CHECK(uids(from.sessions) == "s4 s4b s8 s9 ");
  CHECK(from.sessions_left_out == std::map<std::string, int>{{"daily", 2}});
  CHECK(session_count(from) == 6);
  REQUIRE(from.first_session);
  CHECK(iso_date(*from.first_session) == "2026-01-01");
  CHECK(uids(from.measures) == "m8 m9 ");
  CHECK(uids(from.ratings) == "r2 ");
  CHECK(uids(from.goals) == "g1 ");
  // After the last session: that session alone, so the history can say when it was.
  const Diary after = read_diary_from(path, {2026, 2, 1});
  CHECK(uids(after.sessions) == "s9 ");
  CHECK(session_count(after) == 6);
  CHECK(after.measures.empty());
  // Before the first: everything.
  const Diary before = read_diary_from(path, {2025, 12, 1});
  CHECK(before.sessions_left_out.empty());
  CHECK(!before.first_session);
  CHECK(whole(before) == whole(read_diary(path)));
}

TEST_CASE("read_diary_from: every history format reads the same as from the whole diary") {
  ScratchDir dir;
  const std::string path = dir.path() + "/diary.sqlite";
  Diary all;
  for (int day : {1, 3, 20, 22}) {
    DiarySession s = sample_session("s" + std::to_string(day), {2026, 1, day}, 60);
    s.changes.clear();  // worded from the ladders, against the session before
    if (day >= 20) s.steps[1].level = Level::standard;
    all.sessions.push_back(s);
    all.measures.push_back(
        {"m" + std::to_string(day), {2026, 1, day}, MeasureKind::toe_reach_cm, double(day)});
  }
  all.goals.push_back({"g1", 1, "tie my shoes", {2026, 1, 1}, std::nullopt});
  all.ratings.push_back({"r1", 1, {2026, 1, 3}, 4});
  all.ratings.push_back({"r2", 1, {2026, 1, 22}, 7});
  merge_into_diary(path, all);
  const Diary whole_diary = read_diary(path);
  // From the 10th: the level change on the 20th is told against the 3rd, which is outside the
  // range; from 1 Feb on there are no sessions, and the line says what the diary has.
  for (const CivilDate since : {CivilDate{2026, 1, 10}, CivilDate{2026, 2, 1}}) {
    HistoryOptions options;
    options.today = {2026, 2, 5};
    options.since = since;
    options.names = {{"side-plank", "Side plank"}};
    const Diary from = read_diary_from(path, since);
    for (const auto format : {HistoryFormat::text, HistoryFormat::csv, HistoryFormat::json,
                              HistoryFormat::html, HistoryFormat::svg}) {
      CAPTURE(iso_date(since));
      CAPTURE(kHistoryFormatNames.name(format));
      CHECK(render_history(from, format, options) == render_history(whole_diary, format, options));
    }
  }
  HistoryOptions options;
  options.today = {2026, 2, 5};
  options.since = CivilDate{2026, 1, 10};
  options.names = {{"side-plank", "Side plank"}};
  CHECK(render_history_text(read_diary_from(path, *options.since), options)
            .find("Side plank: beginner to standard level") != std::string::npos);
  options.since = CivilDate{2026, 2, 1};
  options.width = 200;  // the line unwrapped
  CHECK(render_history_text(read_diary_from(path, *options.since), options)
            .find("the diary has 4 from 1 Jan 2026 to 22 Jan 2026") != std::string::npos);
}

TEST_CASE("migrations: a version-0 file (an empty database) becomes the current version") {
  ScratchDir dir;
  const std::string path = dir.path() + "/diary.sqlite";
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 0");
  }
  CHECK(whole(read_diary(path)) == whole(Diary{}));
  merge_into_diary(path, Diary{{sample_session("a", {2026, 3, 1}, 60)}, {}, {}, {}, {}, {}});
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == kDiarySchemaVersion);
  CHECK(db.execAndGet("PRAGMA application_id").getInt() == kDiaryApplicationId);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(diary_migration_count() == kDiarySchemaVersion);
  CHECK(read_diary(path).sessions.size() == 1);
}

TEST_CASE("a newer diary, a foreign SQLite file and a damaged file: one-line errors, untouched") {
  ScratchDir dir;
  const std::string path = dir.path() + "/diary.sqlite";
  Diary one{{sample_session("a", {2026, 3, 1}, 60)}, {}, {}, {}, {}, {}};

  SUBCASE("newer") {
    merge_into_diary(path, one);
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE);
      db.exec("PRAGMA journal_mode = DELETE");
      db.exec("PRAGMA user_version = 9");
    }
    const std::string before = bytes_of(path);
    const std::string message =
        "8 " + path +
        ": a diary from a newer backplan (schema version 9; this one reads up to 1): update "
        "backplan; the file was left as it is";
    CHECK(error_of([&] { read_diary(path); }) == message);
    CHECK(error_of([&] { merge_into_diary(path, one); }) == message);
    CHECK(bytes_of(path) == before);
  }
  SUBCASE("foreign") {
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)");
    }
    const std::string before = bytes_of(path);
    const std::string message =
        "8 " + path + ": an SQLite file that is not a backplan diary; the file was left as it is";
    CHECK(error_of([&] { read_diary(path); }) == message);
    CHECK(error_of([&] { merge_into_diary(path, one); }) == message);
    CHECK(bytes_of(path) == before);
  }
  SUBCASE("damaged") {
    dir.write("diary.sqlite", std::string(5000, 'x'));
    const std::string before = bytes_of(path);
    const std::string message =
        "8 " + path +
        ": not a backplan diary, or a damaged one (file is not a database); the file was left as "
        "it is";
    CHECK(error_of([&] { read_diary(path); }) == message);
    CHECK(error_of([&] { merge_into_diary(path, one); }) == message);
    CHECK(bytes_of(path) == before);
  }
}
