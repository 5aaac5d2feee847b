#include "cli/cli.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "commands/cmd_batch.h"
#include "commands/cmd_diary.h"
#include "commands/cmd_go.h"
#include "commands/cmd_goals.h"
#include "commands/cmd_history.h"
#include "commands/cmd_list.h"
#include "commands/cmd_log.h"
#include "commands/cmd_plan.h"
#include "commands/cmd_profile.h"
#include "commands/cmd_show.h"
#include "commands/cmd_validate.h"
#include "commands/completion.h"
#include "diary/dates.h"
#include "model/diagnostics.h"
#include "render/render.h"
#include "text/date.h"
#include "text/suggest.h"
#include "version.h"

namespace backplan {

namespace {

// Hidden: what the completion scripts call (cmd_list.h).
const std::string kCompleteCommand = "__complete";

void say_error(const std::string& message) {
  std::fputs(fmt::format("backplan: error: {}\n", message).c_str(), stderr);
}

// `--routines PATH...`: extra library paths, on top of the built-in one.
// Who gave the handout: printed on html and markdown handouts (and referral sheets).
void add_clinic(CLI::App* cmd, ClinicInfo& c, bool note = true) {
  cmd->add_option("--clinic", c.clinic, "Clinic name printed on handouts")->type_name("TEXT");
  cmd->add_option("--clinician", c.clinician, "Clinician printed on handouts")->type_name("TEXT");
  cmd->add_option("--contact", c.contact, "Contact line printed on handouts")->type_name("TEXT");
  cmd->add_option("--review-date", c.review_date, "Next review printed on handouts, YYYY-MM-DD")
      ->type_name("DATE");
  if (note)
    cmd->add_option("--note", c.note, "A note for the client, printed on the handout")
        ->type_name("TEXT");
}

void add_routines(CLI::App* cmd, std::vector<std::string>& into, const std::string& description) {
  cmd->add_option("--routines", into, description)->allow_extra_args(false)->type_name("PATH");
}

constexpr const char* kRoutinesOver = "Library directory or file to load over the built-in one";
constexpr const char* kRoutinesCheck = "Library directory or file to check the ids against";

// The profile's flags (shared by `plan` and `profile save`), as typed: numbers stay text so that
// resolve/fields.h words every bad value. Lists are split on commas there too, not by CLI11's
// delimiter(','), which would make `--equipment ""` a CLI11 error instead of "needs a value".
void add_profile_flags(CLI::App* cmd, ProfileFlags& p) {
  cmd->add_option("--equipment", p.equipment,
                  "Tools you have, e.g. tennis-ball,foam-roller-soft,bed; or none")
      ->allow_extra_args(false)
      ->type_name("LIST");
  cmd->add_option("--age", p.age, "Age in years; 55 and over brings the 55+ rules")->type_name("N");
  cmd->add_flag("--no-floor", p.no_floor, "You can't or mustn't get down on the floor");
  cmd->add_flag("--floor", p.floor,
                "Floor work is possible (the default; undoes a saved --no-floor)");
  cmd->add_option("--condition", p.conditions,
                  "Conditions and red flags, e.g. osteoporosis or, with details, "
                  "hip-replacement:approach=posterior:weeks=6; or none")
      ->allow_extra_args(false)
      ->type_name("LIST");
  cmd->add_option("--avoid", p.avoid, "Regions nothing may press on, e.g. calves")
      ->allow_extra_args(false)
      ->type_name("REGIONS");
  cmd->add_flag("--cleared", p.cleared, "A clinician cleared you for work a condition holds back");
  cmd->add_option("--minutes", p.minutes, "Minutes you have (default 20)")->type_name("N");
  cmd->add_option("--routine", p.routine, "Routine to follow (default: daily)")->type_name("ID");
  cmd->add_option("--level", p.level,
                  "Step on each exercise's ladder: beginner, standard or advanced (default: "
                  "beginner at 55 and over, else standard)")
      ->type_name("LEVEL");
  cmd->add_option("--name", p.name, "Name to print on the plan")->type_name("TEXT");
}

// What `plan` reads from the command line, before it is checked.
struct PlanArgs {
  PlanOptions options;
  std::optional<std::string> format;  // not given: from -o FILE's extension, else text
};

void add_diary_flag(CLI::App* cmd, std::optional<std::string>& into) {
  cmd->add_option("--diary", into,
                  "The diary file to use (default: $XDG_DATA_HOME/backplan/diary.sqlite, or "
                  "~/.local/share/backplan/diary.sqlite)")
      ->type_name("FILE");
}

void setup_plan(CLI::App& app, PlanArgs& a) {
  CLI::App* plan = app.add_subcommand("plan", "Make today's routine (the default command)");
  plan->footer(R"(Examples:
  backplan
  backplan plan --equipment tennis-ball --no-floor --age 68
  backplan plan --condition osteoporosis,blood-thinners --minutes 15 --format json
  backplan plan --profile me.yaml --avoid calves -o today.txt
  backplan plan --age 68 -o today.html            (an html handout: the format from the name)
  some-tool | backplan plan --profile -           (the profile from standard input)
  backplan plan --no-config --age 40

Starts from the saved profile ('backplan profile save') unless --profile or --no-config is
given; flags override it. Lists take commas, ';' or repeated flags; 'none' means an empty
list. Ids are read in any case, and synonyms as their ids (sciatica: disc-herniation).
Exit codes: 0 plan made, 2 bad flag, 3 bad file, 4 red flag (no plan: seek care), 5 cannot
write the output, 7 on hold (no steps until a clinician clears them; the plan says what and who).
With a red flag, --format json still writes a document (status "referred"); in the other
formats -o FILE is removed, so that an older plan is not read as today's.
)");
  PlanOptions& o = a.options;
  add_profile_flags(plan, o.profile);
  plan->add_option("--profile", o.profile_file,
                   "YAML profile with the same fields, used instead of the saved profile ('-': "
                   "read it from standard input); flags win")
      ->type_name("FILE");
  plan->add_flag("--flare", o.profile.flare,
                 "A flare-up day: small movements, one short set of each core exercise, no "
                 "rolling on the sore back (for today; never saved)");
  plan->add_flag("--morning", o.profile.morning,
                 "Within an hour of getting up: no forward bends, a small cat-camel (for today; "
                 "never saved)");
  plan->add_flag("--no-config", o.no_config, "Ignore the saved profile");
  add_diary_flag(plan, o.diary);
  plan->add_flag("--no-diary", o.no_diary,
                 "Plan as though there were no diary: no progression, no practice line");
  add_routines(plan, o.routines, kRoutinesOver);
  plan->add_option("--format", a.format,
                   "text (default), json, markdown, html or pdf; without it, -o FILE picks it "
                   "from FILE's extension (.txt, .json, .md, .html, .pdf)")
      ->type_name("FORMAT");
  plan->add_option("--paper", o.paper, "pdf: a4 or letter (default: from LC_PAPER, else a4)")
      ->type_name("PAPER");
  plan->add_option("--date", o.date, "Date printed on handouts, YYYY-MM-DD")->type_name("DATE");
  plan->add_flag("--brief", o.brief,
                 "Steps, doses and times only (the notices and emergency signs stay)");
  add_clinic(plan, o.clinic);
  plan->add_option("-o,--output", o.output, "Write to FILE instead of standard output")
      ->type_name("FILE");
}

// A clinic text: one line, not blank.
void check_clinic_text(const char* flag, const std::optional<std::string>& text) {
  if (!text) return;
  const bool blank = text->find_first_not_of(" \t") == std::string::npos;
  if (blank || text->find_first_of("\r\n") != std::string::npos || text->size() > 500) {
    throw Error::flag(flag, "must be one line of 1 to 500 characters");
  }
}

void check_clinic(const ClinicInfo& c) {
  check_clinic_text("--clinic", c.clinic);
  check_clinic_text("--clinician", c.clinician);
  check_clinic_text("--contact", c.contact);
  check_clinic_text("--note", c.note);
  if (c.review_date) {
    if (const auto problem = iso_date_problem(*c.review_date)) {
      throw Error::flag("--review-date", *problem);
    }
  }
}

PlanOptions finish_plan(const PlanArgs& a) {
  PlanOptions o = a.options;
  if (o.diary && o.no_diary) {
    throw Error::flag("--no-diary", "cannot be combined with --diary: give one of them");
  }
  // -o plan.html means html; a --format that says otherwise is an error naming both.
  Format by_name = Format::text;
  bool named = false;
  if (o.output != "-") {
    if (const std::optional<Format> f = format_for_file(o.output)) {
      by_name = *f;
      named = true;
    }
  }
  if (!a.format) {
    o.format = by_name;
  } else if (const std::optional<Format> format = kFormatNames.parse(*a.format)) {
    o.format = *format;
    if (named && by_name != o.format) {
      throw Error::flag(
          "--format",
          fmt::format("{} does not fit -o '{}', whose name says {}; leave --format out, or give "
                      "the file a name that ends in {}",
                      *a.format, o.output, kFormatNames.name(by_name), file_extension(o.format)));
    }
  } else {
    throw Error::flag("--format", unknown_message("format", *a.format, kFormatNames.names()));
  }
  if (o.date) {
    if (const auto problem = iso_date_problem(*o.date)) throw Error::flag("--date", *problem);
  }
  if (o.output.empty())
    throw Error::flag("--output", "needs a file name, or '-' for standard output");
  check_clinic(o.clinic);
  return o;
}

void setup_validate(CLI::App& app, ValidateOptions& o) {
  CLI::App* cmd =
      app.add_subcommand("validate", "Check a routine library and report every problem");
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

void setup_batch(CLI::App& app, BatchOptions& o) {
  CLI::App* cmd =
      app.add_subcommand("batch", "Make a handout for every client of a roster, and an index");
  cmd->add_option("roster", o.roster, "A CSV or YAML roster, or - for standard input")
      ->required()
      ->type_name("ROSTER");
  cmd->add_option("--out", o.out, "Directory to write into (created when missing)")
      ->required()
      ->type_name("DIR");
  cmd->add_option("--format", o.format, "html (default), markdown, text, json or pdf")
      ->type_name("FORMAT");
  cmd->add_option("--paper", o.paper, "pdf: a4 or letter (default: from LC_PAPER, else a4)")
      ->type_name("PAPER");
  cmd->add_option("--combine", o.combine,
                  "pdf: every handout in FILE instead, each from an odd page (index.pdf in DIR)")
      ->type_name("FILE");
  cmd->add_option("--roster-format", o.roster_format,
                  "csv or yaml (default: from the file name; needed for -)")
      ->type_name("FORMAT");
  cmd->add_flag("--force", o.force, "Write into a directory that is not empty");
  cmd->add_flag("--dry-run", o.dry_run,
                "Read and check every row, say what would be made, and write nothing (the exit "
                "code is the real run's)");
  cmd->add_option("--date", o.date, "Date printed on html and markdown handouts, YYYY-MM-DD")
      ->type_name("DATE");
  add_clinic(cmd, o.clinic, false);
  add_routines(cmd, o.routines, kRoutinesOver);
  cmd->footer(R"(Examples:
  backplan batch clients.csv --out handouts/
  backplan batch clients.yaml --out handouts/ --format markdown --date 2024-05-06
  some-export | backplan batch - --roster-format csv --out handouts/ --force
  backplan batch clients.csv --out handouts/ --dry-run

CSV columns: name (required), age, floor, equipment, conditions, avoid, minutes, cleared,
routine, level, notes (free text); other columns are ignored with a warning. Cells are
separated by ',', ';' or tabs (whichever the header uses most); lists by ';' or ',' (details
after colons, as in hip-replacement:approach=posterior:weeks=6). A bad row is reported on stderr
and skipped; a client with a red flag gets a one-page referral sheet (what they reported, what to
do; none in JSON) and is listed first in the index; a client whose plan is on hold gets a sheet
saying what needs clearing. Exit codes: 0 done, 2 bad flag, 3 bad
roster, 5 cannot write (or DIR not empty without --force), 6 some rows were skipped.
)");
}

void setup_list(CLI::App& app, ListOptions& o) {
  CLI::App* cmd = app.add_subcommand("list", "List what the routine library knows");
  cmd->add_option("kind", o.kind,
                  "exercises, equipment, conditions, regions, routines or sources; none: what it "
                  "can list")
      ->type_name("KIND");
  cmd->add_option("--format", o.format,
                  "text (default), json, or ids: one id per line, the values the flags accept")
      ->type_name("FORMAT");
  add_routines(cmd, o.routines, kRoutinesOver);
  cmd->footer(R"(Examples:
  backplan list
  backplan list exercises
  backplan list condition
  backplan list equipment --format json
  backplan list regions --format ids
  backplan list routines --routines my-routines/
  backplan list sources

Conditions come in three groups: those --condition takes, the automatic ones, and red flags.
)");
}

void setup_show(CLI::App& app, ShowOptions& o) {
  CLI::App* cmd =
      app.add_subcommand("show", "Describe one exercise, condition, piece of equipment or source");
  cmd->add_option("id", o.id,
                  "An id from 'backplan list exercises', 'list conditions', 'list equipment' or "
                  "'list sources'")
      ->required()
      ->type_name("ID");
  cmd->add_option("--format", o.format,
                  "text (default), json: every field of the entry, what refers to it, and "
                  "the sources it cites, or svg: an exercise's figure")
      ->type_name("FORMAT");
  add_routines(cmd, o.routines, kRoutinesOver);
  cmd->footer(R"(Examples:
  backplan show curl-up
  backplan show foam-roll-calves
  backplan show osteoporosis
  backplan show tennis-ball
  backplan show acog-2020-exercise-pregnancy
  backplan show curl-up --format json
  backplan show bird-dog --format svg > bird-dog.svg

For an exercise: its dose, cues, tools and stand-ins, alternatives, what it stands in for, and
every condition rule that changes it, with the full citation of each source. Exit code 2 for an unknown id.
)");
}

// `profile save` reads the plan's profile flags.
struct ProfileCommandArgs {
  ProfileSaveOptions save;
  std::vector<std::string> unset;
  std::vector<std::string> show_routines;
};

void setup_profile(CLI::App& app, ProfileCommandArgs& a) {
  CLI::App* cmd =
      app.add_subcommand("profile", "Save, show, unset or clear the profile plans start from");
  cmd->require_subcommand(1);
  cmd->footer(R"(Examples:
  backplan profile save --age 68 --equipment tennis-ball,massage-stick --no-floor
  backplan profile save --minutes 15
  backplan profile show
  backplan profile unset cleared
  backplan profile clear

The saved profile is $XDG_CONFIG_HOME/backplan/profile.yaml, or
$HOME/.config/backplan/profile.yaml. 'backplan plan' starts from it; flags override it;
--profile FILE is used instead of it; --no-config ignores it.
)");
  CLI::App* save = cmd->add_subcommand("save", "Save profile flags for every later plan");
  add_profile_flags(save, a.save.profile);
  add_clinic(save, a.save.clinic);
  save->add_flag("--replace", a.save.replace,
                 "Start from nothing instead of merging with the saved profile");
  add_routines(save, a.save.routines, kRoutinesCheck);
  save->footer(R"(Examples:
  backplan profile save --age 68 --equipment tennis-ball --no-floor
  backplan profile save --condition osteoporosis      (keeps the age and equipment saved before)
  backplan profile save --replace --age 40            (forgets everything else)

Flags given are merged into the saved profile; the rest of it stays. Use 'none' to save an
empty list (--condition none); --floor undoes a saved --no-floor. --cleared can only be undone
with --replace. The clinic fields (--clinic, --clinician, --contact, --review-date, --note) are
printed on every handout made from the saved profile. Ids from --routines are refused: the
saved profile is read without them. Written atomically; the directory is created. Prints what
was saved.
)");
  CLI::App* show = cmd->add_subcommand("show", "Print the saved profile and where it is");
  add_routines(show, a.show_routines, kRoutinesCheck);
  show->footer(R"(Examples:
  backplan profile show
  backplan profile show > backup.yaml

Prints '# Saved profile: PATH', then the file; with none saved, says so (exit code 0).
A problem in the file is an error with its line and column (exit code 3).
)");
  CLI::App* unset = cmd->add_subcommand("unset", "Forget some fields of the saved profile");
  unset
      ->add_option("fields", a.unset,
                   "Fields to forget: name, age, floor, equipment, conditions, avoid, minutes, "
                   "cleared, routine, level, clinic, clinician, contact, review_date or notes")
      ->required()
      ->type_name("FIELD");
  unset->footer(R"(Examples:
  backplan profile unset cleared
  backplan profile unset minutes level

The other fields stay; plans use the library's defaults for those forgotten. With no field
left, the saved profile is removed. Prints what is left.
)");
  cmd->add_subcommand("clear", "Remove the saved profile")->footer(R"(Example:
  backplan profile clear

Later plans start from the library's defaults again.
)");
}

void setup_log(CLI::App& app, LogOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "log", "Write a session, the next morning's pain, a measure or a goal rating in the diary");
  cmd->footer(R"(Examples:
  backplan log --pain-before 3 --pain-during 4
  backplan log --pain-before 5 --pain-during 6 --skipped side-plank-knees --note "hip sore"
  backplan log --pain-before 2 --pain-during 2 --date 2026-03-01 --time 18:30 --tag lower-back
  backplan log --morning 2                (the next morning: goes on the last session before today)
  backplan log --sitting 40 --walking-metres 1500 --toe-reach 6
  backplan log --goal 1=6,2=4             (PSFS ratings of goals 1 and 2)

A session records the plan it followed: give the same flags as 'backplan plan' (or none, for
the saved profile), so the diary keeps each step and its level as they were that day. Pains
are 0 (none) to 10 (the worst imaginable); during: the highest. --toe-reach is the gap in cm
between fingertips and toes in a standing forward reach, knees straight: positive short of the
toes, negative past them. Several entries a day are fine. Nothing is written when any value is
wrong. Exit codes: 0 logged, 2 bad flag, 3 bad file or no session for --morning, 4 red flag
(no plan, so no session), 5 cannot write the diary, 7 plan on hold, 8 the diary is damaged,
not backplan's or from a newer version.
)");
  cmd->add_option("--pain-before", o.pain_before, "Pain before the session, 0 to 10")
      ->type_name("N");
  cmd->add_option("--pain-during", o.pain_during, "The highest pain during it, 0 to 10")
      ->type_name("N");
  cmd->add_option("--morning", o.morning,
                  "The next morning's pain, 0 to 10, for the last session before that morning")
      ->type_name("N");
  cmd->add_option("--skipped", o.skipped, "Steps of the plan not done, by id")
      ->allow_extra_args(false)
      ->type_name("IDS");
  cmd->add_option("--date", o.date, "The day, YYYY-MM-DD (default: today; not in the future)")
      ->type_name("DATE");
  cmd->add_option("--time", o.time, "The time of the session, HH:MM (default: now)")
      ->type_name("HH:MM");
  cmd->add_option("--note", o.note, "A note on the session")->type_name("TEXT");
  cmd->add_option("--tag", o.tags, "Where it hurt: regions or your own words, comma-separated")
      ->allow_extra_args(false)
      ->type_name("WHERE");
  cmd->add_option("--sitting", o.sitting, "Sitting tolerance: minutes you can sit in comfort")
      ->type_name("MIN");
  cmd->add_option("--walking", o.walking, "Minutes you can walk in comfort")->type_name("MIN");
  cmd->add_option("--walking-metres", o.walking_metres, "Metres you can walk in comfort")
      ->type_name("M");
  cmd->add_option("--toe-reach", o.toe_reach,
                  "Fingertips to toes in a standing reach, cm (negative: past the toes)")
      ->type_name("CM");
  cmd->add_option("--goal", o.goal_ratings, "Rate goals: N=SCORE, 0 to 10 ('backplan goals list')")
      ->allow_extra_args(false)
      ->type_name("N=SCORE");
  add_diary_flag(cmd, o.diary);
  add_profile_flags(cmd, o.plan.profile);
  cmd->add_option("--profile", o.plan.profile_file,
                  "YAML profile used instead of the saved profile, as for 'plan'")
      ->type_name("FILE");
  cmd->add_flag("--flare", o.plan.profile.flare, "The session followed a flare-up day's plan");
  cmd->add_flag("--no-config", o.plan.no_config, "Ignore the saved profile");
  add_routines(cmd, o.plan.routines, kRoutinesOver);
}

void setup_go(CLI::App& app, GoOptions& o) {
  CLI::App* cmd =
      app.add_subcommand("go", "Do today's routine with a timer, then write it in the diary");
  cmd->footer(R"(Examples:
  backplan go
  backplan go --equipment tennis-ball --no-floor --age 68
  backplan go --speak

Full screen: the step, where you are in the session, the dose, the cues and a large countdown
for each hold, rep, pass and rest; a breathing pacer on release work. Keys: space pause and
carry on, right or n skip the step, left or b back, + and - add or take 15 s, q end early
(asks whether to log what was done), ? the keys. Asks your pain before (and, when yesterday's
session has none, this morning's) and the worst during, then writes one session in the diary.
Give the same flags as 'backplan plan' (or none, for the saved profile). Needs a terminal: in
a pipe, use 'backplan plan'. Exit codes: 0 done, 2 bad flag or not a terminal, 3 bad file,
4 red flag (no plan), 5 cannot write the diary, 7 plan on hold, 8 the diary is damaged.
)");
  cmd->add_flag("--speak", o.speak, "Speak each change through espeak-ng (when installed)");
  add_diary_flag(cmd, o.diary);
  add_profile_flags(cmd, o.plan.profile);
  cmd->add_option("--profile", o.plan.profile_file,
                  "YAML profile used instead of the saved profile, as for 'plan'")
      ->type_name("FILE");
  cmd->add_flag("--flare", o.plan.profile.flare, "Follow a flare-up day's plan");
  cmd->add_flag("--no-config", o.plan.no_config, "Ignore the saved profile");
  add_routines(cmd, o.plan.routines, kRoutinesOver);
}

void setup_goals(CLI::App& app, GoalsOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "goals", "Name up to five activities your back makes hard, and rate them now and then");
  cmd->require_subcommand(1);
  cmd->footer(R"(Examples:
  backplan goals add "tie my shoes"
  backplan goals list
  backplan goals rate 1 6
  backplan goals drop 2

The Patient-Specific Functional Scale: each goal is rated from 0 (can't do it) to 10 (as well
as before the problem). At most five are active; a dropped goal keeps its number and ratings.
Exit codes: 0 done, 2 bad value or unknown goal, 3 five goals active already, 5 cannot write,
8 the diary is damaged, not backplan's or from a newer version.
)");
  add_diary_flag(cmd, o.diary);
  CLI::App* add = cmd->add_subcommand("add", "Add a goal: an activity, in your words");
  add->add_option("activity", o.activity, "The activity, e.g. \"tie my shoes\"")
      ->required()
      ->type_name("TEXT");
  add->add_option("--date", o.date, "The day it was named, YYYY-MM-DD (default: today)")
      ->type_name("DATE");
  add_diary_flag(add, o.diary);
  CLI::App* list = cmd->add_subcommand("list", "The goals, with their last rating");
  add_diary_flag(list, o.diary);
  CLI::App* drop = cmd->add_subcommand("drop", "Stop rating a goal (it stays in the history)");
  drop->add_option("N", o.number, "The goal's number")->required()->type_name("N");
  drop->add_option("--date", o.date, "The day, YYYY-MM-DD (default: today)")->type_name("DATE");
  add_diary_flag(drop, o.diary);
  CLI::App* rate = cmd->add_subcommand("rate", "Rate a goal from 0 (can't do it) to 10");
  rate->add_option("N", o.number, "The goal's number")->required()->type_name("N");
  rate->add_option("SCORE", o.score, "0 (can't do it) to 10 (as before the problem)")
      ->required()
      ->type_name("SCORE");
  rate->add_option("--date", o.date, "The day, YYYY-MM-DD (default: today)")->type_name("DATE");
  add_diary_flag(rate, o.diary);
}

struct DiaryArgs {
  DiaryExportOptions export_options;
  DiaryImportOptions import_options;
  std::optional<std::string> path_diary;
};

void setup_diary(CLI::App& app, DiaryArgs& a) {
  CLI::App* cmd = app.add_subcommand("diary", "Export, import or locate the diary");
  cmd->require_subcommand(1);
  cmd->footer(R"(Examples:
  backplan diary export -o backup.json
  backplan diary export --format csv -o diary.csv
  backplan diary import backup.json
  backplan diary path

The export (format backplan-diary-1, see the README) holds every session, measure, goal and
rating; importing it again adds only what is not there yet, so it is safe to repeat.
Exit codes: 0 done, 2 bad flag, 3 bad import file, 5 cannot write, 8 the diary is damaged, not
backplan's or from a newer version.
)");
  CLI::App* exp = cmd->add_subcommand("export", "Write the whole diary as JSON or CSV");
  exp->add_option("--format", a.export_options.format, "json (default) or csv")
      ->type_name("FORMAT");
  exp->add_option("-o,--output", a.export_options.output,
                  "Write to FILE instead of standard output")
      ->type_name("FILE");
  add_diary_flag(exp, a.export_options.diary);
  CLI::App* imp = cmd->add_subcommand("import", "Add what a diary export holds to the diary");
  imp->add_option("file", a.import_options.file, "A diary export (JSON), or - for standard input")
      ->required()
      ->type_name("FILE");
  add_diary_flag(imp, a.import_options.diary);
  CLI::App* path = cmd->add_subcommand("path", "Print where the diary is");
  add_diary_flag(path, a.path_diary);
}

void setup_completions(CLI::App& app, std::string& shell) {
  CLI::App* cmd = app.add_subcommand("completions", "Print a shell completion script");
  cmd->add_option("shell", shell, "bash, zsh or fish")->required()->type_name("SHELL");
  cmd->footer(R"(Examples:
  source <(backplan completions bash)
  backplan completions zsh > ~/.zfunc/_backplan
  backplan completions fish > ~/.config/fish/completions/backplan.fish

The scripts ask backplan itself for names at completion time, so conditions, equipment,
regions and routines always match the library (and any --routines on the command line).
)");
}

// What `history` reads from the command line, before it is checked.
struct HistoryArgs {
  HistoryCommandOptions options;
  std::optional<std::string> format;  // not given: from -o FILE's extension, else text
  std::optional<std::string> since, until;
};

void setup_history(CLI::App& app, HistoryArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "history", "Show the diary over time: pain, sessions and level changes, or a report");
  cmd->add_option("--format", a.format,
                  "text (default: a table and a chart), csv, json, html (a one-page report for a "
                  "clinician) or svg (its pain chart); without it, -o FILE picks it from FILE's "
                  "extension (.txt, .csv, .json, .html, .svg)")
      ->type_name("FORMAT");
  cmd->add_option("--since", a.since,
                  "First day, YYYY-MM-DD (default: 4 weeks back for text, else the first session)")
      ->type_name("DATE");
  cmd->add_option("--until", a.until, "Last day, YYYY-MM-DD (default: today)")->type_name("DATE");
  cmd->add_option("-o,--output", a.options.output, "Write to FILE instead of standard output")
      ->type_name("FILE");
  cmd->add_option("--diary", a.options.diary,
                  "The diary file (default: $XDG_DATA_HOME/backplan/diary.sqlite)")
      ->type_name("FILE");
  cmd->footer(R"(Examples:
  backplan history
  backplan history --since 2026-09-01 --until 2026-09-30
  backplan history -o report.html                 (the one-page report, to print)
  backplan history --format csv > sessions.csv
  backplan history --format json --diary client.sqlite

Each day shows the highest pain logged that day. CSV has one row per session (columns:
date, time, routine, level, pain_before, pain_during, pain_morning, steps_done, steps_total,
skipped, tags, note, changes, uid); JSON is the documented backplan-history-1 format. An empty
diary is not an error. Exit codes: 0 done, 2 bad flag, 5 cannot write the output, 8 bad diary.
)");
}

HistoryCommandOptions finish_history(const HistoryArgs& a) {
  HistoryCommandOptions o = a.options;
  std::optional<HistoryFormat> by_name;
  if (o.output != "-") by_name = history_format_for_file(o.output);
  if (!a.format) {
    o.format = by_name.value_or(HistoryFormat::text);
  } else if (const auto format = kHistoryFormatNames.parse(*a.format)) {
    o.format = *format;
    if (by_name && *by_name != o.format) {
      throw Error::flag("--format",
                        fmt::format("{} does not fit -o '{}', whose name says {}; leave --format "
                                    "out, or give the file a name that fits",
                                    *a.format, o.output, kHistoryFormatNames.name(*by_name)));
    }
  } else {
    throw Error::flag("--format",
                      unknown_message("format", *a.format, kHistoryFormatNames.names()));
  }
  for (const auto& [flag, text, into] :
       {std::tuple{"--since", &a.since, &o.since}, std::tuple{"--until", &a.until, &o.until}}) {
    if (!*text) continue;
    if (const auto problem = iso_date_problem(**text)) throw Error::flag(flag, *problem);
    *into = parse_iso_date(**text);
  }
  if (o.since && o.until && before(*o.until, *o.since)) {
    throw Error::flag("--until", fmt::format("{} is before --since {}", *a.until, *a.since));
  }
  if (o.output.empty())
    throw Error::flag("--output", "needs a file name, or '-' for standard output");
  return o;
}

// The shape of the command line, for completion.
CommandSpec command_spec(const CLI::App& app) {
  CommandSpec spec;
  spec.name = app.get_name();
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_positional()) {
      spec.positionals.push_back({opt->get_type_name(), opt->get_items_expected_max() > 1});
      continue;
    }
    OptionSpec o;
    for (const auto& name : opt->get_lnames()) o.names.push_back("--" + name);
    for (const auto& name : opt->get_snames()) o.names.push_back("-" + name);
    o.takes_value = opt->get_type_size() != 0;
    o.value_name = opt->get_type_name();
    spec.options.push_back(o);
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden
    spec.subcommands.push_back(command_spec(*sub));
  }
  return spec;
}

