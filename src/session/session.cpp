#include "session/session.h"

#include <fmt/format.h>

#include <algorithm>

namespace backplan::session {

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kPacerFrameMs = 250;

void add_parts(const Step& step, std::vector<Part>& parts) {
  parts.push_back({PartKind::get_ready, kGetReadySeconds * kSecond, 0, 0, 0, 0, 0});
  const StepDose& d = step.dose;
  const int sides = d.per_side ? 2 : 1;
  const int sets = std::max(1, d.sets);
  for (int set = 0; set < sets; ++set) {
    for (int side = 1; side <= sides; ++side) {
      const int side_no = d.per_side ? side : 0;
      if (side == 2) {
        parts.push_back(
            {PartKind::switch_sides, kSwitchSidesSeconds * kSecond, set + 1, sets, 0, 0, 2});
      }
      if (!d.reps.empty()) {
        const int n =
            d.reps[std::min<std::size_t>(static_cast<std::size_t>(set), d.reps.size() - 1)];
        for (int i = 1; i <= n; ++i) {
          if (d.hold_seconds) {
            parts.push_back(
                {PartKind::hold, *d.hold_seconds * kSecond, set + 1, sets, i, n, side_no});
            if (i < n) {
              parts.push_back(
                  {PartKind::relax, kRelaxSeconds * kSecond, set + 1, sets, i, n, side_no});
            }
          } else {
            parts.push_back({PartKind::rep, std::max(1, d.rep_seconds.value_or(1)) * kSecond,
                             set + 1, sets, i, n, side_no});
          }
        }
      } else {
        const int seconds = d.hold_seconds.value_or(
            std::max(1, step.seconds - step.transition_seconds) / (sets * sides));
        parts.push_back({step.phase == Phase::release ? PartKind::pass : PartKind::hold,
                         std::max(1, seconds) * kSecond, set + 1, sets, 1, 1, side_no});
      }
    }
    if (set + 1 < sets && d.rest_seconds > 0) {
      parts.push_back({PartKind::rest, d.rest_seconds * kSecond, set + 1, sets, 0, 0, 0});
    }
  }
}

std::int64_t part_ms(const Script& script, const SessionState& s) {
  return script.steps[s.step].parts[s.part].ms;
}

// The state at the start of step `index` (the end of the session past the last one).
void go_to_step(const Script& script, SessionState& s, std::size_t index, std::int64_t at) {
  s.step = index;
  s.part = 0;
  s.part_start_ms = at;
  s.part_extra_ms = 0;
  if (s.paused) s.paused_at_ms = at;
  ++s.changes;
  if (index >= script.steps.size()) s.finish = Finish::completed;
}

// Moves the clock on to `now`: every part that has ended by then is over, each next one starting
// exactly when the one before ended (so the schedule never drifts, however late the tick).
void advance(const Script& script, SessionState& s, std::int64_t now) {
  s.now_ms = std::max(s.now_ms, now);
  if (s.finish != Finish::running || s.paused || s.asking_end) return;
  while (s.finish == Finish::running && part_end_ms(script, s) <= s.now_ms) {
    const std::int64_t end = part_end_ms(script, s);
    if (s.part + 1 < script.steps[s.step].parts.size()) {
      ++s.part;
      s.part_start_ms = end;
      s.part_extra_ms = 0;
      ++s.changes;
    } else {
      s.status[s.step] = StepStatus::done;
      go_to_step(script, s, s.step + 1, end);
    }
  }
}

void set_paused(SessionState& s, bool paused) {
  if (paused == s.paused) return;
  if (paused) {
    s.paused_at_ms = s.now_ms;
  } else {
    s.part_start_ms += s.now_ms - s.paused_at_ms;
  }
  s.paused = paused;
}

std::string side_words(const Part& p) {
  return p.side ? fmt::format(", side {}", p.side) : "";
}

}  // namespace

Script make_script(const Plan& plan, const std::vector<std::string>& doses) {
  Script script;
  std::size_t i = 0;
  for (const auto& phase : plan.phases) {
    std::vector<int> phase_breath;
    for (const auto& step : phase.steps) {
      if (!step.breath.empty()) {
        phase_breath = step.breath;
        break;
      }
    }
    for (const auto& step : phase.steps) {
      ScriptStep s;
      s.id = step.id;
      s.name = step.name;
      s.dose = i < doses.size() ? doses[i] : "";
      s.cues = step.cues;
      s.breath = step.breath.empty() ? phase_breath : step.breath;
      add_parts(step, s.parts);
      script.steps.push_back(std::move(s));
      ++i;
    }
  }
  return script;
}

SessionState start(const Script& script, std::int64_t now_ms, int width, int height) {
  SessionState s;
  s.status.assign(script.steps.size(), StepStatus::pending);
  s.now_ms = now_ms;
  s.part_start_ms = now_ms;
  s.width = width;
  s.height = height;
  if (script.steps.empty()) s.finish = Finish::completed;
  return s;
}

