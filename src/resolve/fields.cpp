#include "resolve/fields.h"

#include <fmt/format.h>

#include <algorithm>

#include "text/date.h"
#include "text/suggest.h"
#include "text/utf8.h"

namespace backplan {

namespace {

template <typename T, typename Keep>
std::vector<std::string> ids_where(const std::vector<T>& items, Keep keep) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    if (keep(item)) out.push_back(item.id);
  }
  return out;
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Digits only; leading zeros are allowed (as YAML allows them).
std::optional<int> parse_int(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const std::size_t first = std::min(text.find_first_not_of('0'), text.size() - 1);
  if (text.size() - first > 9) return std::nullopt;
  return std::stoi(text.substr(first));
}

// Ids and keywords are compared without regard to case: `Tennis-Ball` is `tennis-ball`.
std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::optional<std::vector<std::string>> lower(const std::optional<std::vector<std::string>>& raw) {
  if (!raw) return raw;
  std::vector<std::string> out;
  for (const auto& item : *raw) out.push_back(lower(item));
  return out;
}

// Items with each synonym a library entry declares replaced by the entry's id (`sciatica` ->
// `disc-herniation`); a condition's details after ':' stay.
template <typename T>
std::optional<std::vector<std::string>> with_ids(const std::optional<std::vector<std::string>>& raw,
                                                 const std::vector<T>& entries) {
  if (!raw) return raw;
  std::vector<std::string> out;
  for (std::string item : *raw) {
    const auto colon = item.find(':');
    const std::string word = item.substr(0, colon);
    for (const auto& entry : entries) {
      for (const Ref& synonym : entry.synonyms) {
        if (synonym.id == word)
          item = entry.id + (colon == std::string::npos ? "" : item.substr(colon));
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::optional<bool> parse_yes_no(const std::string& raw) {
  const std::string text = lower(raw);
  if (text == "yes" || text == "y" || text == "true" || text == "1") return true;
  if (text == "no" || text == "n" || text == "false" || text == "0") return false;
  return std::nullopt;
}

struct Range {
  int lo;
  int hi;
};

Range range_of(Field field) {
  return field == Field::age ? Range{kMinAge, kMaxAge} : Range{kMinMinutes, kMaxMinutes};
}

class Checker {
 public:
  Checker(const Library& lib, TextOrigin origin) : lib_(lib), origin_(origin) {}

  void name(const std::optional<std::string>& raw, std::optional<std::string>& into) {
    if (!raw) return;
    const bool from_file = origin_ == TextOrigin::file;
    if (!raw->empty() && raw->find_first_not_of(" \t") == std::string::npos) {
      problem(Field::name, "is only spaces; give a name, or leave it out");
      return;
    }
    if (raw->empty() || code_points(*raw) > kMaxNameLength || has_control_character(*raw)) {
      problem(Field::name,
              from_file ? fmt::format("must be one line of at most {} characters", kMaxNameLength)
                        : fmt::format("must be one line of 1 to {} characters", kMaxNameLength));
      return;
    }
    into = raw;
  }

  // Clinic fields: one line of printable text; the review date a day that exists.
  void clinic_text(Field field, const std::optional<std::string>& raw,
                   std::optional<std::string>& into) {
    if (!raw) return;
    const bool blank = raw->find_first_not_of(" \t") == std::string::npos;
    if (blank || code_points(*raw) > kMaxClinicTextLength || has_control_character(*raw)) {
      problem(field, fmt::format("must be one line of 1 to {} characters", kMaxClinicTextLength));
      return;
    }
    if (field == Field::review_date) {
      if (const auto why = iso_date_problem(*raw)) {
        problem(field, *why);
        return;
      }
    }
    into = raw;
  }

  void number(Field field, const std::optional<std::string>& raw, std::optional<int>& into) {
    if (!raw) return;
    const Range r = range_of(field);
    const auto value = parse_int(*raw);
    if (!value || *value < r.lo || *value > r.hi) {
      problem(field, fmt::format("{}, not '{}'", whole_number_rule(field), *raw));
      return;
    }
    into = value;
  }

  void yes_no(Field field, const std::optional<std::string>& raw, std::optional<bool>& into) {
    if (!raw) return;
    const auto value = parse_yes_no(*raw);
    if (!value) {
      problem(field, fmt::format("must be yes or no (or y/n, true/false, 1/0), not '{}'", *raw));
      return;
    }
    into = value;
  }

  void routine(const std::optional<std::string>& raw, std::optional<std::string>& into) {
    if (!raw) return;
    const auto choices = routine_choices(lib_);
    const std::string id = lower(*raw);
    if (!contains(choices, id)) {
      problem(Field::routine, unknown_message("routine", *raw, choices));
      return;
    }
    into = id;
  }

  // `none` (alone) means an empty list.
  void list(Field field, const std::optional<std::vector<std::string>>& raw,
            const std::vector<std::string>& choices, std::string_view kind,
            std::optional<std::vector<std::string>>& into) {
    if (!raw) return;
    const std::size_t before = problems_.size();
    const auto& items = *raw;
    if (items.empty()) {
      problem(field, fmt::format("needs a value; use 'none' for no {}", kind));
      return;
    }
    const bool has_none = contains(items, "none");
    if (has_none && items.size() > 1) {
      problem(field, "'none' cannot be combined with other values");
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i] != "none" && !contains(choices, items[i])) {
        problem(field, unknown_message(kind, items[i], choices), i);
      }
    }
    if (problems_.size() > before) return;
    std::vector<std::string> ids = items;
    ids.erase(std::remove(ids.begin(), ids.end(), "none"), ids.end());
    into = std::move(ids);
  }

  // Conditions, each with its details after a colon: `hip-replacement:approach=posterior:weeks=6`
  // (no quotes needed in a shell, no comma or semicolon to clash with a list or a CSV cell).
  void conditions(const std::optional<std::vector<std::string>>& raw,
                  std::optional<std::vector<std::string>>& into, ConditionDetails& details) {
    if (!raw) return;
    std::vector<std::string> ids;
    std::vector<std::string> rests;
    for (const auto& item : *raw) {
      const auto colon = item.find(':');
      ids.push_back(item.substr(0, colon));
      rests.push_back(colon == std::string::npos ? "" : item.substr(colon + 1));
    }
    const std::size_t before = problems_.size();
    std::optional<std::vector<std::string>> checked;
    list(Field::conditions, ids, condition_choices(lib_), "condition", checked);
    if (problems_.size() > before) return;
    ConditionDetails given;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (rests[i].empty() && (*raw)[i].find(':') == std::string::npos) continue;
      const Condition& c = *lib_.find_condition(ids[i]);
      detail_values(c, rests[i], i, given[c.id]);
    }
    if (problems_.size() > before) return;
    into = std::move(checked);
    for (auto& [id, values] : given) {
      if (!values.empty()) details[id] = std::move(values);
    }
  }

  void level(const std::optional<std::string>& raw, std::optional<std::string>& into) {
    if (!raw) return;
    const auto names = kLevelNames.names();
    const std::vector<std::string> choices(names.begin(), names.end());
    const std::string id = lower(*raw);
    if (!contains(choices, id)) {
      problem(Field::level, unknown_message("level", *raw, choices));
      return;
    }
    into = id;
  }

  std::vector<FieldProblem> take() { return std::move(problems_); }

 private:
  // `approach=posterior:weeks=6` for condition `c`, added to `into`.
  void detail_values(const Condition& c, const std::string& text, std::size_t item,
                     std::vector<DetailValue>& into) {
    std::vector<std::string> ids;
    for (const auto& d : c.details) ids.push_back(d.id);
    if (ids.empty()) {
      problem(Field::conditions, fmt::format("'{}' takes no details, not ':{}'", c.id, text), item);
      return;
    }
    const std::string example = fmt::format("{}:{}=VALUE", c.id, ids.front());
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find(':', start);
      if (end == std::string::npos) end = text.size();
      const std::string part = text.substr(start, end - start);
      start = end + 1;
      const auto eq = part.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == part.size()) {
        problem(Field::conditions,
                fmt::format("'{}': write each detail as NAME=VALUE, such as {} (details of '{}': "
                            "{})",
                            part, example, c.id, fmt::join(ids, ", ")),
                item);
        return;
      }
      const std::string key = part.substr(0, eq);
      const std::string value = part.substr(eq + 1);
      const Detail* d = c.find_detail(key);
      if (!d) {
        problem(Field::conditions, unknown_message(fmt::format("{} detail", c.id), key, ids), item);
        return;
      }
      if (std::any_of(into.begin(), into.end(),
                      [&](const DetailValue& v) { return v.detail == key; })) {
        problem(Field::conditions, fmt::format("'{}' of '{}' is given twice", key, c.id), item);
        return;
      }
      if (d->choices.empty()) {
        const auto n = parse_int(value);
        if (!n || *n < d->min || *n > d->max) {
          problem(Field::conditions,
                  fmt::format("'{}' of '{}' must be a whole number from {} to {}, not '{}'", key,
                              c.id, d->min, d->max, value),
                  item);
          return;
        }
        into.push_back({key, std::to_string(*n), true});
      } else if (!contains(d->choices, value)) {
        problem(Field::conditions,
                unknown_message(fmt::format("{} {}", c.id, key), value, d->choices), item);
        return;
      } else {
        into.push_back({key, value});
      }
    }
  }

