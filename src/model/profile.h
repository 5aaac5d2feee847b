#pragma once
// A person's circumstances: what they said (ProfileInput) and the resolved profile the planner
// works from. Reading them from flags, files and rosters is the resolve layer's work.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace backplan {

// What the person said, before defaults. Every id in it has been checked against the library.
struct ProfileInput {
  std::optional<std::string> name;
  std::optional<int> age;
  std::optional<bool> floor;
  std::optional<std::vector<std::string>> equipment;  // empty = "none"
  std::optional<std::vector<std::string>> conditions;
  std::optional<std::vector<std::string>> avoid;
  std::optional<int> minutes;
  std::optional<bool> cleared;
  std::optional<std::string> routine;
};

// The resolved profile the planner works from. Lists are in library order, without repeats,
// so the same circumstances always give the same plan whatever order they were given in.
struct Profile {
  std::optional<std::string> name;
  std::optional<int> age;
  bool floor = true;
  std::vector<std::string> equipment;
  bool equipment_assumed = false;  // no equipment was given: the library's default kit is used
  std::vector<std::string> conditions;
  std::vector<std::string> avoid;
  int minutes = 20;
  bool cleared = false;
  std::string routine;
};

inline constexpr int kMinAge = 1;
inline constexpr int kMaxAge = 120;
inline constexpr int kMinMinutes = 5;
inline constexpr int kMaxMinutes = 180;
inline constexpr std::size_t kMaxNameLength = 100;

}  // namespace backplan
