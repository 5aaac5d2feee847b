#include "resolve/profile.h"
#include "io/files.h"

#include <fmt/format.h>

#include <algorithm>

#include "load/yaml_reader.h"
#include "text/suggest.h"
#include "text/utf8.h"

namespace backplan {

namespace {

constexpr std::size_t kMaxProfileBytes = 64 * 1024;

template <typename T>
std::vector<std::string> ids_where(const std::vector<T>& items, bool (*keep)(const T&)) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    if (keep(item)) out.push_back(item.id);
  }
  return out;
}

// `ids` in the order of `order`, without repeats.
std::vector<std::string> canonical(const std::vector<std::string>& ids,
                                   const std::vector<std::string>& order) {
  std::vector<std::string> out;
  for (const auto& id : order) {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) out.push_back(id);
  }
  return out;
}

// Splits "a,b" and repeated flags into items; blank items are dropped.
std::vector<std::string> split_items(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find(',', start);
      if (end == std::string::npos) end = value.size();
      std::string item = value.substr(start, end - start);
      const auto first = item.find_first_not_of(" \t");
      const auto last = item.find_last_not_of(" \t");
      if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
      start = end + 1;
    }
  }
  return out;
}

std::optional<int> parse_int(const std::string& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::stoi(text);
}

// Checks list items; `none` (alone) means an empty list. Returns the first problem, if any.
std::optional<std::string> check_list(const std::vector<std::string>& items,
                                      const std::vector<std::string>& choices,
                                      std::string_view kind) {
  const bool has_none = std::find(items.begin(), items.end(), "none") != items.end();
  if (has_none && items.size() > 1)
    return std::string("'none' cannot be combined with other values");
  if (has_none) return std::nullopt;
  for (const auto& item : items) {
    if (std::find(choices.begin(), choices.end(), item) == choices.end()) {
      return unknown_message(kind, item, choices);
    }
  }
  return std::nullopt;
}

std::vector<std::string> without_none(std::vector<std::string> items) {
  items.erase(std::remove(items.begin(), items.end(), "none"), items.end());
  return items;
}

}  // namespace

std::vector<std::string> equipment_choices(const Library& lib) {
  return ids_where<Equipment>(lib.equipment, [](const Equipment&) { return true; });
}
std::vector<std::string> condition_choices(const Library& lib) {
  return ids_where<Condition>(lib.conditions,
                              [](const Condition& c) { return !c.when.has_value(); });
}
std::vector<std::string> region_choices(const Library& lib) {
  return ids_where<Region>(lib.regions, [](const Region&) { return true; });
}
std::vector<std::string> routine_choices(const Library& lib) {
  return ids_where<Routine>(lib.routines, [](const Routine&) { return true; });
}

ProfileInput read_profile(const YamlNode& root, const std::string& path, const Library& lib,
                          DiagnosticSink& sink) {
  YamlReader r(path, sink);
  ProfileInput out;
  if (root.kind == YamlNode::Kind::null) {
    r.error(root, "the profile is empty; give fields such as 'age:' or 'equipment:'");
    return out;
  }
  if (!r.is_mapping(root, "a profile")) return out;
  Fields f(r, root, "a profile",
           {"name", "age", "floor", "equipment", "conditions", "avoid", "minutes", "cleared",
            "routine"});
  if (auto* n = f.get("name")) {
    out.name = r.text(*n, "name");
    if (out.name && (code_points(*out.name) > kMaxNameLength || has_control_character(*out.name))) {
      r.error(*n, fmt::format("'name' must be one line of at most {} characters", kMaxNameLength));
      out.name.reset();
    }
  }
  if (auto* n = f.get("age")) out.age = r.integer(*n, "age", kMinAge, kMaxAge);
  if (auto* n = f.get("floor")) out.floor = r.boolean(*n, "floor");
  if (auto* n = f.get("minutes")) out.minutes = r.integer(*n, "minutes", kMinMinutes, kMaxMinutes);
  if (auto* n = f.get("cleared")) out.cleared = r.boolean(*n, "cleared");
  if (auto* n = f.get("routine")) {
    if (auto id = r.text(*n, "routine")) {
      const auto choices = routine_choices(lib);
      if (std::find(choices.begin(), choices.end(), *id) == choices.end()) {
        r.error(*n, unknown_message("routine", *id, choices));
      } else {
        out.routine = id;
      }
    }
  }
  auto list = [&](const char* field, const std::vector<std::string>& choices, std::string_view kind,
                  std::optional<std::vector<std::string>>& into) {
    const YamlNode* n = f.get(field);
    if (!n) return;
    std::vector<std::string> items;
    bool ok = true;
    if (n->kind == YamlNode::Kind::null) {
      into = items;
      return;
    }
    for (const YamlNode* item : r.list(*n, field, true)) {
      auto value = r.text(*item, field);
      if (!value) {
        ok = false;
        continue;
      }
      if (auto problem = check_list({*value}, choices, kind)) {
        r.error(*item, fmt::format("'{}': {}", field, *problem));
        ok = false;
        continue;
      }
      items.push_back(*value);
    }
    if (n->kind != YamlNode::Kind::sequence && n->kind != YamlNode::Kind::scalar) ok = false;
    if (ok && std::find(items.begin(), items.end(), "none") != items.end() && items.size() > 1) {
      r.error(*n, fmt::format("'{}': 'none' cannot be combined with other values", field));
      ok = false;
    }
    if (ok) into = without_none(items);
  };
  list("equipment", equipment_choices(lib), "equipment", out.equipment);
  list("conditions", condition_choices(lib), "condition", out.conditions);
  list("avoid", region_choices(lib), "region", out.avoid);
  return out;
}

