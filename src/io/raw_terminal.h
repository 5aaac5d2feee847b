#pragma once
// The terminal for a full-screen view (backplan go): plain termios and ANSI escapes, no curses.
// Entering raw mode switches to the alternate screen and hides the cursor; leaving restores the
// settings, the cursor and the main screen. So does every way out: the destructor, SIGINT,
// SIGTERM, SIGHUP and the fatal signals (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT), whose
// handlers restore the terminal and then die of the signal as before. SIGWINCH wakes wait().

#include <string>
#include <vector>

namespace backplan {

// Whether standard input and standard output are both terminals.
bool stdin_stdout_are_terminals();

class RawTerminal {
 public:
  RawTerminal();  // throws Error (cannot_write) when the terminal cannot be set up
  ~RawTerminal();
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;

  struct Size {
    int width = 80;
    int height = 24;
  };
  Size size() const;

  struct Input {
    std::vector<std::string> keys;  // one key each: a byte, or an escape sequence ("\x1b[C")
    bool resized = false;
  };
  // Waits for keys or a resize, at most `timeout_ms` (-1: no limit), in poll(): no busy loop.
  Input wait(int timeout_ms);

  // Writes everything (retrying short writes).
  void write(const std::string& text);

  // Restores the terminal now (idempotent); the destructor does it too.
  void leave();

 private:
  bool active_ = false;
};

}  // namespace backplan