// The commands the program has, in the order --help lists them.
std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (!sub->get_group().empty()) names.push_back(sub->get_name());
  }
  return names;
}

// Long option names of a (sub)command, for "did you mean".
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& name : opt->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

// The innermost command given (`profile save`), and how messages name it.
const CLI::App* active_command(const CLI::App& app, std::string& path) {
  const CLI::App* active = &app;
  path = "backplan";
  for (auto subs = active->get_subcommands(); !subs.empty(); subs = active->get_subcommands()) {
    active = subs.front();
    path += " " + active->get_name();
  }
  return active;
}

// What an ExtrasError is about: the first word that looks like an option, else the first word.
std::string unexpected_word(const CLI::App& app) {
  const std::vector<std::string> words = app.remaining(true);
  for (const auto& w : words) {
    if (!w.empty() && w[0] == '-') return w;
  }
  return words.empty() ? std::string() : words.front();
}

// One line for a CLI11 parse error, worded from its type; a suggestion for a mistyped option.
std::string describe_parse_error(const CLI::ParseError& e, const CLI::App& app) {
  std::string path;
  const CLI::App* active = active_command(app, path);
  const std::string help = path + " --help";
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    const std::string word = unexpected_word(app);
    if (!word.empty() && word[0] == '-') {
      const std::string key = word.substr(0, word.find('='));
      return fmt::format("{}; see '{}'", unknown_message("option", key, option_names(*active)),
                         help);
    }
    if (active == &app) {
      return fmt::format("{}; see '{}'", unknown_message("command", word, command_names(app)),
                         help);
    }
    return fmt::format("unexpected argument '{}'; see '{}'", word, help);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    for (const CLI::Option* opt : active->get_options()) {
      if (opt->get_required() && opt->count() == 0) {
        if (opt->get_positional()) {
          return fmt::format("{} needs {} ({}); see '{}'", path, opt->get_type_name(),
                             opt->get_description(), help);
        }
        return fmt::format("{} {} is required; see '{}'", opt->get_name(), opt->get_type_name(),
                           help);
      }
    }
    if (active->get_require_subcommand_min() > 0 && active->get_subcommands().empty()) {
      return fmt::format("{} needs a command: {}; see '{}'", path,
                         fmt::join(command_names(*active), ", "), help);
    }
  }
  // A missing or repeated value, a value given to a flag: CLI11 words them its own way ("--age:
  // At Most 1 required but received 2"); ours name the option and what to do.
  const std::string what = e.what();
  const CLI::Option* opt = nullptr;
  for (const CLI::Option* o : active->get_options()) {
    for (const auto& name : o->get_lnames()) {
      if (what.find("--" + name) != std::string::npos) opt = o;
    }
  }
  if (opt != nullptr) {
    const std::string name = "--" + opt->get_lnames().front();
    if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
      return fmt::format("{}: takes no value; give it alone; see '{}'", name, help);
    }
    if (what.find("At Most") != std::string::npos) {
      return fmt::format("{}: given more than once; give it once; see '{}'", name, help);
    }
    if (what.find("missing") != std::string::npos) {
      return fmt::format("{}: needs a value ({}); see '{}'", name, opt->get_type_name(), help);
    }
  }
  return fmt::format("cannot read the command line ({}); see '{}'", what, help);
}

}  // namespace

