// `backplan history` for scripts: CSV (one row per session) and JSON (backplan-history-1).

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "render/history.h"
#include "render/history_view.h"
#include "text/escape.h"

namespace backplan {

namespace {

using json = nlohmann::ordered_json;

std::string pain_cell(const std::optional<int>& p) {
  return p ? std::to_string(*p) : "";
}

json pain_json(const std::optional<int>& p) {
  return p ? json(*p) : json(nullptr);
}

// 20 rather than 20.0 for a whole number.
json number_json(double v) {
  const double whole = std::round(v);
  return std::abs(v - whole) < 1e-9 ? json(static_cast<long>(whole)) : json(v);
}

std::string clock(int minute) {
  return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
}

int steps_done(const DiarySession& s) {
  int n = 0;
  for (const DiaryStep& step : s.steps) n += step.skipped ? 0 : 1;
  return n;
}

std::vector<std::string> skipped_ids(const DiarySession& s) {
  std::vector<std::string> ids;
  for (const DiaryStep& step : s.steps) {
    if (step.skipped) ids.push_back(step.id);
  }
  return ids;
}

// Each session in range with the level changes it made (the numbers the view gave them).
template <typename F>
void each_session(const Diary& diary, const HistoryView& view, const HistoryOptions& options, F f) {
  const DiarySession* previous = nullptr;
  std::size_t in_range = 0;
  for (const DiarySession& s : diary.sessions) {
    const DiarySession* prev = previous;
    previous = &s;
    if (in_range < view.sessions.size() && view.sessions[in_range] == &s) {
      ++in_range;
      f(s, session_changes(s, prev, options));
    }
  }
}

}  // namespace

std::string render_history_csv(const Diary& diary, const HistoryOptions& options) {
  const HistoryView view = make_history_view(diary, options);
  std::string out =
      "date,time,routine,level,pain_before,pain_during,pain_morning,steps_done,steps_total,"
      "skipped,tags,note,changes,uid\n";
  each_session(diary, view, options,
               [&](const DiarySession& s, const std::vector<std::string>& changes) {
                 const std::vector<std::string> cells = {
                     iso(s.date),
                     clock(s.minute),
                     csv_escape(s.routine),
                     std::string(to_string(s.level)),
                     pain_cell(s.pain_before),
                     pain_cell(s.pain_during),
                     pain_cell(s.pain_morning),
                     std::to_string(steps_done(s)),
                     std::to_string(s.steps.size()),
                     csv_escape(fmt::format("{}", fmt::join(skipped_ids(s), "; "))),
                     csv_escape(fmt::format("{}", fmt::join(s.tags, "; "))),
                     csv_escape(s.note),
                     csv_escape(fmt::format("{}", fmt::join(changes, "\n"))),
                     csv_escape(s.uid),
                 };
                 out += fmt::format("{}\n", fmt::join(cells, ","));
               });
  return out;
}

std::string render_history_json(const Diary& diary, const HistoryOptions& options) {
  const HistoryView view = make_history_view(diary, options);
  json days = json::array();
  for (const HistoryDay& d : view.days) {
    if (d.sessions == 0) continue;
    days.push_back({{"date", iso(d.date)},
                    {"sessions", d.sessions},
                    {"pain_before", pain_json(d.before)},
                    {"pain_during", pain_json(d.during)},
                    {"pain_morning", pain_json(d.morning)},
                    {"steps_done", d.steps_done},
                    {"steps_total", d.steps_total},
                    {"changes", d.changes}});
  }
  json weeks = json::array();
  for (const HistoryWeek& w : view.weeks) {
    weeks.push_back({{"start", iso(w.start)}, {"sessions", w.sessions}, {"days", w.days}});
  }
  json sessions = json::array();
  each_session(diary, view, options,
               [&](const DiarySession& s, const std::vector<std::string>& changes) {
                 json steps = json::array();
                 for (const DiaryStep& t : s.steps) {
                   // Built in place and moved (an initializer list copies every level).
                   json step = json::object();
                   step["id"] = t.id;
                   step["slot"] = t.slot;
                   step["level"] = t.level ? json(std::string(to_string(*t.level))) : json(nullptr);
                   step["stage"] = t.stage;
                   step["skipped"] = t.skipped;
                   steps.push_back(std::move(step));
                 }
                 json j = json::object();
                 j["uid"] = s.uid;
                 j["date"] = iso(s.date);
                 j["time"] = clock(s.minute);
                 j["routine"] = s.routine;
                 j["level"] = std::string(to_string(s.level));
                 j["pain_before"] = pain_json(s.pain_before);
                 j["pain_during"] = pain_json(s.pain_during);
                 j["pain_morning"] = pain_json(s.pain_morning);
                 j["steps_done"] = steps_done(s);
                 j["steps_total"] = s.steps.size();
                 j["steps"] = std::move(steps);
                 j["note"] = s.note;
                 j["tags"] = s.tags;
                 j["changes"] = changes;
                 sessions.push_back(std::move(j));
               });
  json changes = json::array();
  for (const HistoryChange& c : view.changes) {
    changes.push_back({{"number", c.number}, {"date", iso(c.date)}, {"text", c.text}});
  }
  auto points = [](const HistorySeries& s, const char* key) {
    json values = json::array();
    for (const HistoryPoint& p : s.points)
      values.push_back({{"date", iso(p.date)}, {key, number_json(p.value)}});
    return values;
  };
  json measures = json::array();
  for (const HistorySeries& s : view.measures) {
    measures.push_back(
        {{"kind", s.id}, {"name", s.name}, {"unit", s.unit}, {"values", points(s, "value")}});
  }
  json goals = json::array();
  for (const HistorySeries& s : view.goals) {
    goals.push_back({{"number", s.goal->number},
                     {"activity", s.goal->activity},
                     {"added", iso(s.goal->added)},
                     {"dropped", s.goal->dropped ? json(iso(*s.goal->dropped)) : json(nullptr)},
                     {"ratings", points(s, "score")}});
  }
  // The arrays are moved in: an initializer list would copy the whole document.
  json doc = json::object();
  doc["format"] = kHistoryJsonFormat;
  doc["since"] = iso(view.since);
  doc["until"] = iso(view.until);
  doc["summary"] = {{"sessions", view.sessions.size()},
                    {"days", view.range_days()},
                    {"days_with_sessions", view.days_with_sessions},
                    {"level_changes", view.changes.size()},
                    {"sessions_in_diary", view.total_sessions}};
  doc["days"] = std::move(days);
  doc["weeks"] = std::move(weeks);
  doc["sessions"] = std::move(sessions);
  doc["changes"] = std::move(changes);
  doc["measures"] = std::move(measures);
  doc["goals"] = std::move(goals);
  return doc.dump(2) + "\n";
}

}  // namespace backplan
