#include "commands/cmd_go.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <set>
#include <variant>

#include "commands/cmd_diary.h"
#include "commands/cmd_log.h"
#include "diary/store.h"
#include "figure/figure.h"
#include "io/raw_terminal.h"
#include "io/terminal.h"
#include "model/diagnostics.h"
#include "render/view.h"
#include "session/screen.h"
#include "session/session.h"

extern char** environ;

namespace backplan {

namespace {

using session::Finish;
using session::Key;

void say(const std::string& text) {
  std::fputs(text.c_str(), stdout);
  std::fflush(stdout);
}

// BACKPLAN_TIME_SCALE (tests only): how many times faster the clocks run; 1 when not set.
double time_scale() {
  const auto value = environment_variable("BACKPLAN_TIME_SCALE");
  if (!value || value->empty()) return 1;
  char* end = nullptr;
  const long v = std::strtol(value->c_str(), &end, 10);
  if (end != value->c_str() + value->size() || v < 1 || v > 1000) {
    throw Error(
        ExitCode::usage,
        fmt::format("BACKPLAN_TIME_SCALE must be a whole number from 1 to 1000, not '{}'", *value));
  }
  return static_cast<double>(v);
}

std::optional<std::string> find_program(const std::string& name) {
  const auto path = environment_variable("PATH");
  if (!path) return std::nullopt;
  std::size_t start = 0;
  while (start <= path->size()) {
    std::size_t end = path->find(':', start);
    if (end == std::string::npos) end = path->size();
    const std::string dir = path->substr(start, end - start);
    const std::string full = (dir.empty() ? "." : dir) + "/" + name;
    if (access(full.c_str(), X_OK) == 0) return full;
    start = end + 1;
  }
  return std::nullopt;
}

// Says `words` through espeak-ng in the background; finished ones are reaped by reap().
void speak(const std::string& program, const std::string& words) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::string prog = program, text = words;
  char* argv[] = {prog.data(), text.data(), nullptr};
  pid_t pid = 0;
  posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
}

void reap() {
  while (waitpid(-1, nullptr, WNOHANG) > 0) {
  }
}

// A pain from 0 to 10, asked until the answer is one; nullopt for an empty answer when
// `optional`. End of input: an error, nothing written.
std::optional<int> ask_pain(const std::string& question, bool optional) {
  for (;;) {
    say(question);
    std::string line;
    if (!std::getline(std::cin, line)) {
      say("\n");
      throw Error(ExitCode::usage, "no answer to the question; nothing logged");
    }
    const auto first = line.find_first_not_of(" \t\r");
    const auto last = line.find_last_not_of(" \t\r");
    line = first == std::string::npos ? "" : line.substr(first, last - first + 1);
    if (line.empty() && optional) return std::nullopt;
    if (!line.empty() && line.size() <= 2 &&
        line.find_first_not_of("0123456789") == std::string::npos) {
      const int v = std::stoi(line);
      if (v <= 10) return v;
    }
    say("Please answer with a whole number from 0 (no pain) to 10 (the worst imaginable).\n");
  }
}

Key key_of(const std::string& k, bool asking) {
  if (k == " ") return Key::space;
  if (asking && (k == "y" || k == "Y")) return Key::yes;
  if (asking && (k == "n" || k == "N")) return Key::no;
  if (k == "n" || k == "N" || k == "\x1b[C" || k == "\x1bOC") return Key::next;
  if (k == "b" || k == "B" || k == "\x1b[D" || k == "\x1bOD") return Key::back;
  if (k == "+" || k == "=") return Key::more;
  if (k == "-" || k == "_") return Key::less;
  if (k == "q" || k == "Q" || k == "\x04") return Key::quit;
  if (k == "?" || k == "h") return Key::help;
  return Key::other;
}

std::string frame(const session::Screen& screen, bool color) {
  std::string out = "\x1b[H";
  for (std::size_t i = 0; i < screen.size(); ++i) {
    const auto& line = screen[i];
    const char* sgr = "";
    if (color) {
      switch (line.style) {
        case session::Style::title:
          sgr = "\x1b[1m";
          break;
        case session::Style::strong:
          sgr = "\x1b[1;36m";
          break;
        case session::Style::dim:
          sgr = "\x1b[2m";
          break;
        case session::Style::plain:
          break;
      }
    }
    out += sgr;
    out += line.text;
    if (*sgr) out += "\x1b[0m";
    out += "\x1b[K";
    if (i + 1 < screen.size()) out += "\r\n";
  }
  return out;
}

// Runs the session on the terminal; the state it ended in.
session::SessionState run_screen(const session::Script& script, double scale,
                                 const std::optional<std::string>& espeak) {
  using Clock = std::chrono::steady_clock;
  RawTerminal term;
  const bool color = stdout_wants_color();
  const auto t0 = Clock::now();
  // The session's time: the monotonic clock since the start, times the scale. Every wait is
  // computed from it afresh, so waits never add up into drift.
  auto now_ms = [&] {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0);
    return static_cast<std::int64_t>(static_cast<double>(us.count()) * scale / 1000.0);
  };
  // BACKPLAN_GO_TRACE=FILE (tests and measurements only): a line at each change, the time it was
  // due and the time it was drawn, in ms of session time, to measure the timer's accuracy.
  std::FILE* trace = nullptr;
  if (const auto file = environment_variable("BACKPLAN_GO_TRACE"); file && !file->empty()) {
    trace = std::fopen(file->c_str(), "w");
  }
  RawTerminal::Size size = term.size();
  session::SessionState state = session::start(script, 0, size.width, size.height);
  int changes = state.changes;
  std::string shown;
  if (espeak) speak(*espeak, session::part_words(script, state));
  while (state.finish == Finish::running) {
    const std::string next = frame(session::render(script, state), color);
    if (next != shown) {
      term.write(next);
      shown = next;
    }
    const std::int64_t wake = session::next_wake_ms(script, state);
    int timeout = -1;
    if (wake >= 0) {
      const double real = static_cast<double>(wake - now_ms()) / scale;
      timeout = static_cast<int>(std::max(0.0, std::ceil(real)));
    }
    const RawTerminal::Input in = term.wait(timeout);
    const std::int64_t t = now_ms();
    if (in.resized) {
      size = term.size();
      state = session::update(script, state, session::Event::resize(t, size.width, size.height));
      shown.clear();  // redraw all of it
      term.write("\x1b[2J");
    }
    for (const auto& k : in.keys) {
      state = session::update(script, state, session::Event::press(t, key_of(k, state.asking_end)));
    }
    state = session::update(script, state, session::Event::tick(t));
    if (trace && state.changes != changes) {
      std::fprintf(trace, "%lld %lld %s\n", static_cast<long long>(state.part_start_ms),
                   static_cast<long long>(now_ms()), session::part_words(script, state).c_str());
      std::fflush(trace);
    }
    if (state.changes != changes && state.finish == Finish::running) {
      term.write("\a");
      if (espeak) speak(*espeak, session::part_words(script, state));
    }
    changes = state.changes;
    reap();
  }
  term.leave();
  if (trace) std::fclose(trace);
  return state;
}

}  // namespace

