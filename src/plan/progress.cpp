#include "plan/progress.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace backplan {

std::string fill_in(std::string text,
                    const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const std::string key = "{" + name + "}";
    for (std::size_t at = text.find(key); at != std::string::npos;
         at = text.find(key, at + value.size())) {
      text.replace(at, key.size(), value);
    }
  }
  return text;
}

namespace {

// One variant of a ladder: its level (when the slot has levels) and its exercise.
struct Rung {
  std::optional<Level> level;
  const Exercise* exercise = nullptr;
};

// A slot's ladder, bottom to top: each variant with each of its dose steps.
class Ladder {
 public:
  Ladder(const Library& lib, const Exercise& own) {
    if (own.levels.empty()) {
      rungs_.push_back({std::nullopt, &own});
    } else {
      for (const Level level : {Level::beginner, Level::standard, Level::advanced}) {
        const auto it = own.levels.find(level);
        const Exercise* x = it == own.levels.end() ? &own : lib.find_exercise(it->second.id);
        if (!x) continue;
        // Two levels on the same exercise are one variant: the lower level names it.
        if (!rungs_.empty() && rungs_.back().exercise == x) continue;
        rungs_.push_back({level, x});
      }
    }
    for (std::size_t r = 0; r < rungs_.size(); ++r) {
      const int stages = static_cast<int>(rungs_[r].exercise->progression.stages.size());
      for (int s = 0; s <= stages; ++s) steps_.push_back({r, s});
    }
  }

  // The index of a recorded step, or unset when the library no longer has it.
  std::optional<std::size_t> find(const DiaryStep& d, const Library& lib) const {
    if (!lib.find_exercise(d.id)) return std::nullopt;
    if (d.level.has_value() != rungs_.front().level.has_value()) return std::nullopt;
    std::size_t rung = 0;
    if (d.level) {
      // The variant that covers the level: the highest one at or below it.
      bool found = false;
      for (std::size_t r = 0; r < rungs_.size(); ++r) {
        if (*rungs_[r].level <= *d.level) {
          rung = r;
          found = true;
        }
      }
      if (!found) return std::nullopt;
    }
    for (std::size_t i = 0; i < steps_.size(); ++i) {
      if (steps_[i].first == rung && steps_[i].second == d.stage) return i;
    }
    return std::nullopt;
  }

  // The first step of the variant a recorded step names, or of the ladder.
  std::size_t restart(const DiaryStep& d) const {
    if (d.level && rungs_.front().level) {
      std::size_t rung = 0;
      for (std::size_t r = 0; r < rungs_.size(); ++r) {
        if (*rungs_[r].level <= *d.level) rung = r;
      }
      for (std::size_t i = 0; i < steps_.size(); ++i) {
        if (steps_[i].first == rung) return i;
      }
    }
    return 0;
  }

  std::size_t size() const { return steps_.size(); }
  LadderStep at(std::size_t i) const { return {rungs_[steps_[i].first].level, steps_[i].second}; }
  const Exercise& exercise(std::size_t i) const { return *rungs_[steps_[i].first].exercise; }

 private:
  std::vector<Rung> rungs_;
  std::vector<std::pair<std::size_t, int>> steps_;  // (rung, stage), bottom to top
};

const DiaryStep* step_for(const DiarySession& s, const std::string& slot) {
  for (const auto& step : s.steps) {
    if (step.slot == slot) return &step;
  }
  return nullptr;
}

class Reader {
 public:
  Reader(const Library& lib, const ProgressionPolicy& policy) : lib_(lib), p_(policy) {}

  // Hard on the back: pain during reached the policy's limit, or the next morning was worse by
  // the policy's margin than before the session.
  bool bad(const DiarySession& s) const {
    if (s.pain_during && *s.pain_during >= p_.back_pain_during) return true;
    return s.pain_morning && s.pain_before &&
           *s.pain_morning - *s.pain_before >= p_.back_morning_worse;
  }

  // Met the pain-monitoring rule: pain during within the limit, settled by the next morning.
  bool settled(const DiarySession& s) const {
    return s.pain_during && s.pain_before && s.pain_morning &&
           *s.pain_during <= p_.max_pain_during && *s.pain_morning <= *s.pain_before;
  }

  std::string say(const std::string& key,
                  const std::vector<std::pair<std::string, std::string>>& values = {}) const {
    const auto it = p_.wording.find(key);
    return it == p_.wording.end() ? std::string() : fill_in(it->second, values);
  }

