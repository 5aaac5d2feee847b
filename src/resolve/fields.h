#pragma once
// The fields of a profile and the one set of rules they are checked with. Flags, profile files
// and rosters each gather the values as given (RawProfile), call validate(), and place every
// FieldProblem at their own location: "--age: ...", "me.yaml:2:6: ...", "roster.csv:4: ...".

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/library.h"
#include "model/names.h"
#include "model/profile.h"

namespace backplan {

enum class Field {
  name,
  age,
  floor,
  equipment,
  conditions,
  avoid,
  minutes,
  cleared,
  routine,
  level,
  clinic,
  clinician,
  contact,
  review_date,
  notes
};

inline constexpr std::size_t kFieldCount = 15;

// The profile-file keys, which are also the roster columns, in this order.
inline constexpr auto kFieldNames = make_names<Field>({{Field::name, "name"},
                                                       {Field::age, "age"},
                                                       {Field::floor, "floor"},
                                                       {Field::equipment, "equipment"},
                                                       {Field::conditions, "conditions"},
                                                       {Field::avoid, "avoid"},
                                                       {Field::minutes, "minutes"},
                                                       {Field::cleared, "cleared"},
                                                       {Field::routine, "routine"},
                                                       {Field::level, "level"},
                                                       {Field::clinic, "clinic"},
                                                       {Field::clinician, "clinician"},
                                                       {Field::contact, "contact"},
                                                       {Field::review_date, "review_date"},
                                                       {Field::notes, "notes"}});

// The fields printed on handouts only (who gave it, when to come back, a note): one line of
// text each, the review date a real day.
inline bool is_clinic_field(Field field) {
  return field == Field::clinic || field == Field::clinician || field == Field::contact ||
         field == Field::review_date || field == Field::notes;
}

inline constexpr std::size_t kMaxClinicTextLength = 500;

// Values as given, before any check: text as typed, lists as items. Unset: not given.
struct RawProfile {
  std::optional<std::string> name;
  std::optional<std::string> age;
  std::optional<std::string> floor;  // yes/no, true/false, 1/0
  std::optional<std::vector<std::string>> equipment;
  std::optional<std::vector<std::string>> conditions;
  std::optional<std::vector<std::string>> avoid;
  std::optional<std::string> minutes;
  std::optional<std::string> cleared;
  std::optional<std::string> routine;
  std::optional<std::string> level;
  std::optional<std::string> clinic;
  std::optional<std::string> clinician;
  std::optional<std::string> contact;
  std::optional<std::string> review_date;
  std::optional<std::string> notes;
};

struct FieldProblem {
  Field field;
  std::string message;              // "must be a whole number from 1 to 120, not 'abc'"
  std::optional<std::size_t> item;  // for a list: the item it is about; unset: the whole list
};

struct Validated {
  ProfileInput input;                  // only the fields without problems are set
  std::vector<FieldProblem> problems;  // every problem, in field order
};

// Where the text came from. Profile files have already refused an empty name while reading the
// node, so their name rule speaks only of the upper bound.
enum class TextOrigin { typed, file };

Validated validate(const RawProfile& raw, const Library& lib, TextOrigin origin);

// "must be a whole number from 1 to 120", for age and minutes; sources that refuse a value
// before it reaches validate() (a YAML list, quoted text) finish the sentence themselves.
std::string whole_number_rule(Field field);

// "'age' must be ...", "'conditions': unknown condition ...": a problem named by its field, as
// profile files and rosters word it.
std::string field_message(Field field, std::string_view message);

// Splits text on any of `separators` into trimmed items; blank items are dropped.
std::vector<std::string> split_items(const std::vector<std::string>& values,
                                     std::string_view separators);

// The values each list field accepts.
std::vector<std::string> equipment_choices(const Library& lib);
std::vector<std::string> condition_choices(const Library& lib);  // not the automatic ones
std::vector<std::string> region_choices(const Library& lib);
std::vector<std::string> routine_choices(const Library& lib);

}  // namespace backplan
