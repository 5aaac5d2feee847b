#include "commands/cmd_plan.h"
#include "commands/plan_pipeline.h"

#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <variant>
#include <vector>

#include "commands/handout_figures.h"
#include "commands/pdf_output.h"
#include "io/output.h"
#include "io/terminal.h"
#include "plan/planner.h"
#include "plan/suggest_equipment.h"
#include "render/render.h"
#include "render/render_json.h"

namespace backplan {

int run_plan(const PlanOptions& options) {
  std::optional<Paper> paper;
  if (options.format == Format::pdf) {
    paper = resolve_paper(options.paper);
    refuse_pdf_to_terminal(options.output);
  }
  // Library, profile and plan: the same pipeline as `log` (plan_pipeline.h).
  const PlannedDay day =
      plan_today({options.profile, options.profile_file, options.no_config, options.routines,
                  options.diary, options.no_diary, options.today});
  const Library& lib = day.lib;
  const Profile& profile = day.profile;
  const PlanResult& result = day.result;
  const bool saved_used = day.saved_used;
  if (const auto* stop = std::get_if<RedFlagStop>(&result)) {
    for (const auto& reason : stop->reasons) {
      std::fputs(fmt::format("backplan: stop: {}\n", reason.text).c_str(), stderr);
    }
    std::fputs("backplan: no plan was made. Please get checked by a clinician first.\n", stderr);
    // JSON gets a document saying so (status "referred"), to standard output or FILE. In the
    // other formats FILE is removed, so that an older plan there is not read as today's.
    if (options.format == Format::json) {
      std::vector<std::string> stop_if;
      for (const auto& sign : lib.emergency_signs) stop_if.push_back(sign.text);
      write_output(options.output, render_json_referral(profile, stop->reasons, stop_if));
    } else if (options.output != "-") {
      // The red flag's exit code stays, even when FILE cannot be removed (it is said why).
      try {
        remove_output(options.output);
      } catch (const Error& e) {
        std::fputs(fmt::format("backplan: error: {}\n", e.message()).c_str(), stderr);
      }
    }
    return static_cast<int>(ExitCode::red_flag);
  }
  Plan plan = std::get<Plan>(result);
  plan.suggestion = suggest_equipment(lib, plan);
  RenderOptions render_options;
  render_options.date = options.date;
  render_options.brief = options.brief;
  // The flags' clinic fields over the profile file's (or the saved profile's).
  render_options.clinic = merge_clinic(options.clinic, day.file_clinic);
  render_options.from_saved_profile = saved_used;
  if (options.format == Format::text) {
    render_options.color = options.output == "-" && stdout_wants_color();
    render_options.width = options.output == "-" ? stdout_width() : kDefaultWidth;
  }
  if (paper) {
    PdfFonts fonts;
    write_output(
        options.output,
        render_pdf(fonts, plan,
                   HandoutOptions{render_options.date, render_options.brief, render_options.clinic},
                   *paper));
  } else {
    HandoutFigures figures(lib);  // html only: each step's figure
    if (options.format == Format::html) render_options.figures = &figures.for_plan(plan);
    write_output(options.output, render(plan, options.format, render_options));
  }
  return static_cast<int>(plan.held() ? ExitCode::held : ExitCode::ok);
}

}  // namespace backplan
