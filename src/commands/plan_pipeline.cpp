#include "commands/plan_pipeline.h"

#include "commands/cmd_profile.h"
#include "io/files.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"
#include "resolve/saved_profile.h"

namespace backplan {

PlannedDay plan_today(const PlanSource& source) {
  Library lib = load_library_or_throw(source.routines);
  // The profile file: --profile FILE, else the saved profile (unless --no-config), else none.
  ProfileInput file;
  bool saved_used = false;  // the plan starts from the saved profile
  if (source.profile_file) {
    // '-': standard input (read through its name, so a problem is reported at /dev/stdin:L:C).
    file =
        load_profile_file(*source.profile_file == "-" ? "/dev/stdin" : *source.profile_file, lib);
  } else if (!source.no_config) {
    if (const auto saved = saved_profile_path(); saved && file_exists(*saved)) {
      try {
        file = load_profile_file(*saved, lib);
        saved_used = true;
      } catch (const Error& e) {
        if (!e.diagnostic()) throw;
        Location where = e.diagnostic()->where;
        where.path = shown_path(where.path);
        throw Error::in_file(where, e.diagnostic()->message +
                                        " (this is the saved profile: fix it, plan without it with "
                                        "--no-config, or remove it with 'backplan profile clear')");
      }
    }
  }
  const ProfileInput flags = read_profile_flags(source.profile, lib);
  Profile profile = resolve_profile(lib, file, flags);
  PlanResult result = make_plan(lib, profile);
  return PlannedDay{std::move(lib), std::move(profile), std::move(result), saved_used, file.clinic};
}

}  // namespace backplan
