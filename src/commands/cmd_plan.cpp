#include "commands/cmd_plan.h"
#include "io/files.h"

#include <fmt/format.h>

#include <cstdio>
#include <variant>

#include "io/output.h"
#include "io/terminal.h"
#include "load/library_loader.h"
#include "plan/planner.h"
#include "render/render_html.h"
#include "render/render_json.h"
#include "render/render_markdown.h"
#include "render/render_text.h"
#include "resolve/saved_profile.h"

namespace backplan {

int run_plan(const PlanOptions& options) {
  const Library lib = load_library_or_throw(options.routines);
  // The profile file: --profile FILE, else the saved profile (unless --no-config), else none.
  ProfileInput file;
  if (options.profile_file) {
    file = load_profile_file(*options.profile_file, lib);
  } else if (!options.no_config) {
    if (const auto saved = saved_profile_path(); saved && file_exists(*saved)) {
      file = load_profile_file(*saved, lib);
    }
  }
  const ProfileInput flags = read_profile_flags(options.profile, lib);
  const Profile profile = resolve_profile(lib, file, flags);

  const PlanResult result = make_plan(lib, profile);
  if (const auto* stop = std::get_if<RedFlagStop>(&result)) {
    for (const auto& reason : stop->reasons) {
      std::fputs(fmt::format("backplan: stop: {}\n", reason.text).c_str(), stderr);
    }
    std::fputs("backplan: no plan was made. Please get checked by a clinician first.\n", stderr);
    return static_cast<int>(ExitCode::red_flag);
  }
  const Plan& plan = std::get<Plan>(result);
  std::string content;
  switch (options.format) {
    case Format::json:
      content = render_json(plan);
      break;
    case Format::markdown:
      content = render_markdown(plan, {options.date});
      break;
    case Format::html:
      content = render_html(plan, {options.date});
      break;
    case Format::text: {
      TextOptions text;
      text.color = options.output == "-" && stdout_wants_color();
      text.width = options.output == "-" ? stdout_width() : kDefaultWidth;
      content = render_text(plan, text);
      break;
    }
  }
  write_output(options.output, content);
  return static_cast<int>(ExitCode::ok);
}

}  // namespace backplan