  LadderProgress ladder(const Exercise& own, const std::vector<const DiarySession*>& sessions,
                        const CivilDate& today) const {
    LadderProgress out;
    out.slot = own.id;
    const Ladder ladder(lib_, own);
    std::vector<std::pair<const DiarySession*, const DiaryStep*>> history;
    for (const DiarySession* s : sessions) {
      if (const DiaryStep* d = step_for(*s, own.id)) history.emplace_back(s, d);
    }
    if (history.empty()) {
      out.exercise = ladder.exercise(0).id;
      out.from = out.to = ladder.at(0);
      return out;
    }
    const DiaryStep& last = *history.back().second;
    const auto at = ladder.find(last, lib_);
    if (!at) {
      const std::size_t first = ladder.restart(last);
      out.from = {last.level, last.stage};
      out.to = ladder.at(first);
      out.exercise = ladder.exercise(first).id;
      out.move = ProgressMove::restart;
      const Exercise* gone = lib_.find_exercise(last.id);
      out.reason = say("library_changed", {{"exercise", gone ? gone->name : last.id}});
      return out;
    }
    out.from = ladder.at(*at);
    out.to = out.from;
    out.exercise = ladder.exercise(*at).id;
    out.move = ProgressMove::stay;
    // The sessions done at this step, latest first: skipped ones do not count, and a session at
    // another step ends the run.
    std::vector<const DiarySession*> run;
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      if (it->second->skipped) continue;
      if (ladder.find(*it->second, lib_) != at) break;
      run.push_back(it->first);
    }
    if (run.empty()) {
      out.reason = say("not_done");
      return out;
    }
    const DiarySession& latest = *run.front();
    auto move_to = [&](std::size_t i, ProgressMove move) {
      out.to = ladder.at(i);
      out.exercise = ladder.exercise(i).id;
      out.move = move;
    };
    if (bad(latest)) {
      if (*at == 0) {
        out.reason = say("bottom");
      } else {
        move_to(*at - 1, ProgressMove::down);
        out.reason =
            latest.pain_during && *latest.pain_during >= p_.back_pain_during
                ? say("down_during", {{"pain", std::to_string(*latest.pain_during)}})
                : say("down_morning",
                      {{"worse", std::to_string(*latest.pain_morning - *latest.pain_before)}});
      }
      return out;
    }
    if (!latest.pain_during || !latest.pain_before) {
      out.reason = say("no_rating");
      return out;
    }
    if (!latest.pain_morning) {
      out.reason = say("no_morning");
      return out;
    }
    for (const DiarySession* s : run) {
      if (!settled(*s)) break;
      ++out.settled;
    }
    if (out.settled < p_.sessions) {
      out.reason = say("building", {{"good", std::to_string(out.settled)},
                                    {"sessions", std::to_string(p_.sessions)}});
      return out;
    }
    const long gap = day_number(today) - day_number(latest.date);
    if (gap >= p_.break_days) {
      out.reason = say("break", {{"days", std::to_string(gap)}});
      return out;
    }
    if (*at + 1 >= ladder.size()) {
      out.reason = say("top");
      return out;
    }
    move_to(*at + 1, ProgressMove::up);
    out.reason = say("up", {{"sessions", std::to_string(p_.sessions)},
                            {"max_pain_during", std::to_string(p_.max_pain_during)}});
    return out;
  }

 private:
  const Library& lib_;
  const ProgressionPolicy& p_;
};

bool before(const DiarySession& a, const DiarySession& b) {
  const long da = day_number(a.date);
  const long db = day_number(b.date);
  return da != db ? da < db : a.minute < b.minute;
}

Adherence adherence(const ProgressionPolicy& policy, const Diary& diary, const CivilDate& today,
                    const Reader& reader) {
  Adherence out;
  out.window = policy.adherence_days;
  const long now = day_number(today);
  std::set<long> days;
  for (const auto& s : diary.sessions) {
    const long d = day_number(s.date);
    if (d <= now) days.insert(d);
  }
  if (days.empty()) return out;
  for (long d : days) {
    if (d > now - out.window) ++out.days;
  }
  for (long d = days.count(now) ? now : now - 1; days.count(d); --d) ++out.streak;
  if (out.days == 0) {
    out.text = reader.say("adherence_none", {{"window", std::to_string(out.window)}});
  } else {
    out.text = reader.say(
        "adherence", {{"days", std::to_string(out.days)}, {"window", std::to_string(out.window)}});
    if (out.streak >= 2) {
      out.text += " " + reader.say("streak", {{"streak", std::to_string(out.streak)}});
    }
  }
  return out;
}

}  // namespace

Progress progress_from(const Library& lib, const std::string& routine, const Diary& diary,
                       const CivilDate& today) {
  Progress out;
  out.routine = routine;
  const Routine* r = lib.find_routine(routine);
  if (!r || !lib.progression.defined) return out;
  const ProgressionPolicy& policy = lib.progression;
  const Reader reader(lib, policy);
  std::vector<const DiarySession*> sessions;
  for (const auto& s : diary.sessions) {
    if (s.routine == routine && day_number(s.date) <= day_number(today)) sessions.push_back(&s);
  }
  std::stable_sort(sessions.begin(), sessions.end(),
                   [](const DiarySession* a, const DiarySession* b) { return before(*a, *b); });
  // Sessions a partial read only counted are older than every one it loaded.
  const auto left_out = diary.sessions_left_out.find(routine);
  out.sessions = static_cast<int>(sessions.size()) +
                 (left_out == diary.sessions_left_out.end() ? 0 : left_out->second);
  for (const auto& phase : r->phases) {
    for (const auto& slot : phase.slots) {
      const Exercise* own = lib.find_exercise(slot.exercise.id);
      if (own) out.ladders.push_back(reader.ladder(*own, sessions, today));
    }
  }
  // The last sessions in a row were all hard on the back, and recently: a flare-up day.
  if (static_cast<int>(sessions.size()) >= policy.flare_after &&
      day_number(today) - day_number(sessions.back()->date) < policy.break_days) {
    const bool all_bad = std::all_of(sessions.end() - policy.flare_after, sessions.end(),
                                     [&](const DiarySession* s) { return reader.bad(*s); });
    if (all_bad) {
      out.flare = true;
      out.flare_advice = reader.say("flare", {{"bad", std::to_string(policy.flare_after)}});
    }
  }
  out.adherence = adherence(policy, diary, today, reader);
  return out;
}

}  // namespace backplan
