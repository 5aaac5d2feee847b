#pragma once
// What the program can tell about where its output goes.

namespace backplan {

// Colour for standard output: only on a terminal, and never when NO_COLOR is set (non-empty).
bool stdout_wants_color();

}  // namespace backplan
