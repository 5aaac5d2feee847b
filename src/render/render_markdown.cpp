#include "render/render_markdown.h"

#include <fmt/format.h>

#include "render/view.h"
#include "text/escape.h"

namespace backplan {

std::string render_markdown(const Plan& plan, const HandoutOptions& options) {
  const HandoutView view = make_view(plan);
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
  const Escape md = markdown_escape;

  block("# " + title_line(view, md));
  if (options.date) block("Date: " + *options.date);
  block(md(view.summary));
  for (const auto& l : clinic_lines(options.clinic, md)) block(l);
  if (!view.about.empty()) block(view.about);
  if (!view.practice.empty()) block(md(view.practice));

  if (!view.stop_if.empty()) {
    block(fmt::format("## {}", kStopIfTitle));
    std::vector<std::string> signs;
    for (const auto& sign : view.stop_if) signs.push_back(md(sign));
    list(signs);
  }

  if (!view.notices.empty()) {
    block("## Before you start");
    std::vector<std::string> items;
    for (const auto& n : view.notices)
      items.push_back(fmt::format("**{}** {}", n.label, md(n.handout)));
    list(items);
  }

  if (!view.held.empty()) {
    block(fmt::format("## {}", kHeldTitle));
    block(md(view.held));
    return out;
  }

  for (const auto& phase : view.phases) {
    block(fmt::format("## {} · {}", md(phase.title), phase.time));
    for (const auto& s : phase.steps) {
      block(fmt::format("### {}. {} · {}", s.number, md(s.name), s.time));
      block(dose_line(s, md));
      // Brief: the cues a condition or the day added stay (they carry safety).
      std::vector<std::string> cues;
      for (std::size_t i = options.brief ? s.own_cues : 0; i < s.cues.size(); ++i)
        cues.push_back(md(s.cues[i]));
      if (!cues.empty()) list(cues);
      if (options.brief) continue;
      if (s.replaces) block(instead_line(s, md, "*", "*"));
      if (!s.changes.empty()) block(changed_line(s, md, "*", "*"));
    }
  }

  if (!options.brief && !view.changes.empty()) {
    block(fmt::format("## {}", kChangesTitle));
    std::vector<std::string> items;
    for (const auto& c : view.changes) items.push_back(change_line(c, md, "**", "**"));
    list(items);
  }
  if (!options.brief && !view.omitted.empty()) {
    block("## Left out");
    std::vector<std::string> items;
    for (const auto& o : view.omitted) items.push_back(left_out_line(o, md));
    list(items);
  }
  if (!options.brief && !view.help.empty()) {
    block(fmt::format("## {}", kHelpTitle));
    block(md(view.help));
  }
  block(fmt::format("**{}**", view.total));
  return out;
}

}  // namespace backplan
