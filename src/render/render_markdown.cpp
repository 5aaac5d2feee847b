#include "render/render_markdown.h"

#include <fmt/format.h>

#include "render/render_text.h"
#include "text/escape.h"
#include "text/suggest.h"

namespace backplan {

std::string render_markdown(const Plan& plan, const HandoutOptions& options) {
  std::string out;
  auto block = [&](const std::string& s) {
    if (!out.empty()) out += '\n';
    out += s + "\n";
  };
  auto list = [&](const std::vector<std::string>& items) {
    std::string s;
    for (const auto& item : items) s += "- " + item + "\n";
    s.pop_back();
    block(s);
  };
  const auto md = markdown_escape;

  std::string title = md(plan.routine_name);
  if (plan.profile.name) title += " for " + md(*plan.profile.name);
  block("# " + title);
  if (options.date) block("Date: " + *options.date);
  block(md(profile_summary(plan)));
  block(fmt::format("About {} of your {}.", duration_in_words(plan.total_seconds),
                    duration_in_words(plan.budget_seconds)));

  if (!plan.notices.empty()) {
    block("## Before you start");
    std::vector<std::string> items;
    for (const auto& n : plan.notices) {
      items.push_back(fmt::format("**{}** {}", notice_label(n.level), md(n.text)));
    }
    list(items);
  }

  int number = 0;
  for (const auto& phase : plan.phases) {
    int seconds = 0;
    for (const auto& s : phase.steps) seconds += s.seconds;
    block(fmt::format("## {} · {}", md(phase.title), duration_in_words(seconds)));
    for (const auto& s : phase.steps) {
      ++number;
      block(fmt::format("### {}. {} · {}", number, md(s.name), duration_in_words(s.seconds)));
      std::string dose = dose_in_words(s.dose, s.phase);
      if (!s.equipment.empty()) {
        std::vector<std::string> tools;
        for (const auto& id : s.equipment) tools.push_back(md(plan.name_of(id)));
        dose += " · " + join(tools, ", ");
      }
      block(dose);
      if (!s.cues.empty()) {
        std::vector<std::string> cues;
        for (const auto& cue : s.cues) cues.push_back(md(cue));
        list(cues);
      }
      if (s.replaces) {
        std::vector<std::string> why;
        for (const auto& w : s.why) why.push_back(md(w));
        block(fmt::format("*Instead of {}:* {}", md(plan.name_of(*s.replaces)), join(why, "; ")));
      }
      if (!s.changes.empty()) {
        std::vector<std::string> changes;
        for (const auto& c : s.changes) changes.push_back(md(c));
        block(fmt::format("*Changed:* {}", join(changes, "; ")));
      }
    }
  }

  if (!plan.omitted.empty()) {
    block("## Left out");
    std::vector<std::string> items;
    for (const auto& o : plan.omitted) {
      std::vector<std::string> why;
      for (const auto& w : o.why) why.push_back(md(w));
      items.push_back(fmt::format("{} ({}): {}", md(o.name), to_string(o.phase), join(why, "; ")));
    }
    list(items);
  }
  block(fmt::format("**Total: {}**", duration_in_words(plan.total_seconds)));
  return out;
}

}  // namespace backplan
