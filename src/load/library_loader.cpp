#include "load/library_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "io/files.h"
#include "load/embedded_library.h"
#include "load/library_reader.h"
#include "load/yaml_reader.h"
#include "load/yaml_tree.h"
#include "text/suggest.h"

namespace backplan {

namespace {

constexpr std::size_t kMaxFileBytes = 1024 * 1024;

// Adds `items` of one layer to `into`: replaces entries with the same id, appends new ones;
// an id twice within the layer is reported.
template <typename T>
void merge(std::vector<T>& into, std::vector<T>& items, std::string_view kind,
           DiagnosticSink& sink) {
  std::map<std::string, Location> seen;
  for (auto& item : items) {
    auto [it, inserted] = seen.emplace(item.id, item.at);
    if (!inserted) {
      sink.error(item.at, fmt::format("{} '{}' is defined twice (first at {})", kind, item.id,
                                      to_string(it->second)));
      continue;
    }
    auto existing =
        std::find_if(into.begin(), into.end(), [&](const T& e) { return e.id == item.id; });
    if (existing != into.end()) {
      *existing = std::move(item);
    } else {
      into.push_back(std::move(item));
    }
  }
}

// Copies the field `key` (an exercise's YAML key) of `from` over `into`.
void copy_exercise_field(Exercise& into, Exercise& from, std::string_view key) {
  if (key == "name") into.name = std::move(from.name);
  if (key == "phase") into.phase = from.phase;
  if (key == "position") into.position = from.position;
  if (key == "equipment") into.equipment = std::move(from.equipment);
  if (key == "pressure_on") into.pressure_on = std::move(from.pressure_on);
  if (key == "targets") into.targets = std::move(from.targets);
  if (key == "tags") into.tags = std::move(from.tags);
  if (key == "dose") into.dose = from.dose;
  if (key == "cues") into.cues = std::move(from.cues);
  if (key == "handout_cues") into.handout_cues = std::move(from.handout_cues);
  if (key == "progression") into.progression = std::move(from.progression);
  if (key == "figure") into.figure = std::move(from.figure);
  if (key == "alternatives") into.alternatives = std::move(from.alternatives);
  if (key == "levels") into.levels = std::move(from.levels);
  if (key == "source") into.sources = std::move(from.sources);
  if (key == "synonyms") into.synonyms = std::move(from.synonyms);
}

// Adds a layer's exercises: an id the library has is changed field by field (each field the
// layer gives replaces the earlier value whole; the others stay); a new id is added (the reader
// has checked that it gives every required field).
void merge_exercises(std::vector<Exercise>& into, Layer& layer, DiagnosticSink& sink) {
  std::map<std::string, Location> seen;
  for (auto& item : layer.exercises) {
    auto [it, inserted] = seen.emplace(item.id, item.at);
    if (!inserted) {
      sink.error(item.at, fmt::format("exercise '{}' is defined twice (first at {})", item.id,
                                      to_string(it->second)));
      continue;
    }
    const auto& given = layer.exercise_fields[item.id];
    auto existing =
        std::find_if(into.begin(), into.end(), [&](const Exercise& e) { return e.id == item.id; });
    if (existing != into.end()) {
      for (const auto& key : given) copy_exercise_field(*existing, item, key);
      existing->at = item.at;
      continue;
    }
    into.push_back(std::move(item));
  }
}

}  // namespace

std::vector<SourceFile> builtin_library_files() {
  std::vector<SourceFile> out;
  for (const auto& file : embedded_library_files()) {
    out.push_back({"<built-in>/" + std::string(file.name), std::string(file.text)});
  }
  return out;
}

std::vector<SourceFile> read_library_path(const std::string& path) {
  std::vector<std::string> files;
  if (is_directory(path)) {
    for (const auto& name : list_directory(path)) {
      if (name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0 && name[0] != '.') {
        files.push_back(path + (path.back() == '/' ? "" : "/") + name);
      }
    }
    if (files.empty()) throw Error::in_file({path}, "no .yaml files in this directory");
  } else {
    files.push_back(path);
  }
  std::vector<SourceFile> out;
  for (const auto& file : files) out.push_back({file, read_text_file(file, kMaxFileBytes)});
  return out;
}

Library load_library(const std::vector<std::vector<SourceFile>>& layers, DiagnosticSink& sink) {
  Library lib;
  std::optional<Location> settings_at;
  bool has_default_minutes = false;
  Location first_file;
  for (const auto& files : layers) {
    Layer layer;
    for (const auto& file : files) {
      if (first_file.path.empty()) first_file = {file.path, 0, 0};
      try {
        const YamlNodePtr root = parse_yaml(file.text, file.path);
        read_library_file(*root, file.path, sink, layer, lib.exercises);
      } catch (const Error& e) {
        if (!e.diagnostic()) throw;
        sink.error(e.diagnostic()->where, e.diagnostic()->message);
      }
    }
    if (layer.settings_at) settings_at = layer.settings_at;
    if (layer.default_routine) lib.settings.default_routine = *layer.default_routine;
    if (layer.default_minutes) {
      lib.settings.default_minutes = *layer.default_minutes;
      has_default_minutes = true;
    }
    if (layer.beginner_from_age) {
      lib.settings.beginner_from_age = layer.beginner_from_age->first;
      lib.settings.beginner_from_age_sources = layer.beginner_from_age->second;
    }
    if (layer.default_equipment) lib.settings.default_equipment = *layer.default_equipment;
    if (layer.default_equipment_notice) {
      lib.settings.default_equipment_notice = *layer.default_equipment_notice;
    }
    if (layer.assumed_equipment) lib.settings.assumed_equipment = *layer.assumed_equipment;
    if (layer.handout_wording) lib.settings.handout_wording = *layer.handout_wording;
    if (layer.general_rules) lib.general_rules = std::move(*layer.general_rules);
    if (layer.emergency_signs) lib.emergency_signs = std::move(*layer.emergency_signs);
    if (layer.progression) lib.progression = std::move(*layer.progression);
    if (layer.figure_model) lib.figure_model = std::move(*layer.figure_model);
    merge(lib.regions, layer.regions, "region", sink);
    merge(lib.equipment, layer.equipment, "equipment", sink);
    merge_exercises(lib.exercises, layer, sink);
    merge(lib.conditions, layer.conditions, "condition", sink);
    merge(lib.routines, layer.routines, "routine", sink);
    merge(lib.sources, layer.sources, "source", sink);
  }
  if (!sink.empty()) return lib;
  if (settings_at) {
    // Every layer may set some settings; together they must give these.
    if (lib.settings.default_routine.id.empty()) {
      sink.error(*settings_at, "settings is missing 'default_routine'");
    }
    if (!has_default_minutes) sink.error(*settings_at, "settings is missing 'default_minutes'");
  }
  check_library(lib, settings_at.has_value(), first_file, sink);
  return lib;
}

}  // namespace backplan