ProfileInput load_profile_file(const std::string& path, const Library& lib) {
  const std::string text = read_text_file(path, kMaxProfileBytes);
  YamlLimits limits;
  limits.max_bytes = kMaxProfileBytes;
  const YamlNodePtr root = parse_yaml(text, path, limits);
  DiagnosticSink sink;
  ProfileInput input = read_profile(*root, path, lib, sink);
  sink.throw_if_any();
  return input;
}

ProfileInput read_profile_flags(const ProfileFlags& flags, const Library& lib) {
  ProfileInput out;
  if (flags.name) {
    if (flags.name->empty() || code_points(*flags.name) > kMaxNameLength ||
        has_control_character(*flags.name)) {
      throw Error::flag("--name",
                        fmt::format("must be one line of 1 to {} characters", kMaxNameLength));
    }
    out.name = flags.name;
  }
  if (flags.age) {
    out.age = parse_int(*flags.age);
    if (!out.age || *out.age < kMinAge || *out.age > kMaxAge) {
      throw Error::flag("--age", fmt::format("must be a whole number from {} to {}, not '{}'",
                                             kMinAge, kMaxAge, *flags.age));
    }
  }
  if (flags.minutes) {
    out.minutes = parse_int(*flags.minutes);
    if (!out.minutes || *out.minutes < kMinMinutes || *out.minutes > kMaxMinutes) {
      throw Error::flag("--minutes", fmt::format("must be a whole number from {} to {}, not '{}'",
                                                 kMinMinutes, kMaxMinutes, *flags.minutes));
    }
  }
  if (flags.no_floor) out.floor = false;
  if (flags.cleared) out.cleared = true;
  if (flags.routine) {
    const auto choices = routine_choices(lib);
    if (std::find(choices.begin(), choices.end(), *flags.routine) == choices.end()) {
      throw Error::flag("--routine", unknown_message("routine", *flags.routine, choices));
    }
    out.routine = flags.routine;
  }
  auto list = [&](const char* flag, const std::vector<std::string>& raw,
                  const std::vector<std::string>& choices, std::string_view kind,
                  std::optional<std::vector<std::string>>& into) {
    if (raw.empty()) return;
    const auto items = split_items(raw);
    if (items.empty())
      throw Error::flag(flag, fmt::format("needs a value; use 'none' for no {}", kind));
    if (auto problem = check_list(items, choices, kind)) throw Error::flag(flag, *problem);
    into = without_none(items);
  };
  list("--equipment", flags.equipment, equipment_choices(lib), "equipment", out.equipment);
  list("--condition", flags.conditions, condition_choices(lib), "condition", out.conditions);
  list("--avoid", flags.avoid, region_choices(lib), "region", out.avoid);
  return out;
}

Profile resolve_profile(const Library& lib, const ProfileInput& file, const ProfileInput& flags) {
  auto pick = [](const auto& a, const auto& b) { return a ? a : b; };
  Profile p;
  p.name = pick(flags.name, file.name);
  p.age = pick(flags.age, file.age);
  p.floor = pick(flags.floor, file.floor).value_or(true);
  p.minutes = pick(flags.minutes, file.minutes).value_or(lib.settings.default_minutes);
  p.cleared = pick(flags.cleared, file.cleared).value_or(false);
  p.routine = pick(flags.routine, file.routine).value_or(lib.settings.default_routine.id);
  const auto equipment = pick(flags.equipment, file.equipment);
  if (equipment) {
    p.equipment = canonical(*equipment, equipment_choices(lib));
  } else {
    std::vector<std::string> kit;
    for (const auto& ref : lib.settings.default_equipment) kit.push_back(ref.id);
    p.equipment = canonical(kit, equipment_choices(lib));
    p.equipment_assumed = true;
  }
  p.conditions =
      canonical(pick(flags.conditions, file.conditions).value_or(std::vector<std::string>{}),
                condition_choices(lib));
  p.avoid = canonical(pick(flags.avoid, file.avoid).value_or(std::vector<std::string>{}),
                      region_choices(lib));
  return p;
}

}  // namespace backplan
