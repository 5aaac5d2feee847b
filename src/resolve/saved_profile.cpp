#include "resolve/saved_profile.h"

#include <fmt/format.h>

#include "io/files.h"
#include "io/output.h"
#include "io/terminal.h"
#include "model/diagnostics.h"

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

void write_config_file(const std::string& path, const std::string& content) {
  make_parent_directories(path);
  write_output(path, content);
}

}  // namespace backplan
