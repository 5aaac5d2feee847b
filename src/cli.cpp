#include "cli.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cmd_plan.h"
#include "cmd_validate.h"
#include "diagnostics.h"
#include "suggest.h"
#include "version.h"

namespace backplan {

namespace {

const std::vector<std::string> kSubcommands = {"plan", "validate"};

void say_error(const std::string& message) {
  std::fputs(fmt::format("backplan: error: {}\n", message).c_str(), stderr);
}

// What `plan` reads from the command line, before it is checked.
struct PlanArgs {
  PlanOptions options;
  std::string name, age, minutes, routine, profile_file, format = "text";
  CLI::Option* name_opt = nullptr;
  CLI::Option* age_opt = nullptr;
  CLI::Option* minutes_opt = nullptr;
  CLI::Option* routine_opt = nullptr;
  CLI::Option* profile_opt = nullptr;
};

void setup_plan(CLI::App& app, PlanArgs& a) {
  CLI::App* plan = app.add_subcommand("plan", "Make today's routine (the default command)");
  plan->footer(R"(Examples:
  backplan
  backplan plan --equipment tennis-ball --no-floor --age 68
  backplan plan --condition osteoporosis,blood-thinners --minutes 15 --format json
  backplan plan --profile me.yaml --avoid calves -o today.txt

Lists take commas or repeated flags; 'none' means an empty list. Exit codes: 0 plan made,
2 bad flag, 3 bad file, 4 red flag (no plan: seek care), 5 cannot write the output.
)");
  PlanOptions& o = a.options;
  ProfileFlags& p = o.profile;
  plan->add_option("--equipment", p.equipment,
                   "Tools you have, e.g. tennis-ball,foam-roller-soft,bed; or none")
      ->allow_extra_args(false)
      ->type_name("LIST");
  a.age_opt = plan->add_option("--age", a.age, "Age in years; 55 and over brings the 55+ rules")
                  ->type_name("N");
  plan->add_flag("--no-floor", p.no_floor, "You can't or mustn't get down on the floor");
  plan->add_option("--condition", p.conditions,
                   "Conditions and red flags, e.g. osteoporosis; or none")
      ->allow_extra_args(false)
      ->type_name("LIST");
  plan->add_option("--avoid", p.avoid, "Regions nothing may press on, e.g. calves")
      ->allow_extra_args(false)
      ->type_name("REGIONS");
  plan->add_flag("--cleared", p.cleared, "A clinician cleared you for work a condition holds back");
  a.minutes_opt =
      plan->add_option("--minutes", a.minutes, "Minutes you have (default 20)")->type_name("N");
  a.routine_opt = plan->add_option("--routine", a.routine, "Routine to follow (default: daily)")
                      ->type_name("ID");
  a.name_opt = plan->add_option("--name", a.name, "Name to print on the plan")->type_name("TEXT");
  a.profile_opt =
      plan->add_option("--profile", a.profile_file, "YAML profile with the same fields; flags win")
          ->type_name("FILE");
  plan->add_option("--routines", o.routines,
                   "Library directory or file to load over the built-in one")
      ->allow_extra_args(false)
      ->type_name("PATH");
  plan->add_option("--format", a.format, "Output format: text or json (default text)")
      ->type_name("FORMAT");
  plan->add_option("-o,--output", o.output, "Write to FILE instead of standard output")
      ->type_name("FILE");
}

PlanOptions finish_plan(PlanArgs& a) {
  PlanOptions o = a.options;
  if (a.name_opt->count() > 0) o.profile.name = a.name;
  if (a.age_opt->count() > 0) o.profile.age = a.age;
  if (a.minutes_opt->count() > 0) o.profile.minutes = a.minutes;
  if (a.routine_opt->count() > 0) o.profile.routine = a.routine;
  if (a.profile_opt->count() > 0) o.profile_file = a.profile_file;
  const std::vector<std::string> formats = {"text", "json"};
  if (a.format == "text") {
    o.format = Format::text;
  } else if (a.format == "json") {
    o.format = Format::json;
  } else {
    throw Error::flag("--format", unknown_message("format", a.format, formats));
  }
  if (o.output.empty())
    throw Error::flag("--output", "needs a file name, or '-' for standard output");
  return o;
}

void setup_validate(CLI::App& app, ValidateOptions& o) {
  CLI::App* cmd = app.add_subcommand("validate", "Check a routine library and report every problem");
  cmd->add_option("paths", o.paths,
                  "Library directories or .yaml files, checked on top of the built-in library "
                  "(none: the built-in library itself)")
      ->type_name("PATH");
  cmd->add_flag("--alone", o.alone, "Check the paths as a whole library, without the built-in one");
  cmd->footer(R"(Examples:
  backplan validate
  backplan validate my-routines/
  backplan validate --alone full-library/

Each problem is one line on stderr, path:line:col: error: ...; exit code 3 when there is any.
)");
}

// Long option names of a (sub)command, for "did you mean".
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& name : opt->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

// One line for a CLI11 parse error, with a suggestion for a mistyped option.
std::string describe_parse_error(const CLI::ParseError& e, const CLI::App& app) {
  const CLI::App* active = &app;
  for (const CLI::App* sub : app.get_subcommands()) active = sub;
  const std::string what = e.what();
  const std::string help =
      active == &app ? "backplan --help" : fmt::format("backplan {} --help", active->get_name());
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    // CLI11: "The following arguments were not expected: 40 --agee" (listed last first).
    const std::size_t colon = what.find(": ");
    std::vector<std::string> words;
    std::string rest = colon == std::string::npos ? what : what.substr(colon + 2);
    for (std::size_t start = 0; start < rest.size();) {
      std::size_t end = rest.find(' ', start);
      if (end == std::string::npos) end = rest.size();
      if (end > start) words.insert(words.begin(), rest.substr(start, end - start));
      start = end + 1;
    }
    std::string word = words.empty() ? std::string() : words.front();
    for (const auto& w : words) {
      if (!w.empty() && w[0] == '-') {
        word = w;
        break;
      }
    }
    if (!word.empty() && word[0] == '-') {
      const std::string key = word.substr(0, word.find('='));
      return fmt::format("{}; see '{}'", unknown_message("option", key, option_names(*active)),
                         help);
    }
    if (active == &app) {
      return fmt::format("{}; see '{}'", unknown_message("command", word, kSubcommands), help);
    }
    return fmt::format("unexpected argument '{}'; see '{}'", word, help);
  }
  return fmt::format("{}; see '{}'", what, help);
}

}  // namespace

