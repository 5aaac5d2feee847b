#include "commands/cmd_log.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <variant>

#include "commands/cmd_diary.h"
#include "commands/cmd_goals.h"
#include "diary/store.h"
#include "model/diagnostics.h"
#include "render/render_json.h"
#include "text/suggest.h"

namespace backplan {

namespace {

// "a,b" and repeated flags alike; blanks trimmed, empty items dropped.
std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find(',', start);
      if (end == std::string::npos) end = value.size();
      std::string item = value.substr(start, end - start);
      const auto first = item.find_first_not_of(" \t");
      const auto last = item.find_last_not_of(" \t");
      if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
      start = end + 1;
    }
  }
  return out;
}

int pain_flag(const char* flag, const std::string& text) {
  return whole_flag(flag, text, 0, 10);
}

// A measure: a number (a decimal point allowed) from lo to hi.
double measure_flag(const char* flag, const std::string& text, double lo, double hi,
                    const char* unit) {
  char* end = nullptr;
  const double v = text.empty() ? NAN : std::strtod(text.c_str(), &end);
  const bool ok = !text.empty() && end == text.c_str() + text.size() && std::isfinite(v) &&
                  text.find_first_of("eExXpPnN ") == std::string::npos;
  if (!ok || v < lo || v > hi) {
    throw Error::flag(
        flag, fmt::format("must be a number of {} from {} to {}, not '{}'", unit, lo, hi, text));
  }
  return v;
}

void check_text(const char* flag, const std::string& text, std::size_t max) {
  if (text.find_first_of("\r\n") != std::string::npos || text.size() > max) {
    throw Error::flag(flag, fmt::format("must be one line of at most {} characters", max));
  }
}

std::string pains(const DiarySession& s) {
  std::vector<std::string> parts;
  if (s.pain_before) parts.push_back(fmt::format("{} before", *s.pain_before));
  if (s.pain_during) parts.push_back(fmt::format("{} during", *s.pain_during));
  if (s.pain_morning) parts.push_back(fmt::format("{} the next morning", *s.pain_morning));
  return parts.empty() ? "no pain logged" : fmt::format("pain {}", fmt::join(parts, ", "));
}

std::string measure_words(const DiaryMeasure& m) {
  switch (m.kind) {
    case MeasureKind::sitting_minutes:
      return fmt::format("sitting {} min", m.value);
    case MeasureKind::walking_minutes:
      return fmt::format("walking {} min", m.value);
    case MeasureKind::walking_metres:
      return fmt::format("walking {} m", m.value);
    case MeasureKind::toe_reach_cm:
      return fmt::format("toe reach {} cm", m.value);
  }
  return "";
}

void say(const std::string& text) {
  std::fputs(text.c_str(), stdout);
}

}  // namespace

DiarySession session_from_plan(const Plan& plan, const std::set<std::string>& skipped,
                               const CivilDate& date, int minute) {
  DiarySession s;
  s.uid = new_diary_uid();
  s.date = date;
  s.minute = minute;
  s.routine = plan.routine;
  s.level = plan.level;
  s.profile = nlohmann::ordered_json::parse(render_json(plan))["profile"].dump();
  for (const auto& phase : plan.phases) {
    for (const auto& step : phase.steps) {
      s.steps.push_back({step.id, step.slot, step.level, step.stage, skipped.count(step.id) > 0});
      // How the progression moved this step on, and why, for the history.
      for (const auto& c : step.replaced_because) {
        if (c.kind == CauseKind::progress) s.changes.push_back(step.name + ": " + c.text);
      }
      for (const auto& d : step.dose_changes) {
        if (d.cause.kind == CauseKind::progress)
          s.changes.push_back(step.name + ": " + d.what + " — " + d.cause.text);
      }
    }
  }
  return s;
}

