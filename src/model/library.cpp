#include "model/library.h"

#include <fmt/format.h>

namespace backplan {

std::string to_string(const When& w) {
  switch (w.kind) {
    case When::Kind::always:
      return "always";
    case When::Kind::age_at_least:
      return fmt::format("at age {} and over", w.age);
    case When::Kind::no_floor:
      return "without floor access (--no-floor)";
  }
  return "always";
}

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  for (const auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}
}  // namespace

const Region* Library::find_region(std::string_view id) const {
  return find_by_id(regions, id);
}
const Equipment* Library::find_equipment(std::string_view id) const {
  return find_by_id(equipment, id);
}
const Exercise* Library::find_exercise(std::string_view id) const {
  return find_by_id(exercises, id);
}
const Condition* Library::find_condition(std::string_view id) const {
  return find_by_id(conditions, id);
}
const Routine* Library::find_routine(std::string_view id) const {
  return find_by_id(routines, id);
}

}  // namespace backplan
