#include "render/history_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace backplan {

namespace {

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

struct MeasureWords {
  MeasureKind kind;
  const char* name;
  const char* unit;
};
constexpr MeasureWords kMeasureWords[] = {
    {MeasureKind::sitting_minutes, "Sitting tolerance", "min"},
    {MeasureKind::walking_minutes, "Walking time", "min"},
    {MeasureKind::walking_metres, "Walking distance", "m"},
    {MeasureKind::toe_reach_cm, "Toe reach", "cm"},
};

bool before(const CivilDate& a, const CivilDate& b) {
  return day_number(a) < day_number(b);
}

void raise(std::optional<int>& to, const std::optional<int>& value) {
  if (value && (!to || *value > *to)) to = value;
}

std::string name_of(const DiaryStep& step, const HistoryOptions& options) {
  for (const std::string* id : {&step.slot, &step.id}) {
    if (const auto it = options.names.find(*id); it != options.names.end()) return it->second;
  }
  return step.slot.empty() ? step.id : step.slot;
}

}  // namespace

std::string iso(const CivilDate& d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}
std::string short_date(const CivilDate& d) {
  return fmt::format("{} {}", d.day, kMonths[d.month - 1]);
}
std::string long_date(const CivilDate& d) {
  return fmt::format("{} {} {}", d.day, kMonths[d.month - 1], d.year);
}
std::string weekday_name(const CivilDate& d) {
  return kWeekdays[weekday(d)];
}

std::string format_number(double value) {
  if (std::abs(value - std::round(value)) < 1e-9) return fmt::format("{}", std::lround(value));
  return fmt::format("{:.1f}", value);
}

std::vector<std::string> session_changes(const DiarySession& session, const DiarySession* previous,
                                         const HistoryOptions& options) {
  if (!session.changes.empty() || previous == nullptr) return session.changes;
  std::vector<std::string> out;
  for (const DiaryStep& step : session.steps) {
    if (step.slot.empty()) continue;
    const auto was = std::find_if(previous->steps.begin(), previous->steps.end(),
                                  [&](const DiaryStep& p) { return p.slot == step.slot; });
    if (was == previous->steps.end()) continue;
    if (was->level && step.level && *was->level != *step.level) {
      out.push_back(fmt::format("{}: {} to {} level", name_of(step, options),
                                to_string(*was->level), to_string(*step.level)));
    } else if (was->stage != step.stage) {
      out.push_back(
          fmt::format("{}: dose step {} to {}", name_of(step, options), was->stage, step.stage));
    }
  }
  return out;
}

std::vector<HistoryDay> group_days(const std::vector<HistoryDay>& days, int per) {
  std::vector<HistoryDay> out;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const HistoryDay& d = days[i];
    if (i % static_cast<std::size_t>(per) == 0) {
      out.push_back(d);
      continue;
    }
    HistoryDay& g = out.back();
    raise(g.before, d.before);
    raise(g.during, d.during);
    raise(g.morning, d.morning);
    g.sessions += d.sessions;
    g.steps_done += d.steps_done;
    g.steps_total += d.steps_total;
    g.changes.insert(g.changes.end(), d.changes.begin(), d.changes.end());
  }
  return out;
}

HistoryView make_history_view(const Diary& diary, const HistoryOptions& options) {
  HistoryView view;
  view.until = options.until.value_or(options.today);
  if (options.since) {
    view.since = *options.since;
  } else if (!diary.sessions.empty() && before(diary.sessions.front().date, view.until)) {
    view.since = diary.sessions.front().date;
  } else {
    view.since = view.until;
  }
  view.total_sessions = session_count(diary);
  const long first = day_number(view.since);
  const long last = day_number(view.until);
  for (long d = first; d <= last; ++d) {
    HistoryDay day;
    day.date = from_day_number(d);
    view.days.push_back(day);
  }

  const long first_monday = first - (weekday(view.since) + 6) % 7;
  for (long d = first_monday; d <= last; d += 7) {
    HistoryWeek week;
    week.start = from_day_number(d);
    view.weeks.push_back(week);
  }

  const DiarySession* previous = nullptr;
  for (const DiarySession& s : diary.sessions) {
    const long d = day_number(s.date);
    const DiarySession* prev = previous;
    previous = &s;
    if (d < first || d > last) continue;
    view.sessions.push_back(&s);
    HistoryDay& day = view.days[static_cast<std::size_t>(d - first)];
    day.sessions += 1;
    raise(day.before, s.pain_before);
    raise(day.during, s.pain_during);
    raise(day.morning, s.pain_morning);
    day.steps_total += static_cast<int>(s.steps.size());
    day.steps_done += static_cast<int>(std::count_if(
        s.steps.begin(), s.steps.end(), [](const DiaryStep& t) { return !t.skipped; }));
    for (const std::string& text : session_changes(s, prev, options)) {
      const int number = static_cast<int>(view.changes.size()) + 1;
      view.changes.push_back({number, s.date, text});
      day.changes.push_back(number);
    }
    view.weeks[static_cast<std::size_t>((d - first_monday) / 7)].sessions += 1;
  }
  for (const HistoryDay& day : view.days) {
    if (day.sessions == 0) continue;
    view.days_with_sessions += 1;
    view.weeks[static_cast<std::size_t>((day_number(day.date) - first_monday) / 7)].days += 1;
  }

  for (const MeasureWords& words : kMeasureWords) {
    HistorySeries series;
    series.id = std::string(to_string(words.kind));
    series.name = words.name;
    series.unit = words.unit;
    for (const DiaryMeasure& m : diary.measures) {
      const long d = day_number(m.date);
      if (m.kind == words.kind && d >= first && d <= last)
        series.points.push_back({m.date, m.value});
    }
    if (!series.points.empty()) view.measures.push_back(std::move(series));
  }
  for (const DiaryGoal& goal : diary.goals) {
    HistorySeries series;
    series.id = std::to_string(goal.number);
    series.name = goal.activity;
    series.unit = "/10";
    series.goal = &goal;
    for (const DiaryRating& r : diary.ratings) {
      const long d = day_number(r.date);
      if (r.goal == goal.number && d >= first && d <= last)
        series.points.push_back({r.date, double(r.score)});
    }
    if (!series.points.empty()) view.goals.push_back(std::move(series));
  }
  return view;
}

std::string no_sessions_line(const Diary& diary, const HistoryView& view) {
  if (diary.sessions.empty()) return "No sessions logged yet.";
  return fmt::format("No sessions from {} to {}; the diary has {} from {} to {}.",
                     long_date(view.since), long_date(view.until), session_count(diary),
                     long_date(diary.first_session.value_or(diary.sessions.front().date)),
                     long_date(diary.sessions.back().date));
}

std::string sessions_summary(const HistoryView& view) {
  const int n = static_cast<int>(view.sessions.size());
  const double weeks = view.range_days() / 7.0;
  std::string out =
      fmt::format("{} session{} on {} of {} day{}", n, n == 1 ? "" : "s", view.days_with_sessions,
                  view.range_days(), view.range_days() == 1 ? "" : "s");
  if (view.range_days() >= 7)
    out += fmt::format(" ({} a week)", format_number(std::round(n / weeks * 10) / 10));
  return out;
}

std::string series_summary(const HistorySeries& s) {
  auto value = [&](const HistoryPoint& p) {
    return fmt::format("{}{}{} ({})", format_number(p.value), s.unit == "/10" ? "" : " ", s.unit,
                       short_date(p.date));
  };
  if (s.points.size() == 1) return value(s.points.front());
  return fmt::format("{} to {}", value(s.points.front()), value(s.points.back()));
}

}  // namespace backplan
