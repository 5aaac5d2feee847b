#pragma once
// Reading a person's circumstances from profile files and flags, checked against the library
// with the rules in resolve/fields.h, and resolving them (flags over file over library defaults)
// into one canonical Profile.

#include <optional>
#include <string>
#include <vector>

#include "load/yaml_tree.h"
#include "model/diagnostics.h"
#include "model/library.h"
#include "model/profile.h"
#include "resolve/fields.h"

namespace backplan {

// Reads a profile file's tree; every problem goes to `sink` with its file position.
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
  bool floor = false;  // --floor: floor work is possible (undoes a saved --no-floor)
  std::vector<std::string> equipment;
  std::vector<std::string> conditions;
  std::vector<std::string> avoid;
  std::optional<std::string> minutes;
  bool cleared = false;
  std::optional<std::string> routine;
  std::optional<std::string> level;
  bool flare = false;    // --flare (plan only): a flare-up day
  bool morning = false;  // --morning (plan only): within an hour of getting up
};

// Checks flag values; throws Error (usage) naming the flag of the first problem, in the order
// --name, --age, --minutes, --routine, --level, --equipment, --condition, --avoid.
ProfileInput read_profile_flags(const ProfileFlags& flags, const Library& lib);

// Flags over file over the library's settings.
Profile resolve_profile(const Library& lib, const ProfileInput& file, const ProfileInput& flags);

}  // namespace backplan
