#pragma once
// The guided session's screen, drawn from its state: a pure function (script, state) -> lines,
// exactly state.height of them, none wider than state.width columns. The terminal driver paints
// them; the styles become colours and bold only when colour is wanted.

#include <string>
#include <vector>

#include "session/session.h"

namespace backplan::session {

enum class Style { plain, title, dim, strong };

struct Line {
  std::string text;
  Style style = Style::plain;
};

using Screen = std::vector<Line>;

// The step's figure (braille) stands in a column on the right in a window of at least this size.
inline constexpr int kFigureMinWidth = 90;
inline constexpr int kFigureMinHeight = 22;

Screen render(const Script& script, const SessionState& state);

// The screen as plain text, one line each, trailing blanks trimmed (for tests and captures).
std::string screen_text(const Screen& screen);

// "4 of 13 · 9 min left".
std::string progress_words(const Script& script, const SessionState& state);

// The pacer's line at `elapsed_ms` into a pass: "Breathe in  3  ██████░░░░", `bar` cells wide.
std::string pacer_line(const std::vector<int>& breath, std::int64_t elapsed_ms, int bar);

// `seconds` in large block digits (5 lines), "M:SS" from a minute up.
std::vector<std::string> big_number(int seconds);

}  // namespace backplan::session