  void problem(Field field, std::string message, std::optional<std::size_t> item = {}) {
    problems_.push_back({field, std::move(message), item});
  }

  const Library& lib_;
  TextOrigin origin_;
  std::vector<FieldProblem> problems_;
};

}  // namespace

Validated validate(const RawProfile& raw, const Library& lib, TextOrigin origin) {
  Validated out;
  ProfileInput& in = out.input;
  Checker check(lib, origin);
  check.name(raw.name, in.name);
  check.number(Field::age, raw.age, in.age);
  check.yes_no(Field::floor, raw.floor, in.floor);
  check.list(Field::equipment, with_ids(lower(raw.equipment), lib.equipment),
             equipment_choices(lib), "equipment", in.equipment);
  check.conditions(with_ids(lower(raw.conditions), lib.conditions), in.conditions, in.details);
  check.list(Field::avoid, with_ids(lower(raw.avoid), lib.regions), region_choices(lib), "region",
             in.avoid);
  check.number(Field::minutes, raw.minutes, in.minutes);
  check.yes_no(Field::cleared, raw.cleared, in.cleared);
  check.routine(raw.routine, in.routine);
  check.level(raw.level, in.level);
  check.clinic_text(Field::clinic, raw.clinic, in.clinic.clinic);
  check.clinic_text(Field::clinician, raw.clinician, in.clinic.clinician);
  check.clinic_text(Field::contact, raw.contact, in.clinic.contact);
  check.clinic_text(Field::review_date, raw.review_date, in.clinic.review_date);
  check.clinic_text(Field::notes, raw.notes, in.clinic.note);
  out.problems = check.take();
  return out;
}

