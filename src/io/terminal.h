#pragma once
// What the program can tell about where its output goes: colour and width.

#include <optional>
#include <string>

namespace backplan {

// An environment variable's value, or nothing when it is not set.
std::optional<std::string> environment_variable(const char* name);

// The environment variables and facts the colour choice depends on.
struct ColorEnv {
  std::optional<std::string> no_color;        // NO_COLOR
  std::optional<std::string> clicolor_force;  // CLICOLOR_FORCE
  std::optional<std::string> term;            // TERM
  bool is_terminal = false;                   // standard output is a terminal
};

// NO_COLOR (non-empty) turns colour off; otherwise CLICOLOR_FORCE (non-empty, not "0") turns
// it on even in a pipe; otherwise colour only on a terminal whose TERM is not "dumb".
bool wants_color(const ColorEnv& env);

// Colour for standard output, from the real environment.
bool stdout_wants_color();

inline constexpr int kDefaultWidth = 80;
inline constexpr int kMinWidth = 40;
inline constexpr int kMaxWidth = 200;

// A terminal's column count, clamped to kMinWidth..kMaxWidth; kDefaultWidth when unknown (0).
int clamp_width(int columns);

// Whether standard output is a terminal (a PDF is not written to one).
bool stdout_is_terminal();

// The width to wrap standard output at: the terminal's width (TIOCGWINSZ) when standard output
// is a terminal, else kDefaultWidth; clamped.
int stdout_width();

}  // namespace backplan
