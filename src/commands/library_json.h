#pragma once
// The routine library's entries as JSON, with every field their YAML has (in the YAML's names),
// for `list KIND --format json` and `show ID --format json`.

#include <nlohmann/json.hpp>

#include "model/library.h"

namespace backplan {

using LibraryJson = nlohmann::ordered_json;

LibraryJson source_json(const Source& src);
LibraryJson region_json(const Region& r);
LibraryJson equipment_json(const Library& lib, const Equipment& e);
LibraryJson exercise_json(const Exercise& x);
LibraryJson condition_json(const Condition& c);
LibraryJson routine_json(const Routine& r);
LibraryJson rule_json(const Rule& r);

}  // namespace backplan