int run_log(const LogOptions& o) {
  const bool session =
      o.pain_before || o.pain_during || !o.skipped.empty() || o.note || !o.tags.empty() || o.time;
  // Every flag checked first, in the order they are documented; nothing is written until all are.
  std::optional<int> pain_before, pain_during, morning;
  if (o.pain_before) pain_before = pain_flag("--pain-before", *o.pain_before);
  if (o.pain_during) pain_during = pain_flag("--pain-during", *o.pain_during);
  if (o.morning) morning = pain_flag("--morning", *o.morning);
  const CivilDate date = date_flag(o.date, o.now);
  std::optional<int> minute;
  if (o.time) {
    minute = parse_clock_time(*o.time);
    if (!minute) {
      throw Error::flag("--time", fmt::format("must be a time written HH:MM (00:00 to 23:59), not "
                                              "'{}'",
                                              *o.time));
    }
    if (!before(date, o.now.date) && *minute > o.now.minute) {
      throw Error::flag("--time", fmt::format("{} today is still to come (it is {})", *o.time,
                                              clock_time(o.now.minute)));
    }
  }
  if (o.note) check_text("--note", *o.note, 2000);
  const std::vector<std::string> tags = split_list(o.tags);
  for (const auto& t : tags) check_text("--tag", t, 100);
  std::vector<DiaryMeasure> measures;
  auto measure = [&](const std::optional<std::string>& text, const char* flag, MeasureKind kind,
                     double lo, double hi, const char* unit) {
    if (text)
      measures.push_back({new_diary_uid(), date, kind, measure_flag(flag, *text, lo, hi, unit)});
  };
  measure(o.sitting, "--sitting", MeasureKind::sitting_minutes, 0, 1440, "minutes");
  measure(o.walking, "--walking", MeasureKind::walking_minutes, 0, 1440, "minutes");
  measure(o.walking_metres, "--walking-metres", MeasureKind::walking_metres, 0, 200000, "metres");
  measure(o.toe_reach, "--toe-reach", MeasureKind::toe_reach_cm, -100, 100, "centimetres");
  std::vector<std::pair<int, int>> ratings;  // goal, score
  for (const auto& item : split_list(o.goal_ratings)) {
    const auto eq = item.find('=');
    if (eq == std::string::npos) {
      throw Error::flag("--goal",
                        fmt::format("must be N=SCORE (goal N rated 0 to 10), not '{}'", item));
    }
    ratings.emplace_back(whole_flag("--goal", item.substr(0, eq), 1, 1000000),
                         whole_flag("--goal", item.substr(eq + 1), 0, 10));
  }

  if (morning && (session || !measures.empty() || !ratings.empty())) {
    throw Error::flag("--morning",
                      "give it alone (with --date for another morning): it adds to a session "
                      "logged before");
  }
  if (session && !(pain_before && pain_during)) {
    throw Error::flag(pain_before ? "--pain-during" : "--pain-before",
                      "a session needs both --pain-before and --pain-during (0 to 10)");
  }
  if (!morning && !session && measures.empty() && ratings.empty()) {
    throw Error::flag("log",
                      "nothing to log: give --pain-before N --pain-during N (a session), "
                      "--morning N, a measure (--sitting, --walking, --walking-metres, "
                      "--toe-reach) or --goal N=SCORE; see 'backplan log --help'");
  }

  const std::filesystem::path path = diary_path(o.diary);
  if (morning) {
    const DiarySession s = set_morning_pain(path, date, *morning);
    say(fmt::format("Morning pain {} added to the session of {} {} ({}).\n", *morning,
                    iso_date(s.date), clock_time(s.minute), pains(s)));
    return 0;
  }

  Diary entry;
  entry.measures = measures;
  if (!ratings.empty()) {
    std::set<int> active;
    for (const auto& g : read_diary(path).goals) {
      if (!g.dropped) active.insert(g.number);
    }
    for (const auto& [goal, score] : ratings) {
      if (!active.count(goal)) {
        throw Error::flag("--goal", fmt::format("there is no active goal {}; see 'backplan goals "
                                                "list'",
                                                goal));
      }
      entry.ratings.push_back({new_diary_uid(), goal, date, score});
    }
  }
  if (session) {
    // The plan of that day: the diary as it was before this session moves it on.
    PlanSource source = o.plan;
    source.diary = o.diary;
    source.today = date;
    const Plan plan = session_plan(source, "no session logged").plan;
    std::vector<std::string> ids;
    for (const auto& phase : plan.phases) {
      for (const auto& step : phase.steps) ids.push_back(step.id);
    }
    std::set<std::string> skipped;
    for (const auto& id : split_list(o.skipped)) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        throw Error::flag(
            "--skipped", unknown_message("step of today's plan", id, ids) +
                             " (the ids 'backplan plan --format json' shows, with the same flags)");
      }
      skipped.insert(id);
    }
    DiarySession s =
        session_from_plan(plan, skipped, date,
                          minute ? *minute : (before(date, o.now.date) ? 12 * 60 : o.now.minute));
    s.pain_before = pain_before;
    s.pain_during = pain_during;
    s.note = o.note.value_or("");
    s.tags = tags;
    entry.sessions.push_back(s);
  }
  merge_into_diary(path, entry);
  std::vector<std::string> lines;
  if (session) {
    const DiarySession& s = entry.sessions.front();
    const auto skipped_count = static_cast<int>(std::count_if(
        s.steps.begin(), s.steps.end(), [](const DiaryStep& st) { return st.skipped; }));
    lines.push_back(fmt::format("Logged the session of {} {}: {}, {} of {} steps done, {}.",
                                iso_date(s.date), clock_time(s.minute), s.routine,
                                s.steps.size() - static_cast<std::size_t>(skipped_count),
                                s.steps.size(), pains(s)));
  }
  if (!measures.empty()) {
    std::vector<std::string> words;
    for (const auto& m : measures) words.push_back(measure_words(m));
    lines.push_back(fmt::format("Logged for {}: {}.", iso_date(date), fmt::join(words, ", ")));
  }
  for (const auto& r : entry.ratings) {
    lines.push_back(fmt::format("Goal {} rated {}/10 on {}.", r.goal, r.score, iso_date(r.date)));
  }
  say(fmt::format("{}\n", fmt::join(lines, "\n")));
  return 0;
}

}  // namespace backplan
