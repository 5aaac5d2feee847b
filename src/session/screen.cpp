#include "session/screen.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <sstream>

#include "figure/braille.h"
#include "text/utf8.h"
#include "text/wrap.h"

namespace backplan::session {

namespace {

// 3 x 5 block digits, then the colon.
constexpr std::array<std::array<const char*, 5>, 11> kGlyphs = {{
    {"███", "█ █", "█ █", "█ █", "███"},
    {"██ ", " █ ", " █ ", " █ ", "███"},
    {"███", "  █", "███", "█  ", "███"},
    {"███", "  █", "███", "  █", "███"},
    {"█ █", "█ █", "███", "  █", "  █"},
    {"███", "█  ", "███", "  █", "███"},
    {"███", "█  ", "███", "█ █", "███"},
    {"███", "  █", "  █", "  █", "  █"},
    {"███", "█ █", "███", "█ █", "███"},
    {"███", "█ █", "███", "  █", "███"},
    {" ", "█", " ", "█", " "},
}};

std::string fit(const std::string& text, int width) {
  if (width <= 0) return "";
  if (columns(text) <= width) return text;
  return text.substr(0, prefix_bytes(text, static_cast<std::size_t>(width)));
}

std::string centred(const std::string& text, int width) {
  const int pad = std::max(0, (width - columns(text)) / 2);
  return std::string(static_cast<std::size_t>(pad), ' ') + text;
}

int whole_seconds(std::int64_t ms) {
  return static_cast<int>((ms + 999) / 1000);
}

// "Round 2 of 3: 3 holds", "6 slow reps", "Side 2 of 2".
std::string round_line(const Part& p) {
  std::string out;
  if (p.kind == PartKind::hold || p.kind == PartKind::relax || p.kind == PartKind::rep) {
    const std::string what =
        p.kind == PartKind::rep ? (p.of == 1 ? "rep" : "reps") : (p.of == 1 ? "hold" : "holds");
    out = p.rounds > 1 ? fmt::format("Round {} of {}: {} {}", p.round, p.rounds, p.of, what)
                       : fmt::format("{} {}", p.of, what);
  } else if (p.kind == PartKind::pass && p.rounds > 1) {
    out = fmt::format("Pass {} of {}", p.round, p.rounds);
  } else if (p.kind == PartKind::rest) {
    out = fmt::format("Round {} of {} done", p.round, p.rounds);
  }
  if (p.side && p.kind != PartKind::switch_sides) {
    out += (out.empty() ? "" : " · ") + fmt::format("side {} of 2", p.side);
  }
  return out;
}

// "Hold 7 s · 2 of 3", "Rest 25 s", "Switch sides 4 s".
std::string part_line(const Part& p, int seconds) {
  switch (p.kind) {
    case PartKind::get_ready:
      return fmt::format("Get ready {} s", seconds);
    case PartKind::hold:
      return p.of > 1 ? fmt::format("Hold {} s · {} of {}", seconds, p.count, p.of)
                      : fmt::format("Hold {} s", seconds);
    case PartKind::relax:
      return fmt::format("Relax {} s · then hold {} of {}", seconds, p.count + 1, p.of);
    case PartKind::rep:
      return fmt::format("Rep {} of {} · {} s", p.count, p.of, seconds);
    case PartKind::pass:
      return fmt::format("Roll slowly {} s", seconds);
    case PartKind::rest:
      return fmt::format("Rest {} s", seconds);
    case PartKind::switch_sides:
      return fmt::format("Switch sides {} s", seconds);
  }
  return "";
}

const char* kFooter = "space pause · → skip · ← back · +/- 15 s · q end · ? keys";

const std::vector<std::string> kHelp = {
    "Keys",
    "  space      pause, or carry on",
    "  → or n     skip this step",
    "  ← or b     back to the step before",
    "  + / -      15 s more, or less, for this part",
    "  q          end the session early",
    "  ?          show these keys",
    "Any key closes this list.",
};

}  // namespace

std::vector<std::string> big_number(int seconds) {
  std::vector<int> glyphs;
  if (seconds >= 60) {
    const std::string m = std::to_string(seconds / 60);
    for (char c : m) glyphs.push_back(c - '0');
    glyphs.push_back(10);
    glyphs.push_back(seconds % 60 / 10);
    glyphs.push_back(seconds % 10);
  } else {
    for (char c : std::to_string(std::max(0, seconds))) glyphs.push_back(c - '0');
  }
  std::vector<std::string> rows(5);
  for (std::size_t r = 0; r < 5; ++r) {
    for (std::size_t g = 0; g < glyphs.size(); ++g) {
      if (g) rows[r] += ' ';
      rows[r] += kGlyphs[static_cast<std::size_t>(glyphs[g])][r];
    }
  }
  return rows;
}

std::string pacer_line(const std::vector<int>& breath, std::int64_t elapsed_ms, int bar) {
  if (breath.size() != 3 || bar <= 0) return "";
  const std::int64_t in = breath[0] * 1000LL, pause = breath[1] * 1000LL, out = breath[2] * 1000LL;
  const std::int64_t cycle = in + pause + out;
  if (cycle <= 0) return "";
  const std::int64_t t = std::max<std::int64_t>(0, elapsed_ms) % cycle;
  const char* what = "";
  double fill = 0;
  std::int64_t left = 0;
  if (t < in) {
    what = "Breathe in ";
    fill = static_cast<double>(t) / static_cast<double>(in);
    left = in - t;
  } else if (t < in + pause) {
    what = "Pause      ";
    fill = 1;
    left = in + pause - t;
  } else {
    what = "Breathe out";
    fill = 1 - static_cast<double>(t - in - pause) / static_cast<double>(out);
    left = cycle - t;
  }
  const int cells = std::clamp(static_cast<int>(fill * bar + 0.5), 0, bar);
  std::string drawn;
  for (int i = 0; i < bar; ++i) drawn += i < cells ? "█" : "░";
  return fmt::format("{} {}  {}", what, whole_seconds(left), drawn);
}

std::string progress_words(const Script& script, const SessionState& s) {
  const std::int64_t left = session_left_ms(script, s);
  const std::string time =
      left < 60000 ? "under a minute left" : fmt::format("{} min left", (left + 59999) / 60000);
  return fmt::format("{} of {} · {}", std::min(s.step + 1, script.steps.size()),
                     script.steps.size(), time);
}

Screen render(const Script& script, const SessionState& s) {
  const int width = std::max(1, s.width);
  const int height = std::max(1, s.height);
  Screen lines;
  // The figure: a column on the right from the line after the dose down, beside the timer and
  // the cues, which then wrap in what is left of the width.
  std::vector<std::string> figure_rows;
  if (s.finish == Finish::running && width >= kFigureMinWidth && height >= kFigureMinHeight) {
    figure_rows = figure::to_braille(script.steps[s.step].figure, std::min(44, width * 2 / 5),
                                     std::min(14, height - 7));
  }
  const int figure_columns = figure_rows.empty() ? 0 : columns(figure_rows.front());
  const int text_width = figure_columns ? width - figure_columns - 3 : width;
  constexpr std::size_t kFigureTop = 4;  // its first line
  bool beside_figure = false;            // the lines from kFigureTop until the last two
  auto add = [&](const std::string& text, Style style = Style::plain) {
    if (lines.size() == kFigureTop) beside_figure = true;
    lines.push_back({fit(text, beside_figure ? text_width : width), style});
  };
  const int inner = std::max(10, text_width - 2);

  if (s.finish != Finish::running) {
    add(" Session complete", Style::title);
    const auto done = std::count(s.status.begin(), s.status.end(), StepStatus::done);
    add(fmt::format(" {} of {} steps done", done, script.steps.size()), Style::dim);
  } else {
    const ScriptStep& step = script.steps[s.step];
    const Part& part = step.parts[s.part];
    const int seconds = whole_seconds(part_left_ms(script, s));
    add(" " + step.name, Style::title);
    add(" " + progress_words(script, s), Style::dim);
    if (!step.dose.empty()) add(" " + step.dose);
    add("");
    add(" " + round_line(part), Style::strong);
    add(" " + part_line(part, seconds), Style::strong);
    // The large countdown when there is room for it and for the cues and keys below.
    if (height >= 20 && width >= 24) {
      add("");
      for (const auto& row : big_number(seconds)) add(centred(row, text_width), Style::strong);
    }
    if (!step.breath.empty() && part.kind == PartKind::pass) {
      const std::int64_t now = s.paused || s.asking_end ? s.paused_at_ms : s.now_ms;
      add("");
      add(" " + pacer_line(step.breath, now - s.part_start_ms, std::min(30, text_width - 20)));
    }
    add("");
    const int room = height - 2 - static_cast<int>(lines.size());
    std::vector<std::string> body;
    if (s.help) {
      for (const auto& h : kHelp) body.push_back(" " + h);
    } else {
      for (const auto& cue : step.cues) {
        std::istringstream wrapped(wrap(cue, inner, " - ", "   "));
        for (std::string l; std::getline(wrapped, l);) body.push_back(l);
      }
    }
    for (int i = 0; i < room && i < static_cast<int>(body.size()); ++i) {
      add(body[static_cast<std::size_t>(i)]);
    }
  }
  // The last two lines: the question or the pause, then the keys.
  const int top = height - 2;
  while (static_cast<int>(lines.size()) < top) add("");
  lines.resize(static_cast<std::size_t>(std::max(0, top)));
  for (std::size_t i = 0; i < figure_rows.size() && kFigureTop + i < lines.size(); ++i) {
    std::string& text = lines[kFigureTop + i].text;
    text += std::string(static_cast<std::size_t>(std::max(0, text_width - columns(text))), ' ');
    text += "  " + figure_rows[i];
  }
  beside_figure = false;
  if (s.finish != Finish::running) {
    add("");
  } else if (s.asking_end) {
    add(" End now? y: end and log what you did · n: end without logging · other key: carry on",
        Style::strong);
  } else if (s.paused) {
    add(" Paused · space to carry on", Style::strong);
  } else {
    add("");
  }
  add(s.finish != Finish::running ? "" : std::string(" ") + kFooter, Style::dim);
  lines.resize(static_cast<std::size_t>(height));
  return lines;
}

std::string screen_text(const Screen& screen) {
  std::string out;
  for (const auto& line : screen) {
    std::string t = line.text;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    out += t + "\n";
  }
  return out;
}

}  // namespace backplan::session
