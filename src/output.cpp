#include "output.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "diagnostics.h"

namespace backplan {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw Error(ExitCode::cannot_write, fmt::format("cannot write '{}': {}", path, what));
}

bool write_all(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

unsigned new_file_mode() {
  static const mode_t mode = [] {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<mode_t>(0666 & ~mask);
  }();
  return mode;
}

void write_output(const std::string& path, const std::string& content, Sync sync) {
  if (path == "-") {
    if (!write_all(STDOUT_FILENO, content)) fail("standard output", std::strerror(errno));
    return;
  }
  const std::size_t slash = path.rfind('/');
  const std::string dir =
      slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  std::string temp = (dir == "/" ? std::string() : dir) + "/.backplan-XXXXXX";
  if (dir == ".") temp = ".backplan-XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) fail(path, std::strerror(errno));
  const std::string temp_path(name.data());
  const bool ok = write_all(fd, content) && (sync == Sync::deferred || ::fsync(fd) == 0);
  const int saved = errno;
  // mkstemp makes the file 0600; a result file is as readable as any other the user writes.
  ::fchmod(fd, static_cast<mode_t>(new_file_mode()));
  if (::close(fd) != 0 || !ok) {
    ::unlink(temp_path.c_str());
    fail(path, std::strerror(ok ? errno : saved));
  }
  if (::rename(temp_path.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp_path.c_str());
    fail(path, std::strerror(err));
  }
}

}  // namespace backplan
