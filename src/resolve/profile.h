#pragma once
// Reading a person's circumstances from profile files and flags, checked against the library,
// and resolving them (flags over file over library defaults) into one canonical Profile.

#include <optional>
#include <string>
#include <vector>

#include "load/yaml_tree.h"
#include "model/diagnostics.h"
#include "model/library.h"
#include "model/profile.h"

namespace backplan {

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
