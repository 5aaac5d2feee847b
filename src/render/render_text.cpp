#include "render/render_text.h"

#include <fmt/color.h>
#include <fmt/format.h>

#include "render/handout.h"
#include "text/suggest.h"
#include "text/utf8.h"

namespace backplan {

namespace {

std::string plural(int n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string bold(const std::string& s) const {
    return on_ ? fmt::format(fmt::emphasis::bold, "{}", s) : s;
  }
  std::string level(NoticeLevel level, const std::string& s) const {
    if (!on_) return s;
    switch (level) {
      case NoticeLevel::stop:
      case NoticeLevel::clearance:
        return fmt::format(fg(fmt::terminal_color::red) | fmt::emphasis::bold, "{}", s);
      case NoticeLevel::notice:
        return fmt::format(fg(fmt::terminal_color::yellow) | fmt::emphasis::bold, "{}", s);
      case NoticeLevel::info:
        return fmt::format(fg(fmt::terminal_color::cyan), "{}", s);
    }
    return s;
  }
  std::string dim(const std::string& s) const {
    return on_ ? fmt::format(fmt::emphasis::italic, "{}", s) : s;
  }

 private:
  bool on_;
};

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
    std::vector<std::string> reps;
    for (int r : d.reps) reps.push_back(std::to_string(r));
    const std::string rounds = plural(d.sets, "round", "rounds");
    if (d.hold_seconds) {
      const bool one = d.reps.size() == 1 && d.reps[0] == 1;
      out = fmt::format("{} of {} {} of {} s", rounds, join(reps), one ? "hold" : "holds",
                        *d.hold_seconds);
    } else {
      out = fmt::format("{} of {} slow {}", rounds, join(reps),
                        d.reps.size() == 1 && d.reps[0] == 1 ? "rep" : "reps");
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

std::string render_text(const Plan& plan, const TextOptions& options) {
  const Painter paint(options.color);
  const int width = options.width;
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };

  const std::string who = plan.profile.name ? fmt::format(" for {}", *plan.profile.name) : "";
  line(paint.bold(wrap(fmt::format("{}{}", plan.routine_name, who), width, "", "")));
  line(wrap(profile_summary(plan), width, "", ""));
  line(fmt::format("About {} of your {}.", duration_in_words(plan.total_seconds),
                   duration_in_words(plan.budget_seconds)));

  if (!plan.notices.empty()) {
    line("");
    line(paint.bold("Before you start"));
    for (const auto& n : plan.notices) {
      const std::string tag = notice_label(n.level);
      const std::string first =
          "  " + paint.level(n.level, tag) + std::string(11 - tag.size(), ' ');
      // Wrap on the plain prefix so colour codes do not count as columns.
      std::string wrapped =
          wrap(n.text, width, "  " + tag + std::string(11 - tag.size(), ' '), std::string(13, ' '));
      line(first + wrapped.substr(13));
    }
  }

  int number = 0;
  for (const auto& phase : plan.phases) {
    int seconds = 0;
    for (const auto& s : phase.steps) seconds += s.seconds;
    line("");
    line(paint.bold(fmt::format("{} · {}", phase.title, duration_in_words(seconds))));
    for (const auto& s : phase.steps) {
      ++number;
      const std::string time = duration_in_words(s.seconds);
      const std::string head = fmt::format("{:>3}. {}", number, s.name);
      const int pad = width - columns(head) - columns(time);
      if (pad >= 2) {
        line(paint.bold(head) + std::string(static_cast<std::size_t>(pad), ' ') + time);
      } else {
        line(paint.bold(wrap(s.name, width, fmt::format("{:>3}. ", number), "     ")));
        line(std::string(static_cast<std::size_t>(width - columns(time)), ' ') + time);
      }
      std::string dose = dose_in_words(s.dose, s.phase);
      if (!s.equipment.empty()) {
        std::vector<std::string> tools;
        for (const auto& id : s.equipment) tools.push_back(plan.name_of(id));
        dose += " · " + join(tools, ", ");
      }
      line(wrap(dose, width, "     ", "     "));
      for (const auto& cue : s.cues) line(wrap(cue, width, "     - ", "       "));
      if (s.replaces) {
        line(paint.dim(
            wrap(fmt::format("Instead of {}: {}", plan.name_of(*s.replaces), join(s.why, "; ")),
                 width, "     ", "     ")));
      }
      if (!s.changes.empty()) {
        line(paint.dim(
            wrap(fmt::format("Changed: {}", join(s.changes, "; ")), width, "     ", "     ")));
      }
    }
  }

  if (!plan.omitted.empty()) {
    line("");
    line(paint.bold("Left out"));
    for (const auto& o : plan.omitted) {
      line(wrap(fmt::format("{} ({}): {}", o.name, to_string(o.phase), join(o.why, "; ")), width,
                "  - ", "    "));
    }
  }
  line("");
  line(paint.bold(fmt::format("Total: {}", duration_in_words(plan.total_seconds))));
  return out;
}

}  // namespace backplan
