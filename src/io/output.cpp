#include "io/output.h"

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "model/diagnostics.h"

namespace backplan {

namespace {

constexpr std::string_view kTempPrefix = ".backplan-";

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

bool is_temp_name(const std::string& name) {
  if (name.size() != kTempPrefix.size() + 6 || name.compare(0, kTempPrefix.size(), kTempPrefix)) {
    return false;
  }
  for (std::size_t i = kTempPrefix.size(); i < name.size(); ++i) {
    const char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return true;
}

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
  const std::size_t slash = target_.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : target_.substr(0, slash + 1);
  std::string pattern = dir + std::string(kTempPrefix) + "XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) fail(errno);
  temp_ = name.data();
  file_ = ::fdopen(fd, "w+");
  if (!file_) {
    const int err = errno;
    ::close(fd);
    ::unlink(temp_.c_str());
    fail(err);
  }
}

AtomicFile::~AtomicFile() {
  if (file_) std::fclose(file_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::fail(int error) const {
  throw Error(ExitCode::cannot_write,
              fmt::format("cannot write '{}': {}", target_, std::strerror(error)));
}

void AtomicFile::put(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) fail(errno);
}

void AtomicFile::append_contents_of(AtomicFile& other) {
  if (std::fflush(other.file_) != 0) other.fail(errno);
  std::rewind(other.file_);
  char chunk[65536];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, other.file_)) > 0;) {
    if (std::fwrite(chunk, 1, n, file_) != n) fail(errno);
  }
  if (std::ferror(other.file_)) other.fail(errno);
  std::fseek(other.file_, 0, SEEK_END);
}

void AtomicFile::commit(Sync sync) {
  if (std::fflush(file_) != 0) fail(errno);
  if (sync == Sync::each && ::fsync(::fileno(file_)) != 0) fail(errno);
  // mkstemp makes the file 0600; a result file is as readable as any other the user writes.
  ::fchmod(::fileno(file_), static_cast<mode_t>(new_file_mode()));
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (closed != 0) fail(errno);
  if (::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno);
  committed_ = true;
}

void write_output(const std::string& path, const std::string& content, Sync sync) {
  if (path == "-") {
    if (!write_all(STDOUT_FILENO, content)) {
      throw Error(ExitCode::cannot_write,
                  fmt::format("cannot write 'standard output': {}", std::strerror(errno)));
    }
    return;
  }
  AtomicFile file(path);
  file.put(content);
  file.commit(sync);
}

bool remove_output(const std::string& path) {
  if (::unlink(path.c_str()) == 0) return true;
  if (errno == ENOENT) return false;
  throw Error(ExitCode::cannot_write,
              fmt::format("cannot remove '{}': {}", path, std::strerror(errno)));
}

}  // namespace backplan
