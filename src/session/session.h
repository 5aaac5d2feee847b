#pragma once
// A guided session (backplan go) as a pure state machine: a plan becomes a script of timed parts
// (get ready, each hold, the short relax between holds, each rep, each pass, switching sides,
// rests), and (script, state, event) -> state. Time is a number of milliseconds the caller gives;
// nothing here reads a clock, a key or the terminal.

#include <cstdint>
#include <string>
#include <vector>

#include "figure/figure.h"
#include "model/plan.h"

namespace backplan::session {

enum class PartKind { get_ready, hold, relax, rep, pass, rest, switch_sides };

// One timed part of a step.
struct Part {
  PartKind kind = PartKind::get_ready;
  std::int64_t ms = 0;
  int round = 0;   // 1-based; 0: not in a round (get ready)
  int rounds = 0;  // how many rounds (sets) the step has
  int count = 0;   // 1-based: which hold or rep of the round
  int of = 0;      // how many holds or reps the round has
  int side = 0;    // 0: no sides; 1 or 2
};

struct ScriptStep {
  std::string id;
  std::string name;
  std::string dose;  // the dose in words, as the plan prints it (render's dose_in_words)
  std::vector<std::string> cues;
  // The breathing to pace, seconds in, pause, out (empty: no pacer): the step's own, else that of
  // another step of its phase (a phase's breathing cue is said once, on its first step).
  std::vector<int> breath;
  std::vector<Part> parts;
  // The exercise's picture (the caller draws it from the library; no items: none), shown beside
  // the timer when the window is large enough.
  figure::Drawing figure;
};

struct Script {
  std::vector<ScriptStep> steps;
};

// Seconds of each part that the plan's dose does not give.
inline constexpr int kGetReadySeconds = 10;
inline constexpr int kSwitchSidesSeconds = 5;
inline constexpr int kRelaxSeconds = 2;           // between the holds of a round
inline constexpr std::int64_t kAdjustMs = 15000;  // + and -

// The script of a plan; `doses` are the steps' doses in words, in plan order (one for each step).
Script make_script(const Plan& plan, const std::vector<std::string>& doses);

enum class Key { space, next, back, more, less, quit, help, yes, no, other };

struct Event {
  enum class Kind { tick, key, resize } kind = Kind::tick;
  std::int64_t now_ms = 0;
  Key key = Key::other;
  int width = 80;
  int height = 24;
  static Event tick(std::int64_t now) { return {Kind::tick, now, Key::other, 0, 0}; }
  static Event press(std::int64_t now, Key k) { return {Kind::key, now, k, 0, 0}; }
  static Event resize(std::int64_t now, int w, int h) {
    return {Kind::resize, now, Key::other, w, h};
  }
};

enum class StepStatus { pending, done, skipped };
enum class Finish { running, completed, ended_log, ended_no_log };

struct SessionState {
  std::size_t step = 0;
  std::size_t part = 0;
  std::int64_t part_start_ms = 0;  // when the current part started (moved on by pauses)
  std::int64_t part_extra_ms = 0;  // what + and - added to the current part
  std::int64_t now_ms = 0;         // the time of the last event
  bool paused = false;
  std::int64_t paused_at_ms = 0;
  bool help = false;        // the keys are shown
  bool asking_end = false;  // q was pressed: log what was done? (the clock is paused)
  bool paused_before_ask = false;
  Finish finish = Finish::running;
  std::vector<StepStatus> status;  // one per step
  int width = 80;
  int height = 24;
  int changes = 0;  // counts every change of part or step: a bell (and a spoken cue) for each
};

SessionState start(const Script& script, std::int64_t now_ms, int width, int height);

SessionState update(const Script& script, SessionState state, const Event& event);

// When the current part ends (now, or the pause's start, when paused).
std::int64_t part_end_ms(const Script& script, const SessionState& state);

// The next time the screen changes by itself: the countdown's next whole second, the pacer's
// next frame or the part's end; -1 when nothing changes until a key (paused, asking, finished).
std::int64_t next_wake_ms(const Script& script, const SessionState& state);

// Milliseconds left in the current part, and in the whole session (the parts still to come of
// the steps not skipped).
std::int64_t part_left_ms(const Script& script, const SessionState& state);
std::int64_t session_left_ms(const Script& script, const SessionState& state);

// What a spoken cue or the change line says of the current part: "Hold 2 of 5", "Rest",
// "Switch sides", "Get ready: Side plank".
std::string part_words(const Script& script, const SessionState& state);

}  // namespace backplan::session
