#include "render/view.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "render/handout.h"

namespace backplan {

namespace {

std::string plural(int n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string escaped_join(const std::vector<std::string>& items, Escape escape,
                         const char* separator) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(escape(item));
  return fmt::format("{}", fmt::join(out, separator));
}

}  // namespace

std::string duration_in_words(int seconds) {
  const int m = seconds / 60;
  const int s = seconds % 60;
  if (m == 0) return fmt::format("{} s", s);
  if (s == 0) return fmt::format("{} min", m);
  return fmt::format("{} min {} s", m, s);
}

std::string dose_in_words(const StepDose& d, Phase phase) {
  std::string out;
  if (!d.reps.empty()) {
    const std::string rounds = plural(d.sets, "round", "rounds");
    const bool one = d.reps.size() == 1 && d.reps[0] == 1;
    if (d.hold_seconds) {
      out = fmt::format("{} of {} {} of {} s", rounds, fmt::join(d.reps, ", "),
                        one ? "hold" : "holds", *d.hold_seconds);
    } else {
      out = fmt::format("{} of {} slow {}", rounds, fmt::join(d.reps, ", "), one ? "rep" : "reps");
    }
  } else if (phase == Phase::release) {
    out = fmt::format("{} of {} s", plural(d.sets, "pass", "passes"), d.hold_seconds.value_or(0));
  } else {
    out = fmt::format("{} of {} s", plural(d.sets, "hold", "holds"), d.hold_seconds.value_or(0));
  }
  if (d.per_side) out += " on each side";
  if (d.sets > 1 && d.rest_seconds > 0)
    out += fmt::format(", {} s rest between rounds", d.rest_seconds);
  return out;
}

HandoutView make_view(const Plan& plan) {
  HandoutView view;
  view.routine = plan.routine_name;
  view.person = plan.profile.name;
  view.summary = profile_summary(plan);
  if (!plan.held()) {
    std::vector<std::string> caps;  // "fibromyalgia", as the middle of a sentence has it
    for (std::string name : plan.capped_by) {
      if (name.size() > 1 && name[0] >= 'A' && name[0] <= 'Z' &&
          !(name[1] >= 'A' && name[1] <= 'Z'))
        name[0] = static_cast<char>(name[0] - 'A' + 'a');
      caps.push_back(std::move(name));
    }
    view.about =
        caps.empty()
            ? fmt::format("About {} of your {}, moving between steps included.",
                          duration_in_words(plan.total_seconds),
                          duration_in_words(plan.budget_seconds))
            : fmt::format(
                  "About {} of the {} {} allow{} (you have {}), moving between steps "
                  "included.",
                  duration_in_words(plan.total_seconds), duration_in_words(plan.budget_seconds),
                  fmt::join(caps, " and "), caps.size() == 1 ? "s" : "",
                  duration_in_words(plan.profile.minutes * 60));
  }
  view.stop_if = plan.stop_if;
  for (const auto& n : plan.notices)
    view.notices.push_back({n.level, notice_label(n.level), n.text});
  int number = 0;
  for (const auto& phase : plan.phases) {
    PhaseView p;
    p.id = phase.id;
    p.title = phase.title;
    int seconds = 0;
    for (const auto& s : phase.steps) {
      seconds += s.seconds;
      StepView step;
      step.number = ++number;
      step.name = s.name;
      step.time = duration_in_words(s.seconds);
      step.dose = dose_in_words(s.dose, s.phase);
      for (const auto& id : s.equipment) step.tools.push_back(plan.name_of(id));
      step.cues = s.cues;
      step.own_cues = s.own_cues;
      if (s.replaces) step.replaces = plan.name_of(*s.replaces);
      step.why = s.why;
      step.changes = s.changes;
      p.steps.push_back(std::move(step));
    }
    p.time = duration_in_words(seconds);
    view.phases.push_back(std::move(p));
  }
  if (plan.held()) {
    std::vector<std::string> names;
    for (const auto& id : plan.held_by) names.push_back(plan.name_of(id));
    view.held = fmt::format(
        "Waiting for clearance: {}. Every step of this routine waits for a clinician's go-ahead; "
        "the notice above says whom to ask. Once they agree, make the plan again and it will "
        "include the exercises.",
        fmt::join(names, "; "));
  } else {
    for (const auto& o : plan.omitted) {
      view.omitted.push_back({o.name, std::string(to_string(o.phase)), o.why});
    }
  }
  view.total = fmt::format("Total: {}", duration_in_words(plan.total_seconds));
  return view;
}

std::string plain(const std::string& text) {
  return text;
}

std::string title_line(const HandoutView& view, Escape escape) {
  return view.person ? escape(view.routine) + " for " + escape(*view.person) : escape(view.routine);
}

std::string dose_line(const StepView& step, Escape escape) {
  if (step.tools.empty()) return step.dose;
  return step.dose + " · " + escaped_join(step.tools, escape, ", ");
}

std::string instead_line(const StepView& step, Escape escape, const std::string& open,
                         const std::string& close) {
  if (!step.replaces) return {};
  return fmt::format("{}Instead of {}:{} {}", open, escape(*step.replaces), close,
                     escaped_join(step.why, escape, "; "));
}

std::string changed_line(const StepView& step, Escape escape, const std::string& open,
                         const std::string& close) {
  if (step.changes.empty()) return {};
  return fmt::format("{}Changed:{} {}", open, close, escaped_join(step.changes, escape, "; "));
}

std::string left_out_line(const OmittedView& omitted, Escape escape) {
  return fmt::format("{} ({}): {}", escape(omitted.name), omitted.phase,
                     escaped_join(omitted.why, escape, "; "));
}

}  // namespace backplan
