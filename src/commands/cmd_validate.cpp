#include "commands/cmd_validate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <variant>

#include "load/library_loader.h"
#include "plan/planner.h"
#include "resolve/profile.h"

namespace backplan {

namespace {

bool is_builtin(const Location& at) {
  return at.path.rfind("<built-in>/", 0) == 0;
}

}  // namespace

void check_slots_fit(const Library& library, DiagnosticSink& sink) {
  // Whether each slot can be filled, not whether all fit at once: the phases' caps are lifted.
  Library lib = library;
  for (auto& routine : lib.routines) {
    for (auto& phase : routine.phases) phase.max_minutes.reset();
  }
  for (const auto& routine : lib.routines) {
    for (const bool floor : {true, false}) {
      Profile p;
      p.floor = floor;
      p.equipment = equipment_choices(lib);
      p.minutes = kMaxMinutes;
      p.routine = routine.id;
      const PlanResult result = make_plan(lib, p);
      const Plan* plan = std::get_if<Plan>(&result);
      if (!plan) continue;  // an automatic red flag is reported by the loader
      for (const auto& phase : routine.phases) {
        for (const auto& slot : phase.slots) {
          bool filled = false;
          for (const auto& planned : plan->phases) {
            for (const auto& step : planned.steps) filled = filled || step.slot == slot.exercise.id;
          }
          if (filled) continue;
          std::string why;
          for (const auto& o : plan->omitted) {
            if (o.id == slot.exercise.id && !o.why.empty()) why = o.why.front();
          }
          // The slot is in the built-in routine but the user's file changed what fills it: the
          // message goes to the user's exercise (the slot's own, else the first alternative
          // the user defines), so that `validate DIR` points into DIR.
          Location at = slot.exercise.at;
          if (is_builtin(at)) {
            std::vector<std::string> queue{slot.exercise.id};
            for (std::size_t i = 0; i < queue.size() && is_builtin(at); ++i) {
              const Exercise* x = lib.find_exercise(queue[i]);
              if (!x) continue;
              if (!is_builtin(x->at)) at = x->at;
              for (const auto& a : x->alternatives) {
                if (std::find(queue.begin(), queue.end(), a.id) == queue.end())
                  queue.push_back(a.id);
              }
            }
          }
          sink.error(at, fmt::format("routine '{}': nothing can fill the slot '{}'{} for a person "
                                     "{} floor access who has every tool ({})",
                                     routine.id, slot.exercise.id,
                                     at.path == slot.exercise.at.path
                                         ? ""
                                         : fmt::format(" (at {})", to_string(slot.exercise.at)),
                                     floor ? "with" : "without", why));
        }
      }
    }
  }
}

int run_validate(const ValidateOptions& options) {
  DiagnosticSink sink;
  std::vector<std::vector<SourceFile>> layers;
  if (!options.alone || options.paths.empty()) layers.push_back(builtin_library_files());
  std::vector<SourceFile> user;
  for (const auto& path : options.paths) {
    try {
      for (auto& file : read_library_path(path)) user.push_back(std::move(file));
    } catch (const Error& e) {
      if (!e.diagnostic()) throw;
      sink.error(e.diagnostic()->where, e.diagnostic()->message);
    }
  }
  if (!user.empty()) layers.push_back(std::move(user));
  const std::size_t files = options.paths.empty() ? layers.front().size() : layers.back().size();
  Library lib;
  if (sink.empty()) lib = load_library(layers, sink);
  if (sink.empty()) check_slots_fit(lib, sink);
  for (const auto& d : sink.items()) std::fputs((format_diagnostic(d) + "\n").c_str(), stderr);
  if (!sink.empty()) {
    std::fputs(fmt::format("{} problem{} found\n", sink.items().size(),
                           sink.items().size() == 1 ? "" : "s")
                   .c_str(),
               stderr);
    return static_cast<int>(ExitCode::bad_data);
  }
  // A user's exercise without a figure is fine, but its handout step shows no picture.
  for (const auto& x : lib.exercises) {
    if (!x.figure && x.at.path.rfind("<built-in>", 0) != 0) {
      std::fputs(fmt::format("{}: warning: exercise '{}' has no figure, so a handout shows no "
                             "picture of it (see 'figure' in backplan-routines(5))\n",
                             to_string(x.at), x.id)
                     .c_str(),
                 stderr);
    }
  }
  const auto s = [](std::size_t n) { return n == 1 ? "" : "s"; };
  std::fputs(
      fmt::format("ok: {} file{}, {} exercise{}, {} condition{}, {} routine{}, {} source{}\n",
                  files, s(files), lib.exercises.size(), s(lib.exercises.size()),
                  lib.conditions.size(), s(lib.conditions.size()), lib.routines.size(),
                  s(lib.routines.size()), lib.sources.size(), s(lib.sources.size()))
          .c_str(),
      stdout);
  return static_cast<int>(ExitCode::ok);
}

}  // namespace backplan
