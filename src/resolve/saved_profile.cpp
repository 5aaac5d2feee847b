#include "resolve/saved_profile.h"

#include <yaml-cpp/yaml.h>

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

// A list field in flow style: "equipment: [tennis-ball, bed]".
void list(YAML::Emitter& out, const char* key, const std::vector<std::string>& items) {
  out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const auto& item : items) out << item;
  out << YAML::EndSeq;
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
  YAML::Emitter out;
  out << YAML::Comment(
      "backplan's saved profile, written by 'backplan profile save'; see backplan(1).");
  if (has_any_field(p)) {
    out << YAML::BeginMap;
    // Always double-quoted, so a name reads back as text whatever it holds.
    if (p.name) out << YAML::Key << "name" << YAML::Value << YAML::DoubleQuoted << *p.name;
    if (p.age) out << YAML::Key << "age" << YAML::Value << *p.age;
    if (p.floor) out << YAML::Key << "floor" << YAML::Value << *p.floor;
    if (p.equipment) list(out, "equipment", *p.equipment);
    if (p.conditions) {
      std::vector<std::string> items;
      for (const auto& id : *p.conditions) items.push_back(condition_item(id, p.details));
      list(out, "conditions", items);
    }
    if (p.avoid) list(out, "avoid", *p.avoid);
    if (p.minutes) out << YAML::Key << "minutes" << YAML::Value << *p.minutes;
    if (p.cleared) out << YAML::Key << "cleared" << YAML::Value << *p.cleared;
    if (p.routine) out << YAML::Key << "routine" << YAML::Value << *p.routine;
    if (p.level) out << YAML::Key << "level" << YAML::Value << *p.level;
    const auto text = [&](const char* key, const std::optional<std::string>& value) {
      if (value) out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << *value;
    };
    text("clinic", p.clinic.clinic);
    text("clinician", p.clinic.clinician);
    text("contact", p.clinic.contact);
    text("review_date", p.clinic.review_date);
    text("notes", p.clinic.note);
    out << YAML::EndMap;
  }
  if (!out.good()) {
    throw Error(ExitCode::internal, "writing the saved profile: " + out.GetLastError());
  }
  return std::string(out.c_str(), out.size()) + "\n";
}

ProfileInput merge_profile(const ProfileInput& base, const ProfileInput& over) {
  auto pick = [](const auto& a, const auto& b) { return a ? a : b; };
  ProfileInput out;
  out.name = pick(over.name, base.name);
  out.age = pick(over.age, base.age);
  out.floor = pick(over.floor, base.floor);
  out.equipment = pick(over.equipment, base.equipment);
  out.conditions = pick(over.conditions, base.conditions);
  out.details = over.conditions ? over.details : base.details;
  out.avoid = pick(over.avoid, base.avoid);
  out.minutes = pick(over.minutes, base.minutes);
  out.cleared = pick(over.cleared, base.cleared);
  out.routine = pick(over.routine, base.routine);
  out.level = pick(over.level, base.level);
  out.clinic = merge_clinic(over.clinic, base.clinic);
  return out;
}

bool has_any_field(const ProfileInput& p) {
  return p.name || p.age || p.floor || p.equipment || p.conditions || p.avoid || p.minutes ||
         p.cleared || p.routine || p.level || !p.clinic.empty();
}

void write_config_file(const std::string& path, const std::string& content) {
  make_parent_directories(path);
  write_output(path, content);
}

}  // namespace backplan
