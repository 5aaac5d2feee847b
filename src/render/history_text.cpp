// `backplan history` in the terminal: a chart of pain per day, a table of the days with
// sessions, the level changes with their reasons, and the measures and ratings.

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "render/history.h"
#include "render/history_view.h"
#include "text/utf8.h"
#include "text/wrap.h"

namespace backplan {

namespace {

// The chart's series: one character each, so the chart reads without colour.
constexpr char kBefore = 'o';
constexpr char kDuring = 'x';
constexpr char kMorning = '+';
constexpr char kSeveral = '*';  // two or three series at the same level

std::string paint(bool on, char c) {
  if (!on) return std::string(1, c);
  fmt::text_style style;
  switch (c) {
    case kBefore:
      style = fg(fmt::terminal_color::blue) | fmt::emphasis::bold;
      break;
    case kDuring:
      style = fg(fmt::terminal_color::red) | fmt::emphasis::bold;
      break;
    case kMorning:
      style = fg(fmt::terminal_color::yellow) | fmt::emphasis::bold;
      break;
    case kSeveral:
      style = fg(fmt::terminal_color::magenta) | fmt::emphasis::bold;
      break;
    default:
      return std::string(1, c);
  }
  return fmt::format(style, "{}", c);
}

std::string pain(const std::optional<int>& p) {
  return p ? std::to_string(*p) : "-";
}

// Rows of cells in columns as wide as their widest cell, two spaces apart; the first row is the
// head. No line ends in spaces.
std::string aligned(const std::vector<std::vector<std::string>>& rows) {
  std::vector<int> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], columns(row[i]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string text;
    for (std::size_t i = 0; i < row.size(); ++i) text += (i ? "  " : "") + pad(row[i], widths[i]);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  return out;
}

std::string chart(const HistoryView& view, const HistoryOptions& options) {
  const int label = 4;  // "10 │"
  const int plot = std::max(10, options.width - label);
  const int days = view.range_days();
  const int per = (days + plot - 1) / plot;  // days per column
  const std::vector<HistoryDay> cols = group_days(view.days, per);
  const int cw = std::clamp(plot / static_cast<int>(cols.size()), 1, 4);  // columns per cell
  const std::string gap(static_cast<std::size_t>(cw - 1), ' ');
  std::string out;
  out +=
      wrap(per == 1
               ? std::string("Pain each day, 0 (none) to 10 (worst): the highest logged that day")
               : fmt::format("Pain, 0 (none) to 10 (worst): the highest logged in each {} days",
                             per),
           options.width, "", "") +
      "\n";
  for (int y = 10; y >= 0; --y) {
    std::string row = y % 2 == 0 ? fmt::format("{:>2} │", y) : "   │";
    for (const HistoryDay& c : cols) {
      int hits = 0;
      char mark = ' ';
      for (const auto& [value, ch] : {std::pair{c.before, kBefore}, std::pair{c.during, kDuring},
                                      std::pair{c.morning, kMorning}}) {
        if (value && *value == y) {
          ++hits;
          mark = ch;
        }
      }
      row += paint(options.color, hits > 1 ? kSeveral : mark) + gap;
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
  out += "   └" + [&] {
    std::string s;
    for (std::size_t i = 0; i < cols.size() * static_cast<std::size_t>(cw); ++i) s += "─";
    return s;
  }() + "\n";
  // Under the axis: the sessions in each column, the level changes, and dates.
  std::string sessions(static_cast<std::size_t>(label), ' ');
  std::string changes(static_cast<std::size_t>(label), ' ');
  for (const HistoryDay& c : cols) {
    sessions += (c.sessions == 0  ? std::string("·")
                 : c.sessions > 9 ? std::string("+")
                                  : std::to_string(c.sessions)) +
                gap;
    changes += (c.changes.empty() ? " " : "^") + gap;
  }
  auto trimmed = [](std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  };
  out += trimmed(sessions) + "\n";
  if (!view.changes.empty()) out += trimmed(changes) + "\n";
  std::string dates(static_cast<std::size_t>(label), ' ');
  int used = label;  // columns of `dates` so far
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const CivilDate& d = cols[i].date;
    const bool start = i == 0 || (per < 7 ? weekday(d) == 1 : cols[i - 1].date.month != d.month);
    const int at = label + static_cast<int>(i) * cw;
    const std::string text = short_date(d);
    if (!start || at < used + (i == 0 ? 0 : 2) || at + columns(text) > options.width) continue;
    dates += std::string(static_cast<std::size_t>(at - used), ' ') + text;
    used = at + columns(text);
  }
  out += dates + "\n";
  // The legend: its items on as few lines as fit, never split.
  const std::pair<char, const char*> items[] = {{kBefore, "before the session"},
                                                {kDuring, "during (the highest)"},
                                                {kMorning, "the next morning"},
                                                {kSeveral, "more than one at that level"}};
  std::string legend;
  int at = 0;
  for (const auto& [mark, words] : items) {
    const int w = 2 + columns(words);
    if (at > 0 && at + 3 + w > options.width) {
      legend += "\n";
      at = 0;
    } else if (at > 0) {
      legend += "   ";
      at += 3;
    }
    legend += paint(options.color, mark) + " " + words;
    at += w;
  }
  out += legend + "\n";
  out +=
      wrap(std::string("Under the axis: sessions ") + (per == 1 ? "each day" : "in each column") +
               " (· none)" + (view.changes.empty() ? "" : ", ^ a level change"),
           options.width, "", "") +
      "\n";
  return out;
}

}  // namespace

std::string render_history_text(const Diary& diary, const HistoryOptions& options) {
  const HistoryView view = make_history_view(diary, options);
  const int width = options.width;
  auto bold = [&](const std::string& s) {
    return options.color ? fmt::format(fmt::emphasis::bold, "{}", s) : s;
  };
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  if (diary.sessions.empty()) {
    line("No sessions logged yet — 'backplan log' records one.");
    return out;
  }
  line(bold(wrap(fmt::format("History, {} to {}", short_date(view.since), long_date(view.until)),
                 width, "", "")));
  if (view.sessions.empty()) {
    line(wrap(no_sessions_line(diary, view) + " --since and --until choose the days.", width, "",
              ""));
    return out;
  }
  std::string summary = sessions_summary(view);
  if (!view.changes.empty()) {
    summary += fmt::format(" · {} level change{}", view.changes.size(),
                           view.changes.size() == 1 ? "" : "s");
  }
  line(wrap(summary, width, "", ""));
  line("");
  out += chart(view, options);

  line("");
  // The days with sessions; narrower columns below 64 (the three pains in one).
  const bool narrow = width < 64;
  std::vector<std::vector<std::string>> rows;
  if (narrow) {
    rows.push_back({"Date", "Sess", "Pain b/d/m", "Steps", "Chg"});
  } else {
    rows.push_back({"Date", "Sessions", "Before", "During", "Morning", "Steps done", "Changes"});
  }
  for (const HistoryDay& d : view.days) {
    if (d.sessions == 0) continue;
    std::vector<std::string> numbers;
    for (int n : d.changes) numbers.push_back(std::to_string(n));
    const std::string changes = fmt::format("{}", fmt::join(numbers, ","));
    if (narrow) {
      rows.push_back({short_date(d.date), std::to_string(d.sessions),
                      fmt::format("{}/{}/{}", pain(d.before), pain(d.during), pain(d.morning)),
                      d.steps_total == 0 ? "-" : fmt::format("{}/{}", d.steps_done, d.steps_total),
                      changes});
    } else {
      rows.push_back(
          {fmt::format("{} {}", weekday_name(d.date), short_date(d.date)),
           std::to_string(d.sessions), pain(d.before), pain(d.during), pain(d.morning),
           d.steps_total == 0 ? "-" : fmt::format("{} of {}", d.steps_done, d.steps_total),
           changes});
    }
  }
  out += aligned(rows);

  if (!view.changes.empty()) {
    line("");
    line(bold("Level changes"));
    for (const HistoryChange& c : view.changes) {
      const std::string head = fmt::format("{:>3}. ", c.number);
      line(wrap(fmt::format("{} {}: {}", weekday_name(c.date), short_date(c.date), c.text), width,
                head, std::string(head.size(), ' ')));
    }
  }
  if (!view.measures.empty()) {
    line("");
    line(bold("Measures"));
    for (const HistorySeries& s : view.measures)
      line(wrap(s.name + ": " + series_summary(s), width, "  ", "    "));
  }
  if (!view.goals.empty()) {
    line("");
    line(bold(
        wrap("Activities you rate (0 cannot do it, 10 as before the problem)", width, "", "")));
    for (const HistorySeries& s : view.goals)
      line(wrap(s.name + ": " + series_summary(s), width, "  ", "    "));
  }
  return out;
}

}  // namespace backplan
