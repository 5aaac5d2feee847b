#include "commands/cmd_goals.h"

#include <fmt/format.h>

#include <cstdio>
#include <map>

#include "commands/cmd_diary.h"
#include "diary/store.h"
#include "model/diagnostics.h"

namespace backplan {

namespace {

void say(const std::string& text) {
  std::fputs(text.c_str(), stdout);
}

}  // namespace

int whole_flag(const std::string& flag, const std::string& text, int lo, int hi) {
  std::size_t i = text.size() > 1 && text[0] == '-' ? 1 : 0;
  bool digits = i < text.size() && text.size() - i <= 6;
  for (std::size_t k = i; k < text.size() && digits; ++k) digits = text[k] >= '0' && text[k] <= '9';
  const int value = digits ? std::stoi(text) : 0;
  if (!digits || value < lo || value > hi) {
    throw Error::flag(flag,
                      fmt::format("must be a whole number from {} to {}, not '{}'", lo, hi, text));
  }
  return value;
}

CivilDate date_flag(const std::optional<std::string>& text, const LocalNow& now) {
  if (!text) return now.date;
  if (const auto problem = iso_date_problem(*text)) throw Error::flag("--date", *problem);
  const CivilDate date = *parse_iso_date(*text);
  if (before(now.date, date)) {
    throw Error::flag("--date",
                      fmt::format("{} is in the future (today is {})", *text, iso_date(now.date)));
  }
  return date;
}

int run_goals_add(const GoalsOptions& o) {
  const std::string& a = o.activity;
  if (a.find_first_not_of(" \t") == std::string::npos ||
      a.find_first_of("\r\n") != std::string::npos || a.size() > 200) {
    throw Error::flag("activity", "must be one line of 1 to 200 characters, e.g. \"tie my shoes\"");
  }
  const CivilDate date = date_flag(o.date, o.now);
  const DiaryGoal g = add_goal(diary_path(o.diary), a, date);
  say(
      fmt::format("Goal {} added: {}. Rate it now and then, from 0 (can't do it) to 10 (as well as "
                  "before your back problem): backplan goals rate {} SCORE\n",
                  g.number, g.activity, g.number));
  return 0;
}

int run_goals_list(const GoalsOptions& o) {
  const Diary d = read_diary(diary_path(o.diary));
  std::map<int, const DiaryRating*> last;
  for (const auto& r : d.ratings) last[r.goal] = &r;  // oldest first: the last one stays
  bool any = false;
  for (const auto& g : d.goals) {
    if (g.dropped) continue;
    any = true;
    const auto it = last.find(g.number);
    say(fmt::format("{}. {} — {}\n", g.number, g.activity,
                    it == last.end() ? std::string("not rated yet")
                                     : fmt::format("{}/10 on {}", it->second->score,
                                                   iso_date(it->second->date))));
  }
  if (!any) {
    say("No goals yet. Name up to five activities your back makes hard: backplan goals add \"tie "
        "my shoes\"\n");
  }
  for (const auto& g : d.goals) {
    if (g.dropped) {
      say(fmt::format("(dropped {}) {}. {}\n", iso_date(*g.dropped), g.number, g.activity));
    }
  }
  return 0;
}

int run_goals_drop(const GoalsOptions& o) {
  const int number = whole_flag("N", o.number, 1, 1000000);
  const CivilDate date = date_flag(o.date, o.now);
  const DiaryGoal g = drop_goal(diary_path(o.diary), number, date);
  say(fmt::format("Goal {} dropped: {}. Its ratings stay in the diary.\n", g.number, g.activity));
  return 0;
}

int run_goals_rate(const GoalsOptions& o) {
  const int number = whole_flag("N", o.number, 1, 1000000);
  const int score = whole_flag("SCORE", o.score, 0, 10);
  const CivilDate date = date_flag(o.date, o.now);
  const std::filesystem::path path = diary_path(o.diary);
  bool active = false;
  for (const auto& g : read_diary(path).goals)
    active = active || (g.number == number && !g.dropped);
  if (!active) {
    throw Error::flag("N",
                      fmt::format("there is no active goal {}; see 'backplan goals list'", number));
  }
  Diary entry;
  entry.ratings.push_back({new_diary_uid(), number, date, score});
  merge_into_diary(path, entry);
  say(fmt::format("Goal {} rated {}/10 on {}.\n", number, score, iso_date(date)));
  return 0;
}

}  // namespace backplan
