#include "io/raw_terminal.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "model/diagnostics.h"

namespace backplan {

namespace {

// What the signal handlers need, in plain globals (async-signal-safe use only).
struct termios g_saved;
volatile sig_atomic_t g_raw = 0;
int g_wake[2] = {-1, -1};  // the self-pipe SIGWINCH writes to

constexpr char kEnter[] = "\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J";
constexpr char kLeave[] = "\x1b[0m\x1b[?25h\x1b[?1049l";

constexpr int kFatal[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV,
                          SIGBUS, SIGFPE,  SIGILL, SIGABRT};

void restore_now() {
  if (!g_raw) return;
  g_raw = 0;
  ssize_t ignored = ::write(STDOUT_FILENO, kLeave, sizeof kLeave - 1);
  (void)ignored;
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
}

extern "C" void on_fatal(int sig) {
  restore_now();
  // Die of the signal as before, so the exit status tells what happened.
  signal(sig, SIG_DFL);
  raise(sig);
}

extern "C" void on_winch(int) {
  const int saved = errno;
  if (g_wake[1] >= 0) {
    const char c = 'w';
    ssize_t ignored = ::write(g_wake[1], &c, 1);
    (void)ignored;
  }
  errno = saved;
}

void set_handler(int sig, void (*handler)(int)) {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = sig == SIGWINCH ? SA_RESTART : static_cast<int>(SA_RESETHAND);
  sigaction(sig, &sa, nullptr);
}

// One key from the front of `bytes`: a byte, or ESC [ ... final byte.
std::size_t key_length(const std::string& bytes, std::size_t i) {
  if (bytes[i] != '\x1b' || i + 1 >= bytes.size() || (bytes[i + 1] != '[' && bytes[i + 1] != 'O'))
    return 1;
  std::size_t j = i + 2;
  while (j < bytes.size() && !(bytes[j] >= 0x40 && bytes[j] <= 0x7e)) ++j;
  return j < bytes.size() ? j - i + 1 : bytes.size() - i;
}

}  // namespace

bool stdin_stdout_are_terminals() {
  return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

RawTerminal::RawTerminal() {
  if (tcgetattr(STDIN_FILENO, &g_saved) != 0) {
    throw Error(ExitCode::cannot_write,
                std::string("cannot set up the terminal: ") + std::strerror(errno));
  }
  if (g_wake[0] < 0 && pipe(g_wake) == 0) {
    for (int fd : g_wake) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  for (int sig : kFatal) set_handler(sig, on_fatal);
  set_handler(SIGWINCH, on_winch);
  struct termios raw = g_saved;
  // No echo, no line editing, bytes as they come; Ctrl-C still sends SIGINT (whose handler
  // restores the terminal), Ctrl-Z is off (a stopped full-screen view would leave it raw).
  raw.c_lflag &= ~static_cast<tcflag_t>(ECHO | ICANON | IEXTEN);
  raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 0;
  raw.c_cc[VSUSP] = _POSIX_VDISABLE;
  g_raw = 1;
  active_ = true;
  if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) != 0) {
    leave();
    throw Error(ExitCode::cannot_write,
                std::string("cannot set up the terminal: ") + std::strerror(errno));
  }
  write(kEnter);
}

RawTerminal::~RawTerminal() {
  leave();
}

void RawTerminal::leave() {
  if (!active_) return;
  active_ = false;
  restore_now();
  for (int sig : kFatal) signal(sig, SIG_DFL);
  signal(SIGWINCH, SIG_DFL);
}

RawTerminal::Size RawTerminal::size() const {
  struct winsize ws;
  Size s;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
    s.width = ws.ws_col;
    s.height = ws.ws_row;
  }
  return s;
}

RawTerminal::Input RawTerminal::wait(int timeout_ms) {
  Input in;
  struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {g_wake[0], POLLIN, 0}};
  const int n = poll(fds, g_wake[0] >= 0 ? 2 : 1, timeout_ms);
  if (n <= 0) return in;  // the time is up, or a signal (EINTR): the caller looks at the clock
  if (g_wake[0] >= 0 && (fds[1].revents & POLLIN)) {
    char buf[64];
    while (read(g_wake[0], buf, sizeof buf) > 0) {
    }
    in.resized = true;
  }
  if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
    char buf[256];
    const ssize_t got = read(STDIN_FILENO, buf, sizeof buf);
    if (got > 0) {
      const std::string bytes(buf, static_cast<std::size_t>(got));
      for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t len = key_length(bytes, i);
        in.keys.push_back(bytes.substr(i, len));
        i += len;
      }
    } else if (got == 0 || (fds[0].revents & (POLLHUP | POLLERR))) {
      in.keys.push_back("\x04");  // the terminal went away: as end of input
    }
  }
  return in;
}

void RawTerminal::write(const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace backplan
