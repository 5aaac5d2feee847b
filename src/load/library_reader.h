#pragma once
// Reading one routine library file into a Layer, and checking a merged library: the two halves
// of load_library (library_loader.h), which layers files between them.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/yaml_tree.h"
#include "model/diagnostics.h"
#include "model/library.h"

namespace backplan {

// The fields of an exercise entry, in the order the reader takes them.
inline const std::vector<std::string_view> kExerciseKeys = {
    "id",      "name",     "phase",        "position",    "equipment",    "pressure_on",
    "targets", "tags",     "dose",         "cues",        "alternatives", "levels",
    "source",  "synonyms", "handout_cues", "progression", "figure"};

// Everything one layer of files defines, before layers are merged.
struct Layer {
  std::optional<Ref> default_routine;
  std::optional<int> default_minutes;
  std::optional<std::pair<int, std::vector<Ref>>> beginner_from_age;  // the age, its sources
  std::optional<std::vector<Ref>> default_equipment;
  std::optional<std::string> default_equipment_notice;
  std::optional<std::vector<Ref>> assumed_equipment;
  std::optional<std::vector<HandoutWording>> handout_wording;
  std::optional<Location> settings_at;
  std::optional<std::vector<GeneralRule>> general_rules;
  std::optional<Location> general_rules_at;
  std::optional<std::vector<GeneralRule>> emergency_signs;
  std::optional<Location> emergency_signs_at;
  std::vector<Region> regions;
  std::vector<Equipment> equipment;
  std::vector<Exercise> exercises;
  // The fields each exercise entry gives (kExerciseKeys but "id"), by id: an entry for an id an
  // earlier layer has changes just these.
  std::map<std::string, std::vector<std::string>> exercise_fields;
  std::vector<Condition> conditions;
  std::vector<Routine> routines;
  std::vector<Source> sources;
  std::optional<ProgressionPolicy> progression;
  std::optional<FigureModel> figure_model;
};

// Reads one file's tree into `layer`; every problem goes to `sink` with its position. An exercise
// whose id is in `earlier` (the layers below) may give only the fields it changes.
void read_library_file(const YamlNode& root, const std::string& path, DiagnosticSink& sink,
                       Layer& layer, const std::vector<Exercise>& earlier);

// Checks every reference between entries once all layers are merged: settings, ids that name
// nothing, phases and slots of routines.
void check_library(const Library& lib, bool has_settings, const Location& first_file,
                   DiagnosticSink& sink);

}  // namespace backplan