std::string whole_number_rule(Field field) {
  const Range r = range_of(field);
  return fmt::format("must be a whole number from {} to {}", r.lo, r.hi);
}

std::string field_message(Field field, std::string_view message) {
  const auto starts = [&](std::string_view word) { return message.substr(0, word.size()) == word; };
  const bool verb = starts("must ") || starts("needs ") || starts("is ");
  return fmt::format(verb ? "'{}' {}" : "'{}': {}", kFieldNames.name(field), message);
}

std::vector<std::string> split_items(const std::vector<std::string>& values,
                                     std::string_view separators) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find_first_of(separators, start);
      if (end == std::string::npos) end = value.size();
      const std::string item = value.substr(start, end - start);
      const auto first = item.find_first_not_of(" \t");
      const auto last = item.find_last_not_of(" \t");
      if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
      start = end + 1;
    }
  }
  return out;
}

std::vector<std::string> equipment_choices(const Library& lib) {
  return ids_where(lib.equipment, [](const Equipment&) { return true; });
}
std::vector<std::string> condition_choices(const Library& lib) {
  return ids_where(lib.conditions, [](const Condition& c) { return !c.when.has_value(); });
}
std::vector<std::string> region_choices(const Library& lib) {
  return ids_where(lib.regions, [](const Region&) { return true; });
}
std::vector<std::string> routine_choices(const Library& lib) {
  return ids_where(lib.routines, [](const Routine&) { return true; });
}

}  // namespace backplan
