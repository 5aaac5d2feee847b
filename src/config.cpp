#include "config.h"

#include <fmt/format.h>

#include <sys/stat.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "diagnostics.h"
#include "output.h"
#include "terminal.h"

namespace backplan {

namespace {

std::string without_trailing_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// A YAML double-quoted scalar. Names hold no control characters (the profile checks), so only
// the quote and the backslash need escaping.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

// mkdir -p for the directory part of `path`.
void make_parent_directories(const std::string& path) {
  for (std::size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    const std::string dir = path.substr(0, slash);
    if (::mkdir(dir.c_str(), 0777) == 0) continue;
    const int err = errno;
    struct stat info {};
    if (::stat(dir.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) continue;
    throw Error(ExitCode::cannot_write,
                fmt::format("cannot write '{}': cannot create the directory '{}': {}", path, dir,
                            std::strerror(err == EEXIST ? ENOTDIR : err)));
  }
}

}  // namespace

std::optional<std::string> saved_profile_path(const std::optional<std::string>& xdg_config_home,
                                              const std::optional<std::string>& home) {
  if (xdg_config_home && !xdg_config_home->empty() && (*xdg_config_home)[0] == '/') {
    return without_trailing_slash(*xdg_config_home) + "/backplan/profile.yaml";
  }
  if (home && !home->empty()) {
    const std::string base = without_trailing_slash(*home);
    return (base == "/" ? "" : base) + "/.config/backplan/profile.yaml";
  }
  return std::nullopt;
}

std::optional<std::string> saved_profile_path() {
  return saved_profile_path(environment_variable("XDG_CONFIG_HOME"), environment_variable("HOME"));
}

std::string profile_yaml(const ProfileInput& p) {
  std::string out =
      "# backplan's saved profile, written by 'backplan profile save'; see backplan(1).\n";
  if (p.name) out += fmt::format("name: {}\n", quoted(*p.name));
  if (p.age) out += fmt::format("age: {}\n", *p.age);
  if (p.floor) out += fmt::format("floor: {}\n", *p.floor ? "true" : "false");
  if (p.equipment) out += fmt::format("equipment: {}\n", list(*p.equipment));
  if (p.conditions) out += fmt::format("conditions: {}\n", list(*p.conditions));
  if (p.avoid) out += fmt::format("avoid: {}\n", list(*p.avoid));
  if (p.minutes) out += fmt::format("minutes: {}\n", *p.minutes);
  if (p.cleared) out += fmt::format("cleared: {}\n", *p.cleared ? "true" : "false");
  if (p.routine) out += fmt::format("routine: {}\n", *p.routine);
  return out;
}

ProfileInput merge_profile(const ProfileInput& base, const ProfileInput& over) {
  auto pick = [](const auto& a, const auto& b) { return a ? a : b; };
  ProfileInput out;
  out.name = pick(over.name, base.name);
  out.age = pick(over.age, base.age);
  out.floor = pick(over.floor, base.floor);
  out.equipment = pick(over.equipment, base.equipment);
  out.conditions = pick(over.conditions, base.conditions);
  out.avoid = pick(over.avoid, base.avoid);
  out.minutes = pick(over.minutes, base.minutes);
  out.cleared = pick(over.cleared, base.cleared);
  out.routine = pick(over.routine, base.routine);
  return out;
}

bool has_any_field(const ProfileInput& p) {
  return p.name || p.age || p.floor || p.equipment || p.conditions || p.avoid || p.minutes ||
         p.cleared || p.routine;
}

bool file_exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 || (errno != ENOENT && errno != ENOTDIR);
}

void write_config_file(const std::string& path, const std::string& content) {
  make_parent_directories(path);
  write_output(path, content);
}

}  // namespace backplan