int run_go(const GoOptions& o) {
  if (!stdin_stdout_are_terminals()) {
    throw Error(ExitCode::usage,
                "go needs a terminal: it shows a timer and reads keys; to print today's routine "
                "instead, use 'backplan plan'");
  }
  const double scale = time_scale();
  const std::filesystem::path path = diary_path(o.diary);
  PlanSource source = o.plan;
  source.diary = o.diary;
  source.today = o.now.date;
  const SessionPlan today = session_plan(source, "no session");
  const Plan& plan = today.plan;
  std::optional<std::string> espeak;
  if (o.speak) {
    espeak = find_program("espeak-ng");
    if (!espeak) {
      say("--speak: espeak-ng is not installed (on Debian: sudo apt install espeak-ng); going "
          "on without spoken cues.\n");
    }
  }
  std::vector<std::string> doses;
  for (const auto& phase : plan.phases) {
    for (const auto& step : phase.steps) {
      // As the plan prints it: the dose, then the tools.
      std::string dose = dose_in_words(step.dose, step.phase);
      for (std::size_t i = 0; i < step.equipment.size(); ++i) {
        dose += (i ? ", " : " · ") + plan.name_of(step.equipment[i]);
      }
      doses.push_back(dose);
    }
  }
  session::Script script = session::make_script(plan, doses);
  for (auto& step : script.steps) step.figure = figure::draw_exercise(today.lib, step.id);

  // Yesterday's session without its next-morning value: this morning fills it in.
  const CivilDate yesterday = from_day_number(day_number(o.now.date) - 1);
  std::optional<int> morning;
  const Diary recent = read_recent_diary(path, yesterday, 1);
  if (!recent.sessions.empty()) {
    const DiarySession& last = recent.sessions.back();
    if (day_number(last.date) == day_number(yesterday) && !last.pain_morning) {
      morning = ask_pain(
          "How is your back this morning compared with yesterday? Your pain, 0-10 (Enter to "
          "skip): ",
          true);
    }
  }
  const int pain_before = *ask_pain("How is your back right now, 0-10? ", false);

  const session::SessionState end = run_screen(script, scale, espeak);
  const auto done = static_cast<std::size_t>(
      std::count(end.status.begin(), end.status.end(), session::StepStatus::done));
  if (morning) set_morning_pain(path, o.now.date, *morning);
  if (end.finish == Finish::ended_no_log) {
    say(fmt::format("Ended early after {} of {} steps; nothing logged{}.\n", done,
                    script.steps.size(), morning ? " but this morning's pain" : ""));
    return 0;
  }
  say(end.finish == Finish::completed
          ? fmt::format("Session complete: {} of {} steps done.\n", done, script.steps.size())
          : fmt::format("Ended early: {} of {} steps done.\n", done, script.steps.size()));
  const int pain_during = *ask_pain("What was the worst pain during the session, 0-10? ", false);

  std::set<std::string> skipped;
  for (std::size_t i = 0; i < script.steps.size(); ++i) {
    if (end.status[i] != session::StepStatus::done) skipped.insert(script.steps[i].id);
  }
  Diary entry;
  DiarySession s = session_from_plan(plan, skipped, o.now.date, o.now.minute);
  s.pain_before = pain_before;
  s.pain_during = pain_during;
  entry.sessions.push_back(s);
  merge_into_diary(path, entry);
  say(
      fmt::format("Logged the session of {} {}: {}, {} of {} steps done, pain {} before, {} "
                  "during.\n",
                  iso_date(s.date), clock_time(s.minute), s.routine, done, s.steps.size(),
                  pain_before, pain_during));
  return 0;
}

}  // namespace backplan
