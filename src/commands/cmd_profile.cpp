#include "commands/cmd_profile.h"
#include "io/files.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "io/output.h"
#include "load/library_loader.h"
#include "load/yaml_tree.h"
#include "model/diagnostics.h"
#include "resolve/fields.h"
#include "resolve/profile.h"
#include "resolve/saved_profile.h"
#include "text/suggest.h"

namespace backplan {

namespace {

std::string where_or_throw(ExitCode code) {
  if (auto path = saved_profile_path()) return *path;
  throw Error(code,
              "no place for a saved profile: set HOME (or XDG_CONFIG_HOME to an absolute path)");
}

// Paths as messages show them: "~/..." for those under HOME.
std::string shown(const std::string& text) {
  const char* home = std::getenv("HOME");
  if (!home || !*home) return text;
  std::string base(home);
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  if (base == "/") return text;
  base += '/';
  std::string out = text;
  for (std::size_t at = out.find(base); at != std::string::npos; at = out.find(base, at + 2)) {
    if (at == 0 || out[at - 1] == '\'' || out[at - 1] == ' ') out.replace(at, base.size(), "~/");
  }
  return out;
}

std::string header(const std::string& path) {
  return fmt::format("# Saved profile: {}\n", shown(path));
}

}  // namespace

std::string shown_path(const std::string& path) {
  return shown(path);
}

int run_profile_save(const ProfileSaveOptions& options) {
  const std::string path = where_or_throw(ExitCode::cannot_write);
  const Library lib = load_library_or_throw(options.routines);
  ProfileInput flags = read_profile_flags(options.profile, lib);
  flags.clinic = options.clinic;
  ProfileInput saved;
  if (!options.replace && file_exists(path)) {
    try {
      saved = load_profile_file(path, lib);
    } catch (const Error& e) {
      if (!e.diagnostic()) throw;
      throw Error::in_file(e.diagnostic()->where,
                           e.diagnostic()->message +
                               " (fix the file, or start afresh with 'backplan profile save "
                               "--replace ...')");
    }
  }
  const ProfileInput merged = merge_profile(saved, flags);
  if (!has_any_field(merged)) {
    throw Error(ExitCode::usage,
                "nothing to save: give the profile's flags, such as --age 60 or --equipment "
                "tennis-ball; see 'backplan profile save --help'");
  }
  const std::string yaml = profile_yaml(merged);
  if (!options.routines.empty()) {
    // Every later plan reads the saved profile with the built-in library alone: an id only
    // --routines knows would break each of them, so it is refused now.
    const YamlNodePtr root = parse_yaml(yaml, path);
    DiagnosticSink sink;
    read_profile(*root, path, load_library_or_throw({}), sink);
    if (!sink.empty()) {
      throw Error(ExitCode::usage,
                  fmt::format("cannot save what only --routines knows ({}): later plans read "
                              "the saved profile with the built-in library alone; give it on "
                              "each plan, with --routines, instead",
                              sink.items().front().message));
    }
  }
  try {
    write_config_file(path, yaml);
  } catch (const Error& e) {
    throw Error(e.code(), shown(e.message()));  // the paths as the other messages show them
  }
  write_output("-", header(path) + yaml);
  return static_cast<int>(ExitCode::ok);
}

int run_profile_show(const std::vector<std::string>& routines) {
  const auto path = saved_profile_path();
  if (!path) {
    write_output("-",
                 "No saved profile: neither HOME nor XDG_CONFIG_HOME gives a place for one.\n");
    return static_cast<int>(ExitCode::ok);
  }
  if (!file_exists(*path)) {
    write_output("-", fmt::format("No saved profile (it would be {}).\nSave one with 'backplan "
                                  "profile save', for example: backplan profile save --age 60 "
                                  "--equipment tennis-ball\n",
                                  shown(*path)));
    return static_cast<int>(ExitCode::ok);
  }
  // Checked as `plan` would read it, so a problem shows here with its line and column.
  const Library lib = load_library_or_throw(routines);
  load_profile_file(*path, lib);
  write_output("-", header(*path) + read_text_file(*path, 64 * 1024));
  return static_cast<int>(ExitCode::ok);
}

int run_profile_unset(const std::vector<std::string>& fields) {
  std::vector<Field> unset;
  for (const auto& word : fields) {
    std::string key = word;
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (key == "condition") key = "conditions";
    if (key == "no-floor") key = "floor";
    if (key == "review-date") key = "review_date";
    if (key == "note") key = "notes";
    const auto field = kFieldNames.parse(key);
    if (!field) {
      throw Error(ExitCode::usage,
                  fmt::format("{}; see 'backplan profile unset --help'",
                              unknown_message("field", word, kFieldNames.names())));
    }
    unset.push_back(*field);
  }
  const std::string path = where_or_throw(ExitCode::cannot_write);
  if (!file_exists(path)) {
    write_output("-", fmt::format("No saved profile at {}; nothing to unset.\n", shown(path)));
    return static_cast<int>(ExitCode::ok);
  }
  const Library lib = load_library_or_throw({});
  ProfileInput p = load_profile_file(path, lib);
  for (const Field field : unset) {
    switch (field) {
      case Field::name:
        p.name.reset();
        break;
      case Field::age:
        p.age.reset();
        break;
      case Field::floor:
        p.floor.reset();
        break;
      case Field::equipment:
        p.equipment.reset();
        break;
      case Field::conditions:
        p.conditions.reset();
        p.details.clear();
        break;
      case Field::avoid:
        p.avoid.reset();
        break;
      case Field::minutes:
        p.minutes.reset();
        break;
      case Field::cleared:
        p.cleared.reset();
        break;
      case Field::routine:
        p.routine.reset();
        break;
      case Field::level:
        p.level.reset();
        break;
      case Field::clinic:
        p.clinic.clinic.reset();
        break;
      case Field::clinician:
        p.clinic.clinician.reset();
        break;
      case Field::contact:
        p.clinic.contact.reset();
        break;
      case Field::review_date:
        p.clinic.review_date.reset();
        break;
      case Field::notes:
        p.clinic.note.reset();
        break;
    }
  }
  if (!has_any_field(p)) return run_profile_clear();
  const std::string yaml = profile_yaml(p);
  try {
    write_config_file(path, yaml);
  } catch (const Error& e) {
    throw Error(e.code(), shown(e.message()));
  }
  write_output("-", header(path) + yaml);
  return static_cast<int>(ExitCode::ok);
}

int run_profile_clear() {
  const auto path = saved_profile_path();
  if (!path || !file_exists(*path)) {
    write_output("-",
                 path ? fmt::format("No saved profile at {}; nothing to remove.\n", shown(*path))
                      : std::string("No saved profile; nothing to remove.\n"));
    return static_cast<int>(ExitCode::ok);
  }
  // Only a file: remove() would also take an empty directory.
  std::error_code error;
  if (std::filesystem::is_directory(*path)) error = std::make_error_code(std::errc::is_a_directory);
  if (error || !std::filesystem::remove(*path, error) || error) {
    throw Error(ExitCode::cannot_write,
                fmt::format("cannot remove '{}': {}", shown(*path), error.message()));
  }
  write_output("-", fmt::format("Removed the saved profile {}\n", shown(*path)));
  return static_cast<int>(ExitCode::ok);
}

}  // namespace backplan