int run_cli(int argc, const char* const* argv) {
  // `plan` is the default command: `backplan --age 60` means `backplan plan --age 60`.
  std::vector<std::string> args;
  for (int i = argc - 1; i >= 1; --i) args.emplace_back(argv[i]);  // CLI11 takes them reversed
  const std::string first = argc > 1 ? argv[1] : "";
  const bool top_level_flag = first == "-h" || first == "--help" || first == "--version";
  if (argc == 1 || (!first.empty() && first[0] == '-' && !top_level_flag))
    args.emplace_back("plan");
  if (argc > 1 && (first.empty() || first[0] != '-') &&
      std::find(kSubcommands.begin(), kSubcommands.end(), first) == kSubcommands.end()) {
    say_error(
        fmt::format("{}; see 'backplan --help'", unknown_message("command", first, kSubcommands)));
    return static_cast<int>(ExitCode::usage);
  }

  CLI::App app("backplan — a safe, sequenced daily routine for low-back pain", "backplan");
  app.set_version_flag("--version", std::string("backplan ") + BACKPLAN_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Run 'backplan plan --help' for the plan's options. With no command, backplan runs "
      "'plan'.\n");
  PlanArgs plan_args;
  setup_plan(app, plan_args);
  ValidateOptions validate_options;
  setup_validate(app, validate_options);

  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, std::cout, std::cerr);
    say_error(describe_parse_error(e, app));
    return static_cast<int>(ExitCode::usage);
  }

  try {
    if (app.got_subcommand("plan")) return run_plan(finish_plan(plan_args));
    if (app.got_subcommand("validate")) return run_validate(validate_options);
    say_error("no command given; see 'backplan --help'");
    return static_cast<int>(ExitCode::usage);
  } catch (const Error& e) {
    if (e.diagnostic()) {
      std::fputs((e.message() + "\n").c_str(), stderr);
    } else {
      say_error(e.message());
    }
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    say_error(fmt::format("internal error: {} (please report this)", e.what()));
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace backplan
