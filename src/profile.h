#pragma once
// A person's circumstances: read from a profile file and from flags, checked against the
// library, and resolved (flags over file over library defaults) into one canonical Profile.

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "library.h"
#include "yaml_tree.h"

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

// The values each list flag accepts.
std::vector<std::string> equipment_choices(const Library& lib);
std::vector<std::string> condition_choices(const Library& lib);  // not the automatic ones
std::vector<std::string> region_choices(const Library& lib);
std::vector<std::string> routine_choices(const Library& lib);

// Reads a profile file's tree; problems go to `sink` with their file positions.
ProfileInput read_profile(const YamlNode& root, const std::string& path, const Library& lib,
                          DiagnosticSink& sink);

// Reads and parses a profile file; throws Error (bad_data) on the first problem.
ProfileInput load_profile_file(const std::string& path, const Library& lib);

// Raw flag values as typed (lists may be repeated or comma-separated); numbers as text so that
// every bad value gets the same kind of message.
struct ProfileFlags {
  std::optional<std::string> name;
  std::optional<std::string> age;
  bool no_floor = false;
  std::vector<std::string> equipment;
  std::vector<std::string> conditions;
  std::vector<std::string> avoid;
  std::optional<std::string> minutes;
  bool cleared = false;
  std::optional<std::string> routine;
};

// Checks flag values; throws Error (usage) naming the flag, with "did you mean".
ProfileInput read_profile_flags(const ProfileFlags& flags, const Library& lib);

// Flags over file over the library's settings.
Profile resolve_profile(const Library& lib, const ProfileInput& file, const ProfileInput& flags);

}  // namespace backplan
