#include "render/render_text.h"

#include <fmt/color.h>
#include <fmt/format.h>

#include "render/view.h"
#include "text/utf8.h"

namespace backplan {

namespace {

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

std::string render_text(const Plan& plan, const TextOptions& options) {
  const HandoutView view = make_view(plan);
  const Painter paint(options.color);
  const int width = options.width;
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  auto indented = [&](const std::string& s) { return wrap(s, width, "     ", "     "); };

  line(paint.bold(wrap(title_line(view, plain), width, "", "")));
  line(wrap(view.summary, width, "", ""));
  if (!view.about.empty()) line(wrap(view.about, width, "", ""));
  if (!view.practice.empty()) line(wrap(view.practice, width, "", ""));
  if (options.from_saved_profile) {
    line(paint.dim(wrap("From your saved profile; --no-config plans without it.", width, "", "")));
  }

  if (!view.stop_if.empty()) {
    line("");
    line(paint.level(NoticeLevel::stop, kStopIfTitle));
    for (const auto& sign : view.stop_if) line(wrap(sign, width, "  - ", "    "));
  }

  if (!view.notices.empty()) {
    line("");
    line(paint.bold("Before you start"));
    for (const auto& n : view.notices) {
      const std::string pad(11 - n.label.size(), ' ');
      // Wrap on the plain prefix so colour codes do not count as columns.
      const std::string wrapped = wrap(n.text, width, "  " + n.label + pad, std::string(13, ' '));
      line("  " + paint.level(n.level, n.label) + pad + wrapped.substr(13));
    }
  }

  if (!view.held.empty()) {
    line("");
    line(paint.level(NoticeLevel::clearance, kHeldTitle));
    line(wrap(view.held, width, "  ", "  "));
    return out;
  }

  for (const auto& phase : view.phases) {
    line("");
    line(paint.bold(fmt::format("{} · {}", phase.title, phase.time)));
    for (const auto& s : phase.steps) {
      const std::string head = fmt::format("{:>3}. {}", s.number, s.name);
      const int pad = width - columns(head) - columns(s.time);
      if (pad >= 2) {
        line(paint.bold(head) + std::string(static_cast<std::size_t>(pad), ' ') + s.time);
      } else {
        line(paint.bold(wrap(s.name, width, fmt::format("{:>3}. ", s.number), "     ")));
        line(std::string(static_cast<std::size_t>(width - columns(s.time)), ' ') + s.time);
      }
      line(indented(dose_line(s, plain)));
      // Brief: the cues a condition or the day added stay (they carry safety).
      for (std::size_t i = options.brief ? s.own_cues : 0; i < s.cues.size(); ++i)
        line(wrap(s.cues[i], width, "     - ", "       "));
      if (options.brief) continue;
      if (s.replaces) line(paint.dim(indented(instead_line(s, plain))));
      if (!s.changes.empty()) line(paint.dim(indented(changed_line(s, plain))));
    }
  }

  if (!options.brief && !view.changes.empty()) {
    line("");
    line(paint.bold(kChangesTitle));
    for (const auto& c : view.changes) line(wrap(change_line(c, plain), width, "  - ", "    "));
  }
  if (!options.brief && !view.omitted.empty()) {
    line("");
    line(paint.bold("Left out"));
    for (const auto& o : view.omitted) line(wrap(left_out_line(o, plain), width, "  - ", "    "));
  }
  if (!options.brief && !view.help.empty()) {
    line("");
    line(paint.bold(kHelpTitle));
    line(wrap(view.help, width, "  ", "  "));
  }
  line("");
  line(paint.bold(view.total));
  return out;
}

}  // namespace backplan
