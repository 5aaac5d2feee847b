#include "io/files.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "model/diagnostics.h"

namespace backplan {

namespace fs = std::filesystem;

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec) throw Error::in_file({path}, fmt::format("cannot read: {}", ec.message()));
  if (fs::is_directory(status)) throw Error::in_file({path}, "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::in_file({path}, fmt::format("cannot read: {}", std::strerror(errno)));
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      throw Error::in_file({path},
                           fmt::format("file is larger than the {} KiB limit", max_bytes / 1024));
    }
  }
  if (in.bad()) throw Error::in_file({path}, "cannot read: read failed");
  return text;
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::vector<std::string> list_directory(const std::string& path) {
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  if (ec) {
    throw Error::in_file({path}, fmt::format("cannot read the directory: {}", ec.message()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool file_exists(const std::string& path) {
  std::error_code ec;
  (void)fs::status(path, ec);
  return !ec || (ec.value() != ENOENT && ec.value() != ENOTDIR);
}

void make_parent_directories(const std::string& path) {
  for (std::size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    const std::string dir = path.substr(0, slash);
    std::error_code ec;
    if (fs::is_directory(dir, ec)) continue;
    fs::create_directory(dir, ec);
    if (!ec) continue;
    const int err = ec.value();
    throw Error(ExitCode::cannot_write,
                fmt::format("cannot write '{}': cannot create the directory '{}': {}", path, dir,
                            std::strerror(err == EEXIST ? ENOTDIR : err)));
  }
}

}  // namespace backplan
