#include "io/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>
#include <cstdlib>

namespace backplan {

std::optional<std::string> environment_variable(const char* name) {
  const char* value = std::getenv(name);
  if (!value) return std::nullopt;
  return std::string(value);
}

namespace {}  // namespace

bool wants_color(const ColorEnv& e) {
  if (e.no_color && !e.no_color->empty()) return false;
  if (e.clicolor_force && !e.clicolor_force->empty() && *e.clicolor_force != "0") return true;
  if (e.term && *e.term == "dumb") return false;
  return e.is_terminal;
}

bool stdout_wants_color() {
  ColorEnv e;
  e.no_color = environment_variable("NO_COLOR");
  e.clicolor_force = environment_variable("CLICOLOR_FORCE");
  e.term = environment_variable("TERM");
  e.is_terminal = ::isatty(STDOUT_FILENO) == 1;
  return wants_color(e);
}

int clamp_width(int columns) {
  if (columns <= 0) return kDefaultWidth;
  if (columns < kMinWidth) return kMinWidth;
  if (columns > kMaxWidth) return kMaxWidth;
  return columns;
}

bool stdout_is_terminal() {
  return ::isatty(STDOUT_FILENO) == 1;
}

int stdout_width() {
  if (::isatty(STDOUT_FILENO) != 1) return kDefaultWidth;
  struct winsize size {};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return kDefaultWidth;
  return clamp_width(size.ws_col);
}

}  // namespace backplan