// The words after the program name, rearranged for CLI11: `help [COMMAND...]` becomes
// `[COMMAND...] --help`; options before a command (`--routines x list exercises`) move after it;
// with no command, `plan` (the default command) goes first. `takes_value`: whether an option
// reads the next word as its value.
template <typename TakesValue>
std::vector<std::string> arrange(std::vector<std::string> words,
                                 const std::vector<std::string>& commands, TakesValue takes_value) {
  if (!words.empty() && words.front() == "help") {
    words.erase(words.begin());
    words.emplace_back("--help");
    return words;
  }
  const std::string first = words.empty() ? "" : words.front();
  if (first == "-h" || first == "--help" || first == "--version") return words;
  if (!words.empty() && (first.empty() || first[0] != '-')) return words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "--") break;
    if (!w.empty() && w[0] == '-') {
      if (w.find('=') == std::string::npos && takes_value(w)) ++i;
      continue;
    }
    if (std::find(commands.begin(), commands.end(), w) != commands.end()) {
      std::rotate(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i),
                  words.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      return words;
    }
    break;  // a word that is not a command: plan's (and plan says what is wrong with it)
  }
  words.insert(words.begin(), "plan");
  return words;
}

int run_cli(int argc, const char* const* argv) {
  std::vector<std::string> words;
  for (int i = 1; i < argc; ++i) words.emplace_back(argv[i]);
  CLI::App app("backplan — a safe, sequenced daily routine for low-back pain", "backplan");
  app.set_version_flag("--version", std::string("backplan ") + BACKPLAN_VERSION);
  app.require_subcommand(1);
  app.footer(R"(Examples:
  backplan --age 68 --no-floor --equipment tennis-ball
  backplan list conditions
  backplan show curl-up
  backplan profile save --age 68 --equipment tennis-ball

With no command, backplan runs 'plan'; 'backplan help COMMAND' (or 'backplan COMMAND --help')
shows each command's options, which may also come before it (backplan --routines mine/ list).
Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad data, 4 red flag, 5 cannot write, 6 batch
rows skipped, 7 plan on hold until a clinician clears it, 8 the diary is damaged, not
backplan's or from a newer version. See backplan(1).
)");
  PlanArgs plan_args;
  setup_plan(app, plan_args);
  ValidateOptions validate_options;
  setup_validate(app, validate_options);
  BatchOptions batch_options;
  setup_batch(app, batch_options);
  ListOptions list_options;
  setup_list(app, list_options);
  ShowOptions show_options;
  setup_show(app, show_options);
  ProfileCommandArgs profile_args;
  setup_profile(app, profile_args);
  LogOptions log_options;
  setup_log(app, log_options);
  GoOptions go_options;
  setup_go(app, go_options);
  GoalsOptions goals_options;
  setup_goals(app, goals_options);
  DiaryArgs diary_args;
  setup_diary(app, diary_args);
  std::string completion_shell;
  setup_completions(app, completion_shell);
  HistoryArgs history_args;
  setup_history(app, history_args);
  std::vector<std::string> help_words;
  app.add_subcommand("help", "Show the help of backplan or of a command ('help profile save')")
      ->add_option("command", help_words, "A command, as 'backplan COMMAND --help' shows it")
      ->type_name("COMMAND");

  const std::vector<std::string> commands = command_names(app);
  const std::string first = argc > 1 ? argv[1] : "";
  if (argc > 1 && (first.empty() || first[0] != '-') && first != kCompleteCommand &&
      std::find(commands.begin(), commands.end(), first) == commands.end()) {
    say_error(
        fmt::format("{}; see 'backplan --help'", unknown_message("command", first, commands)));
    return static_cast<int>(ExitCode::usage);
  }
  if (first == "help" && argc > 2 && std::string(argv[2]) != "help" &&
      std::find(commands.begin(), commands.end(), argv[2]) == commands.end()) {
    say_error(
        fmt::format("{}; see 'backplan --help'", unknown_message("command", argv[2], commands)));
    return static_cast<int>(ExitCode::usage);
  }
  // Whether an option of any command reads the next word as its value.
  auto takes_value = [&](const std::string& word) {
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      for (const CLI::Option* opt : sub->get_options()) {
        if (opt->check_name(word)) return opt->get_type_size() != 0;
      }
    }
    return false;
  };
  std::vector<std::string> args = arrange(words, commands, takes_value);
  std::reverse(args.begin(), args.end());  // CLI11 takes them reversed

  if (first == kCompleteCommand) {
    // `backplan __complete -- WORDS...`, from the completion scripts; never through CLI11.
    std::vector<std::string> words;
    for (int i = 2; i < argc; ++i) {
      if (i == 2 && std::string(argv[i]) == "--") continue;
      words.emplace_back(argv[i]);
    }
    return run_complete(command_spec(app), words);
  }

  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, std::cout, std::cerr);
    say_error(describe_parse_error(e, app));
    return static_cast<int>(ExitCode::usage);
  }

  try {
    if (app.got_subcommand("plan")) {
      PlanOptions o = finish_plan(plan_args);
      o.today = local_now().date;
      return run_plan(o);
    }
    if (app.got_subcommand("validate")) return run_validate(validate_options);
    if (app.got_subcommand("batch")) {
      check_clinic(batch_options.clinic);
      return run_batch(batch_options);
    }
    if (app.got_subcommand("list")) return run_list(list_options);
    if (app.got_subcommand("show")) return run_show(show_options);
    if (app.got_subcommand("completions")) return run_completions(completion_shell);
    if (app.got_subcommand("log")) {
      log_options.now = local_now();
      return run_log(log_options);
    }
    if (app.got_subcommand("go")) {
      go_options.now = local_now();
      return run_go(go_options);
    }
    if (CLI::App* goals = app.get_subcommand("goals"); goals->parsed()) {
      goals_options.now = local_now();
      if (goals->got_subcommand("add")) return run_goals_add(goals_options);
      if (goals->got_subcommand("list")) return run_goals_list(goals_options);
      if (goals->got_subcommand("drop")) return run_goals_drop(goals_options);
      if (goals->got_subcommand("rate")) return run_goals_rate(goals_options);
    }
    if (CLI::App* diary = app.get_subcommand("diary"); diary->parsed()) {
      if (diary->got_subcommand("export")) return run_diary_export(diary_args.export_options);
      if (diary->got_subcommand("import")) return run_diary_import(diary_args.import_options);
      if (diary->got_subcommand("path")) return run_diary_path(diary_args.path_diary);
    }
    if (app.got_subcommand("history")) return run_history(finish_history(history_args));
    if (CLI::App* profile = app.get_subcommand("profile"); profile->parsed()) {
      if (profile->got_subcommand("save")) {
        check_clinic(profile_args.save.clinic);
        return run_profile_save(profile_args.save);
      }
      if (profile->got_subcommand("show")) return run_profile_show(profile_args.show_routines);
      if (profile->got_subcommand("clear")) return run_profile_clear();
      if (profile->got_subcommand("unset")) return run_profile_unset(profile_args.unset);
    }
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
