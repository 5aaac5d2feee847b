#include "commands/plan_pipeline.h"

#include <filesystem>
#include <optional>
#include <utility>

#include "commands/cmd_diary.h"
#include "commands/cmd_profile.h"
#include "diary/store.h"
#include "io/files.h"
#include "io/terminal.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"
#include "plan/progress.h"
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
  // The diary, read at the edge: its recent sessions become the progress the planner follows.
  // A year of sessions (and at least the last 30) is all the progression and the practice line
  // look at, so a long diary costs a plan no more than a short one.
  std::optional<Progress> progress;
  if (!source.no_diary) {
    // No --diary and no place for the default one (no HOME): a plan without a diary.
    std::optional<std::filesystem::path> path;
    if (source.diary) {
      path = diary_path(source.diary);
    } else {
      path =
          default_diary_path(environment_variable("XDG_DATA_HOME"), environment_variable("HOME"));
    }
    std::error_code ec;
    if (path && (source.diary || std::filesystem::exists(*path, ec))) {
      const Diary diary =
          read_recent_diary(*path, from_day_number(day_number(source.today) - 62), 30);
      progress = progress_from(lib, profile.routine, diary, source.today);
    }
  }
  PlanResult result = progress ? make_plan(lib, profile, *progress) : make_plan(lib, profile);
  return PlannedDay{std::move(lib), std::move(profile), std::move(result), saved_used, file.clinic};
}

SessionPlan session_plan(const PlanSource& source, const std::string& what) {
  PlannedDay day = plan_today(source);
  if (std::holds_alternative<RedFlagStop>(day.result)) {
    throw Error(ExitCode::red_flag,
                what +
                    ": with what you reported there is no plan to follow; see 'backplan "
                    "plan' and please get checked by a clinician first");
  }
  Plan& plan = std::get<Plan>(day.result);
  if (plan.held()) {
    throw Error(ExitCode::held, what +
                                    ": the plan is on hold until a clinician clears it; see "
                                    "'backplan plan'");
  }
  return {std::move(day.lib), std::move(plan)};
}

}  // namespace backplan
