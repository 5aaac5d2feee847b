#pragma once
// A person's circumstances: what they said (ProfileInput) and the resolved profile the planner
// works from. Reading them from flags, files and rosters is the resolve layer's work.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/names.h"

namespace backplan {

// A step on an exercise's ladder (McGill: side plank knees bent -> full -> rolling).
enum class Level { beginner, standard, advanced };
inline constexpr auto kLevelNames = make_names<Level>(
    {{Level::beginner, "beginner"}, {Level::standard, "standard"}, {Level::advanced, "advanced"}});
inline std::string_view to_string(Level level) {
  return kLevelNames.name(level);
}

// What kind of day it is for the person's back, given for one plan (--flare, --morning), never
// saved: a flare-up, or within an hour of getting out of bed.
enum class Today { flare, morning };
inline constexpr auto kTodayNames =
    make_names<Today>({{Today::flare, "flare"}, {Today::morning, "morning"}});
inline std::string_view to_string(Today today) {
  return kTodayNames.name(today);
}

// A condition's detail as the person gave it, or as resolved: `value` is a choice or a whole
// number written out; empty: a number not given (unknown).
struct DetailValue {
  std::string detail;
  std::string value;
  bool number = false;  // a whole number (weeks), not a choice
  bool operator==(const DetailValue& o) const {
    return detail == o.detail && value == o.value && number == o.number;
  }
};

// Details per condition id.
using ConditionDetails = std::map<std::string, std::vector<DetailValue>>;

// "hip-replacement:approach=posterior:weeks=6": a condition with its details as a person types
// them (details not given, and numbers left unknown, are left out).
inline std::string condition_item(const std::string& id, const ConditionDetails& details) {
  std::string out = id;
  if (auto it = details.find(id); it != details.end()) {
    for (const auto& v : it->second) {
      if (!v.value.empty()) out += ":" + v.detail + "=" + v.value;
    }
  }
  return out;
}

// Who gave the handout and when to come back: printed on HTML and Markdown handouts when given.
struct ClinicInfo {
  std::optional<std::string> clinic;       // "Riverside Physio"
  std::optional<std::string> clinician;    // "Sam Lee, physiotherapist"
  std::optional<std::string> contact;      // "020 7946 0000, Mon-Fri 9-5"
  std::optional<std::string> review_date;  // YYYY-MM-DD
  std::optional<std::string> note;         // free text for this client
  bool empty() const { return !clinic && !clinician && !contact && !review_date && !note; }
};

// `over`'s fields, and `base`'s where `over` has none.
inline ClinicInfo merge_clinic(const ClinicInfo& over, const ClinicInfo& base) {
  auto pick = [](const auto& a, const auto& b) { return a ? a : b; };
  return {pick(over.clinic, base.clinic), pick(over.clinician, base.clinician),
          pick(over.contact, base.contact), pick(over.review_date, base.review_date),
          pick(over.note, base.note)};
}

// What the person said, before defaults. Every id in it has been checked against the library.
struct ProfileInput {
  std::optional<std::string> name;
  std::optional<int> age;
  std::optional<bool> floor;
  std::optional<std::vector<std::string>> equipment;  // empty = "none"
  std::optional<std::vector<std::string>> conditions;
  ConditionDetails details;  // as given with `conditions` (hip-replacement:approach=posterior)
  std::optional<std::vector<std::string>> avoid;
  std::optional<int> minutes;
  std::optional<bool> cleared;
  std::optional<std::string> routine;
  std::optional<std::string> level;  // beginner, standard or advanced
  std::set<Today> today;             // for this plan only (flags); never saved or read from files
  ClinicInfo clinic;                 // printed on handouts; the planner never reads it
};

// The resolved profile the planner works from. Lists are in library order, without repeats,
// so the same circumstances always give the same plan whatever order they were given in.
struct Profile {
  std::optional<std::string> name;
  std::optional<int> age;
  bool floor = true;
  std::vector<std::string> equipment;
  bool equipment_assumed = false;  // no equipment was given: the library's default kit is used
  std::vector<std::string> conditions;
  // Every detail of every listed condition that asks any, in the library's order: as given, or
  // the choice's default, or an empty value for a number not given.
  ConditionDetails details;
  std::vector<std::string> avoid;
  int minutes = 20;
  bool cleared = false;
  std::string routine;
  Level level = Level::standard;  // the step on each exercise's ladder
  bool level_assumed = true;      // not given: beginner from the library's age, else standard
  // The kinds of day given for this plan, in kTodayNames order (the flags, not a saved field).
  std::vector<Today> today;

  bool is(Today t) const {
    for (Today x : today) {
      if (x == t) return true;
    }
    return false;
  }
};

inline constexpr int kMinAge = 1;
inline constexpr int kMaxAge = 120;
inline constexpr int kMinMinutes = 5;
inline constexpr int kMaxMinutes = 180;
inline constexpr std::size_t kMaxNameLength = 100;

}  // namespace backplan
