#pragma once
// What every history format shows, worked out once from the diary: the days in range, each
// day's pains, the weeks' sessions, the level changes with their reasons, the measures and the
// PSFS ratings. Internal to the history renderers (render/history.h).

#include <optional>
#include <string>
#include <vector>

#include "model/diary.h"
#include "render/history.h"

namespace backplan {

std::string iso(const CivilDate& date);           // 2026-11-03
std::string short_date(const CivilDate& date);    // 3 Nov
std::string long_date(const CivilDate& date);     // 3 Nov 2026
std::string weekday_name(const CivilDate& date);  // Tue

// One day of the range. Several sessions on a day: each pain is the highest logged that day
// (the day as the back felt it at its worst).
struct HistoryDay {
  CivilDate date;
  int sessions = 0;
  std::optional<int> before, during, morning;
  int steps_done = 0, steps_total = 0;
  std::vector<int> changes;  // the numbers of the level changes made that day
};

// A level change, numbered in date order (the marks on the charts refer to the number).
struct HistoryChange {
  int number = 0;
  CivilDate date;
  std::string text;  // "Side plank: up to the full version — pain stayed ..."
};

// A week from Monday: how many sessions, on how many days.
struct HistoryWeek {
  CivilDate start;
  int sessions = 0;
  int days = 0;
};

// A series of values over time: one functional measure, or one PSFS activity.
struct HistoryPoint {
  CivilDate date;
  double value = 0;
};
struct HistorySeries {
  std::string id;    // the measure's kind ("sitting-minutes"), or the goal's number ("1")
  std::string name;  // "Sitting tolerance", or the activity the person named
  std::string unit;  // "min", "m", "cm", "/10"
  std::vector<HistoryPoint> points;
  const DiaryGoal* goal = nullptr;  // a PSFS activity's goal
};

struct HistoryView {
  CivilDate since, until;
  int total_sessions = 0;                     // in the whole diary
  std::vector<const DiarySession*> sessions;  // in range, oldest first
  std::vector<HistoryDay> days;               // every day of the range
  std::vector<HistoryWeek> weeks;             // every week touching the range
  std::vector<HistoryChange> changes;         // in range
  std::vector<HistorySeries> measures;        // in range, kinds with a value
  std::vector<HistorySeries> goals;           // in range, goals with a rating
  int days_with_sessions = 0;
  int range_days() const { return static_cast<int>(days.size()); }
};

// The days merged `per` at a time, for a chart narrower than the range: each the highest of
// every pain, the sessions and steps added up, every change; dated by its first day.
std::vector<HistoryDay> group_days(const std::vector<HistoryDay>& days, int per);

HistoryView make_history_view(const Diary& diary, const HistoryOptions& options);

// The level changes one session made: the progression's own words when the diary has them,
// else what differs from the last session on each ladder ("Side plank: standard to advanced").
std::vector<std::string> session_changes(const DiarySession& session, const DiarySession* previous,
                                         const HistoryOptions& options);

// "No sessions logged yet", or "No sessions between 3 Nov and 30 Nov 2026 (the diary has 40,
// from 2 Jan 2026 to 1 Oct 2026)": what the history says when the range has nothing.
std::string no_sessions_line(const Diary& diary, const HistoryView& view);

// "12 sessions on 10 of 28 days (3.0 a week)".
std::string sessions_summary(const HistoryView& view);

// "20 min (3 Nov) to 35 min (28 Nov)": a series' first and latest value.
std::string series_summary(const HistorySeries& series);

std::string format_number(double value);  // 20, 2.5

}  // namespace backplan
