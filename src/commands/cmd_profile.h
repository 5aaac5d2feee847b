#pragma once
// `backplan profile save|show|clear`: the saved profile that `backplan plan` starts from.

#include <string>
#include <vector>

#include "resolve/profile.h"

namespace backplan {

struct ProfileSaveOptions {
  ProfileFlags profile;
  std::vector<std::string> routines;  // extra library paths to check the ids against
  bool replace = false;               // start from nothing instead of the saved profile
  ClinicInfo clinic;                  // --clinic, --clinician, --contact, --review-date, --note
};

// Each runs its command and returns the exit code; errors are thrown as Error.
int run_profile_save(const ProfileSaveOptions& options);
int run_profile_show(const std::vector<std::string>& routines);
int run_profile_clear();
// `profile unset FIELD...`: forgets those fields of the saved profile (the file's keys: age,
// floor, equipment, ...); the rest stays. With nothing left, the file is removed.
int run_profile_unset(const std::vector<std::string>& fields);

// A path as messages show it: "~/..." for one under HOME.
std::string shown_path(const std::string& path);

}  // namespace backplan
