#pragma once
// The diary: what a person did, and how their back responded, session by session. Plain data:
// src/diary stores it (SQLite), plan/progress reads it into a progress state, and the history
// renderers draw it. Nothing here reads a file or the clock.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/profile.h"
#include "text/date.h"

namespace backplan {

// One step of the plan a session followed, as it was on that day, so the history stays true when
// the library changes later.
struct DiaryStep {
  std::string id;              // the exercise done (the step's id)
  std::string slot;            // the routine's exercise for its slot: the ladder it is on
  std::optional<Level> level;  // the ladder step, when the slot has levels
  int stage = 0;               // the dose step on that ladder (0: the exercise's own dose)
  bool skipped = false;
};

// One logged session. Pains are 0 (none) to 10 (the worst imaginable).
struct DiarySession {
  // Unique and stable across copies of the diary: importing a session already there adds nothing.
  std::string uid;
  CivilDate date;
  int minute = 0;  // local time of day, minutes after midnight
  std::string routine;
  Level level = Level::standard;  // the plan's level
  std::string profile;            // the resolved profile the plan was made for, as JSON
  std::vector<DiaryStep> steps;   // in plan order
  std::optional<int> pain_before;
  std::optional<int> pain_during;   // the highest during the session
  std::optional<int> pain_morning;  // the next morning, logged later
  std::string note;
  std::vector<std::string> tags;  // where it hurt: region ids or the person's words
  // How the progression moved the plan on that day, each with its reason, as the plan printed it
  // ("Side plank: up to the full version — ..."); the history shows them.
  std::vector<std::string> changes;
};

// Functional benchmarks a person measures now and then.
enum class MeasureKind { sitting_minutes, walking_minutes, walking_metres, toe_reach_cm };
inline constexpr auto kMeasureKindNames =
    make_names<MeasureKind>({{MeasureKind::sitting_minutes, "sitting-minutes"},
                             {MeasureKind::walking_minutes, "walking-minutes"},
                             {MeasureKind::walking_metres, "walking-metres"},
                             {MeasureKind::toe_reach_cm, "toe-reach-cm"}});
inline std::string_view to_string(MeasureKind kind) {
  return kMeasureKindNames.name(kind);
}

struct DiaryMeasure {
  std::string uid;
  CivilDate date;
  MeasureKind kind = MeasureKind::sitting_minutes;
  double value = 0;
};

// Patient-Specific Functional Scale: up to five activities the person names, each rated 0 (can't
// do it) to 10 (as before the problem) when they like.
struct DiaryGoal {
  // Unique and stable across copies of the diary: importing a goal already there adds nothing.
  std::string uid;
  // As the person sees it: 1, 2, ... in the order they were added; never reused after a goal is
  // dropped, so a rating always names one goal. At most five goals are active at once.
  int number = 1;
  std::string activity;
  CivilDate added;
  std::optional<CivilDate> dropped;  // no longer rated; kept for the history
};

struct DiaryRating {
  std::string uid;
  int goal = 1;  // DiaryGoal::number
  CivilDate date;
  int score = 0;  // 0..10
};

struct Diary {
  std::vector<DiarySession> sessions;  // oldest first (date, then minute)
  std::vector<DiaryMeasure> measures;  // oldest first
  std::vector<DiaryGoal> goals;        // by number
  std::vector<DiaryRating> ratings;    // oldest first
  // Sessions a partial read (read_recent_diary, read_diary_from) counted but did not load, by
  // routine.
  std::map<std::string, int> sessions_left_out;
  // The date of the diary's first session, when a partial read for a history left it out.
  std::optional<CivilDate> first_session;
};

// How many sessions the diary holds, loaded or only counted.
inline int session_count(const Diary& diary) {
  int n = static_cast<int>(diary.sessions.size());
  for (const auto& [routine, count] : diary.sessions_left_out) n += count;
  return n;
}

}  // namespace backplan
