// The history renderers: text (table and chart), CSV, JSON, the HTML report and its SVG chart,
// on synthetic diaries. The long outputs are golden files in tests/unit/render/history/
// (BACKPLAN_UPDATE_GOLDEN=1 rewrites them; review the diff).
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <tuple>

#include "render/history.h"
#include "render/history_view.h"
#include "text/escape.h"
#include "text/utf8.h"

using namespace backplan;

namespace {

CivilDate day(int y, int m, int d) {
  return {y, m, d};
}

DiarySession session(CivilDate date, std::optional<int> before, std::optional<int> during,
                     std::optional<int> morning, Level side_plank = Level::beginner) {
  DiarySession s;
  s.uid = "s-" + iso(date);
  s.date = date;
  s.minute = 7 * 60 + 30;
  s.routine = "daily";
  s.pain_before = before;
  s.pain_during = during;
  s.pain_morning = morning;
  s.steps = {{"foam-roll-glutes", "foam-roll-glutes", std::nullopt, 0, false},
             {"cat-camel", "cat-camel", std::nullopt, 0, false},
             {"side-plank-knees", "side-plank", side_plank, 0, false},
             {"bird-dog", "bird-dog", Level::beginner, 0, false}};
  return s;
}

// Four weeks, 2 Nov (a Monday) to 29 Nov 2026: three or four sessions a week, one flare, a
// change with the progression's reason, a change the diary does not word, a skipped step, two
// sessions on one day, measures and PSFS ratings.
Diary four_weeks() {
  Diary d;
  const int plan[][4] = {// day, before, during, morning (-1: not logged)
                         {2, 3, 4, 3},  {4, 3, 4, 2},  {6, 2, 3, 2},   {9, 2, 3, 2},  {11, 2, 4, 1},
                         {13, 2, 3, 1}, {16, 4, 7, 5}, {18, 3, 5, -1}, {20, 2, 4, 2}, {23, 2, 3, 1},
                         {25, 1, 3, 1}, {27, 1, 2, 0}, {28, 1, 2, -1}};
  for (const auto& p : plan) {
    auto opt = [](int v) { return v < 0 ? std::optional<int>() : std::optional<int>(v); };
    d.sessions.push_back(session(day(2026, 11, p[0]), opt(p[1]), opt(p[2]), opt(p[3]),
                                 p[0] >= 13 && p[0] < 16 ? Level::standard
                                 : p[0] >= 23            ? Level::standard
                                                         : Level::beginner));
  }
  d.sessions[5].changes = {
      "Side plank: up to the standard version — pain stayed at 5 or below and settled by the "
      "morning in your last 3 sessions"};
  d.sessions[6].changes = {
      "Side plank: back to the beginner version — pain reached 7 during the "
      "session"};
  d.sessions[1].steps[0].skipped = true;
  d.sessions[1].note = "Rushed, \"skipped\" the roller, back ok";
  d.sessions[1].tags = {"lower-back", "left hip"};
  // A second session on the 28th, later in the day.
  DiarySession evening = session(day(2026, 11, 28), 2, 3, std::nullopt, Level::standard);
  evening.uid = "s-2026-11-28-evening";
  evening.minute = 18 * 60 + 5;
  d.sessions.push_back(evening);
  d.measures = {{"m1", day(2026, 11, 2), MeasureKind::sitting_minutes, 20},
                {"m2", day(2026, 11, 16), MeasureKind::sitting_minutes, 25},
                {"m3", day(2026, 11, 27), MeasureKind::sitting_minutes, 35},
                {"m4", day(2026, 11, 9), MeasureKind::toe_reach_cm, 12.5},
                {"m5", day(2026, 11, 27), MeasureKind::toe_reach_cm, 8}};
  for (const auto& [number, activity] :
       {std::pair{1, "Tie my shoes <standing>"}, std::pair{2, "Garden for an hour"}}) {
    DiaryGoal g;
    g.number = number;
    g.activity = activity;
    g.added = day(2026, 11, 2);
    d.goals.push_back(g);
  }
  for (const auto& [goal, date, score] :
       {std::tuple{1, day(2026, 11, 2), 3}, std::tuple{2, day(2026, 11, 2), 2},
        std::tuple{1, day(2026, 11, 16), 4}, std::tuple{1, day(2026, 11, 27), 6}}) {
    DiaryRating r;
    r.uid = "r-" + std::to_string(goal) + "-" + iso(date);
    r.goal = goal;
    r.date = date;
    r.score = score;
    d.ratings.push_back(r);
  }
  return d;
}

HistoryOptions options(int width = 80) {
  HistoryOptions o;
  o.today = day(2026, 11, 30);
  o.since = day(2026, 11, 2);
  o.until = day(2026, 11, 29);
  o.width = width;
  o.names = {{"side-plank", "Side plank"}, {"bird-dog", "Bird dog"}};
  return o;
}

// Compares `actual` with tests/unit/render/history/NAME, or rewrites the file.
void golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(BACKPLAN_UNIT_DATA) + "/render/history/" + name;
  const char* update = std::getenv("BACKPLAN_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "no golden file " << path << " (BACKPLAN_UPDATE_GOLDEN=1 makes it)");
  std::stringstream expected;
  expected << in.rdbuf();
  CHECK(actual == expected.str());
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("day numbers count days from 1970-01-01 and come back") {
  CHECK(day_number(day(1970, 1, 1)) == 0);
  CHECK(day_number(day(2000, 3, 1)) == 11017);
  CHECK(day_number(day(2026, 12, 1)) == 20788);
  for (long n = 0; n < 40000; n += 37) CHECK(day_number(from_day_number(n)) == n);
  CHECK(iso(from_day_number(20788)) == "2026-12-01");
  CHECK(short_date(day(2026, 11, 3)) == "3 Nov");
  CHECK(weekday_name(day(2026, 11, 2)) == "Mon");
}

TEST_CASE("an empty diary: every format says so, none fails") {
  const Diary empty;
  HistoryOptions o = options();
  o.since.reset();
  o.until.reset();
  CHECK(render_history_text(empty, o) == "No sessions logged yet — 'backplan log' records one.\n");
  CHECK(render_history_csv(empty, o) ==
        "date,time,routine,level,pain_before,pain_during,pain_morning,steps_done,steps_total,"
        "skipped,tags,note,changes,uid\n");
  CHECK(render_history_json(empty, o) == R"({
  "format": "backplan-history-1",
  "since": "2026-11-30",
  "until": "2026-11-30",
  "summary": {
    "sessions": 0,
    "days": 1,
    "days_with_sessions": 0,
    "level_changes": 0,
    "sessions_in_diary": 0
  },
  "days": [],
  "weeks": [
    {
      "start": "2026-11-30",
      "sessions": 0,
      "days": 0
    }
  ],
  "sessions": [],
  "changes": [],
  "measures": [],
  "goals": []
}
)");
  const std::string html = render_history_html(empty, o);
  CHECK(html.find("<p class=\"profile\">No sessions logged yet.</p>") != std::string::npos);
  CHECK(html.find("--") == std::string::npos);  // the report names no command-line flag
  CHECK(html.find("<svg") == std::string::npos);
  golden("empty.html", html);
  golden("empty.svg", render_history_svg(empty, o));
}

TEST_CASE("a range without sessions says what the diary has") {
  Diary d;
  d.sessions.push_back(session(day(2026, 1, 5), 3, 4, 2));
  HistoryOptions o = options();
  CHECK(render_history_text(d, o) ==
        "History, 2 Nov to 29 Nov 2026\n"
        "No sessions from 2 Nov 2026 to 29 Nov 2026; the diary has 1 from 5 Jan 2026 to 5\n"
        "Jan 2026. --since and --until choose the days.\n");
}

TEST_CASE("one session: the whole text history") {
  Diary d;
  d.sessions.push_back(session(day(2026, 11, 30), 3, 4, std::nullopt));
  HistoryOptions o = options();
  o.since.reset();
  o.until.reset();
  CHECK(render_history_text(d, o) == R"(History, 30 Nov to 30 Nov 2026
1 session on 1 of 1 day

Pain each day, 0 (none) to 10 (worst): the highest logged that day
10 │
   │
 8 │
   │
 6 │
   │
 4 │x
   │o
 2 │
   │
 0 │
   └────
    1
    30 Nov
o before the session   x during (the highest)   + the next morning
* more than one at that level
Under the axis: sessions each day (· none)

Date        Sessions  Before  During  Morning  Steps done  Changes
Mon 30 Nov  1         3       4       -        4 of 4
)");
  golden("one-session.html", render_history_html(d, o));
}

TEST_CASE("CSV: one row per session, RFC 4180 quoting, the changes in one cell") {
  Diary d = four_weeks();
  d.sessions.resize(7);
  HistoryOptions o = options();
  o.until = day(2026, 11, 16);
  CHECK(render_history_csv(d, o) ==
        "date,time,routine,level,pain_before,pain_during,pain_morning,steps_done,steps_total,"
        "skipped,tags,note,changes,uid\n"
        "2026-11-02,07:30,daily,standard,3,4,3,4,4,,,,,s-2026-11-02\n"
        "2026-11-04,07:30,daily,standard,3,4,2,3,4,foam-roll-glutes,lower-back; left hip,"
        "\"Rushed, \"\"skipped\"\" the roller, back ok\",,s-2026-11-04\n"
        "2026-11-06,07:30,daily,standard,2,3,2,4,4,,,,,s-2026-11-06\n"
        "2026-11-09,07:30,daily,standard,2,3,2,4,4,,,,,s-2026-11-09\n"
        "2026-11-11,07:30,daily,standard,2,4,1,4,4,,,,,s-2026-11-11\n"
        "2026-11-13,07:30,daily,standard,2,3,1,4,4,,,,Side plank: up to the standard version — "
        "pain stayed at 5 or below and settled by the morning in your last 3 sessions,"
        "s-2026-11-13\n"
        "2026-11-16,07:30,daily,standard,4,7,5,4,4,,,,Side plank: back to the beginner version — "
        "pain reached 7 during the session,s-2026-11-16\n");
}

TEST_CASE("csv_escape: RFC 4180 quoting, and no cell a spreadsheet would run") {
  CHECK(csv_escape("plain text") == "plain text");
  CHECK(csv_escape("a, \"b\"") == "\"a, \"\"b\"\"\"");
  CHECK(csv_escape("two\nlines") == "\"two\nlines\"");
  CHECK(csv_escape("=SUM(A1:A9)") == "'=SUM(A1:A9)");
  CHECK(csv_escape("+1") == "'+1");
  CHECK(csv_escape("@x,y") == "\"'@x,y\"");
  CHECK(csv_escape("-3", false) == "-3");
}

TEST_CASE("a change the diary does not word is read from the ladders") {
  const Diary d = four_weeks();
  const HistoryOptions o = options();
  // 23 Nov: the side plank went from beginner to standard with no reason logged.
  CHECK(session_changes(d.sessions[9], &d.sessions[8], o) ==
        std::vector<std::string>{"Side plank: beginner to standard level"});
  CHECK(session_changes(d.sessions[8], &d.sessions[7], o).empty());
  CHECK(session_changes(d.sessions[0], nullptr, o).empty());
  // The progression's own words win.
  CHECK(session_changes(d.sessions[5], &d.sessions[4], o) == d.sessions[5].changes);
  DiarySession dosed = d.sessions[8];
  dosed.steps[3].stage = 1;
  CHECK(session_changes(dosed, &d.sessions[8], o) ==
        std::vector<std::string>{"Bird dog: dose step 0 to 1"});
}

TEST_CASE("JSON: the days, weeks, sessions, changes, measures and ratings") {
  Diary d = four_weeks();
  HistoryOptions o = options();
  golden("four-weeks.json", render_history_json(d, o));
}

TEST_CASE("text: the four weeks at 80 and 120 columns, no escapes without colour") {
  const Diary d = four_weeks();
  const std::string at80 = render_history_text(d, options(80));
  golden("four-weeks-80.txt", at80);
  golden("four-weeks-120.txt", render_history_text(d, options(120)));
  CHECK(at80.find('\x1b') == std::string::npos);
  HistoryOptions colour = options(80);
  colour.color = true;
  const std::string painted = render_history_text(d, colour);
  CHECK(painted.find("\x1b[") != std::string::npos);
}

TEST_CASE("text fits the width for any range") {
  Diary d;
  for (long n = day_number(day(2017, 1, 1)); n <= day_number(day(2026, 11, 29)); ++n) {
    const int i = static_cast<int>(n % 11);
    d.sessions.push_back(session(from_day_number(n), i % 6, (i + 2) % 11, i % 4));
  }
  const Diary weeks = four_weeks();
  d.sessions.back().changes = weeks.sessions[5].changes;
  d.measures = weeks.measures;
  d.goals = weeks.goals;
  d.ratings = weeks.ratings;
  for (int width : {40, 80, 120, 200}) {
    for (const CivilDate since :
         {day(2026, 11, 29), day(2026, 11, 2), day(2025, 11, 30), day(2017, 1, 1)}) {
      HistoryOptions o = options(width);
      o.since = since;
      const std::string text = render_history_text(d, o);
      for (const std::string& line : lines_of(text)) {
        INFO("width ", width, " since ", iso(since), ": ", line);
        CHECK(columns(line) <= width);
      }
    }
  }
}

TEST_CASE("HTML report and SVG chart") {
  const Diary d = four_weeks();
  const HistoryOptions o = options();
  const std::string html = render_history_html(d, o);
  golden("four-weeks.html", html);
  golden("four-weeks.svg", render_history_svg(d, o));
  CHECK(html.find("Tie my shoes &lt;standing&gt;") != std::string::npos);
  CHECK(html.find("<li value=\"1\"><b>13 Nov:</b> Side plank: up to the standard version") !=
        std::string::npos);
  CHECK(html.find("--") == std::string::npos);
}

TEST_CASE("a file name picks the history format") {
  CHECK(history_format_for_file("report.HTML") == HistoryFormat::html);
  CHECK(history_format_for_file("a.htm") == HistoryFormat::html);
  CHECK(history_format_for_file("chart.svg") == HistoryFormat::svg);
  CHECK(history_format_for_file("h.csv") == HistoryFormat::csv);
  CHECK(history_format_for_file("h.json") == HistoryFormat::json);
  CHECK(history_format_for_file("h.txt") == HistoryFormat::text);
  CHECK(history_format_for_file("h.md") == std::nullopt);
  CHECK(history_format_for_file("dir.d/history") == std::nullopt);
}