std::int64_t part_end_ms(const Script& script, const SessionState& s) {
  if (s.finish != Finish::running) return s.now_ms;
  return s.part_start_ms + part_ms(script, s) + s.part_extra_ms;
}

std::int64_t part_left_ms(const Script& script, const SessionState& s) {
  if (s.finish != Finish::running) return 0;
  const std::int64_t now = s.paused ? s.paused_at_ms : s.now_ms;
  return std::max<std::int64_t>(0, part_end_ms(script, s) - now);
}

std::int64_t session_left_ms(const Script& script, const SessionState& s) {
  if (s.finish != Finish::running) return 0;
  std::int64_t left = part_left_ms(script, s);
  const auto& parts = script.steps[s.step].parts;
  for (std::size_t p = s.part + 1; p < parts.size(); ++p) left += parts[p].ms;
  for (std::size_t i = s.step + 1; i < script.steps.size(); ++i) {
    for (const auto& p : script.steps[i].parts) left += p.ms;
  }
  return left;
}

std::int64_t next_wake_ms(const Script& script, const SessionState& s) {
  if (s.finish != Finish::running || s.paused || s.asking_end) return -1;
  const std::int64_t end = part_end_ms(script, s);
  const std::int64_t left = end - s.now_ms;
  if (left <= 0) return s.now_ms;
  // The countdown shows whole seconds rounded up: it changes when `left` crosses a second.
  const std::int64_t into = left % kSecond;
  std::int64_t wake = s.now_ms + (into == 0 ? kSecond : into);
  const ScriptStep& step = script.steps[s.step];
  if (!step.breath.empty() && step.parts[s.part].kind == PartKind::pass) {
    const std::int64_t since = s.now_ms - s.part_start_ms;
    wake = std::min(wake, s.now_ms + kPacerFrameMs - since % kPacerFrameMs);
  }
  return std::min(wake, end);
}

SessionState update(const Script& script, SessionState s, const Event& e) {
  advance(script, s, e.now_ms);
  if (e.kind == Event::Kind::resize) {
    s.width = e.width;
    s.height = e.height;
    return s;
  }
  if (e.kind == Event::Kind::tick || s.finish != Finish::running) return s;
  if (s.help) {  // any key closes the list of keys
    s.help = false;
    return s;
  }
  if (s.asking_end) {
    if (e.key == Key::yes) {
      s.finish = Finish::ended_log;
    } else if (e.key == Key::no) {
      s.finish = Finish::ended_no_log;
    } else {
      s.asking_end = false;  // the question paused the clock: as it was before
      set_paused(s, s.paused_before_ask);
    }
    return s;
  }
  switch (e.key) {
    case Key::space:
      set_paused(s, !s.paused);
      break;
    case Key::next:
      s.status[s.step] = StepStatus::skipped;
      go_to_step(script, s, s.step + 1, s.now_ms);
      break;
    case Key::back:
      s.status[s.step] = StepStatus::pending;
      if (s.step > 0) s.status[s.step - 1] = StepStatus::pending;
      go_to_step(script, s, s.step > 0 ? s.step - 1 : 0, s.now_ms);
      break;
    case Key::more:
      s.part_extra_ms += kAdjustMs;
      break;
    case Key::less: {
      s.part_extra_ms -= kAdjustMs;
      const std::int64_t now = s.paused ? s.paused_at_ms : s.now_ms;
      if (part_end_ms(script, s) < now)
        s.part_extra_ms = now - s.part_start_ms - part_ms(script, s);
      advance(script, s, s.now_ms);
      break;
    }
    case Key::quit:
      s.paused_before_ask = s.paused;
      set_paused(s, true);
      s.asking_end = true;
      break;
    case Key::help:
      s.help = true;
      break;
    default:
      break;
  }
  return s;
}

std::string part_words(const Script& script, const SessionState& s) {
  if (s.finish != Finish::running) return "Session complete";
  const ScriptStep& step = script.steps[s.step];
  const Part& p = step.parts[s.part];
  switch (p.kind) {
    case PartKind::get_ready:
      return "Get ready: " + step.name;
    case PartKind::hold:
      return p.of > 1 ? fmt::format("Hold {} of {}{}", p.count, p.of, side_words(p))
                      : "Hold" + side_words(p);
    case PartKind::relax:
      return "Relax";
    case PartKind::rep:
      return fmt::format("Rep {} of {}{}", p.count, p.of, side_words(p));
    case PartKind::pass:
      return "Roll slowly" + side_words(p);
    case PartKind::rest:
      return "Rest";
    case PartKind::switch_sides:
      return "Switch sides";
  }
  return "";
}

}  // namespace backplan::session
