#pragma once
// The diary on disk: one SQLite file, schema versioned with PRAGMA user_version and marked as
// backplan's with PRAGMA application_id. Reading never creates the file; the first write does
// (directories too). Every write is one transaction (WAL, a busy timeout), so a write killed at
// any moment leaves the whole entry or none of it, and two processes writing at once both
// succeed. Errors are Error: ExitCode::bad_diary for a file that is unreadable, corrupt, not
// backplan's or from a newer version; ExitCode::cannot_write when it cannot be written. Each
// message is one line that starts with the path.

#include <filesystem>
#include <optional>
#include <string>

#include "model/diary.h"

namespace backplan {

// The schema version this program writes (PRAGMA user_version).
inline constexpr int kDiarySchemaVersion = 1;
// PRAGMA application_id of a backplan diary: "BPDY".
inline constexpr int kDiaryApplicationId = 0x42504459;

// Where the diary lives: $XDG_DATA_HOME/backplan/diary.sqlite when XDG_DATA_HOME is an absolute
// path (the XDG rule: a relative one is ignored), else $HOME/.local/share/backplan/diary.sqlite
// (HOME non-empty); nullopt when neither gives a place.
std::optional<std::filesystem::path> default_diary_path(
    const std::optional<std::string>& xdg_data_home, const std::optional<std::string>& home);

// The whole diary, oldest first; an empty Diary when the file does not exist.
Diary read_diary(const std::filesystem::path& path);

// What a plan needs of the diary, read quickly from a long one: the sessions dated `since` or
// later, and at least the last `at_least` sessions, oldest first; the older ones only counted
// (Diary::sessions_left_out). No measures, goals or ratings. An empty Diary when the file does not
// exist.
Diary read_recent_diary(const std::filesystem::path& path, const CivilDate& since, int at_least);

// What a history from `since` on needs, read quickly from a long diary: the sessions dated
// `since` or later and those of the last day with a session before it, oldest first, the older
// ones only counted (Diary::sessions_left_out, Diary::first_session); the measures and ratings
// dated `since` or later; every goal. An empty Diary when the file does not exist.
Diary read_diary_from(const std::filesystem::path& path, const CivilDate& since);

// What a write added and what was already there (same uid), by kind.
struct DiaryCounts {
  int sessions = 0;
  int measures = 0;
  int goals = 0;
  int ratings = 0;
};
struct MergeResult {
  DiaryCounts added;
  DiaryCounts present;
};

// Adds every session, measure, goal and rating of `entries` whose uid is not in the diary yet,
// in one transaction: what `log` writes, and what `diary import` reads. Ratings name their goal
// by entries.goals' numbers, or, when entries.goals has no such goal, by the diary's own number.
// A goal new to the diary keeps its number when that is free, else takes the next free one.
// Throws Error (bad_data) when a rating's goal is unknown or more than five goals would be active;
// then nothing is written.
MergeResult merge_into_diary(const std::filesystem::path& path, const Diary& entries);

// Sets the next-morning pain of the last session dated before `morning` (the day the morning is
// on), in one transaction; returns that session as it now is. Throws Error (bad_data) when the
// diary has no session before that day.
DiarySession set_morning_pain(const std::filesystem::path& path, const CivilDate& morning,
                              int pain);

// Adds a PSFS goal: the next number; Throws Error (bad_data) when five are active already.
DiaryGoal add_goal(const std::filesystem::path& path, const std::string& activity,
                   const CivilDate& added);

// Marks goal `number` dropped on `date` (kept, with its ratings, for the history). Throws Error
// (bad_data) when there is no active goal with that number.
DiaryGoal drop_goal(const std::filesystem::path& path, int number, const CivilDate& date);

// A new uid: 32 random hex digits.
std::string new_diary_uid();

// The schema steps, for the migration tests: step i takes a diary from version i to i + 1.
int diary_migration_count();

}  // namespace backplan
