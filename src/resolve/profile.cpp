#include "resolve/profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <tuple>
#include <utility>

#include "io/files.h"
#include "load/yaml_reader.h"

namespace backplan {

namespace {

constexpr std::size_t kMaxProfileBytes = 64 * 1024;

// `ids` in the order of `order`, without repeats.
std::vector<std::string> canonical(const std::vector<std::string>& ids,
                                   const std::vector<std::string>& order) {
  std::vector<std::string> out;
  for (const auto& id : order) {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) out.push_back(id);
  }
  return out;
}

// ---- Profile files -----------------------------------------------------------------------

// The order a profile file reports its fields' problems in.
constexpr std::array<Field, kFieldCount> kFileOrder = {
    Field::name,    Field::age,       Field::floor,     Field::minutes,     Field::cleared,
    Field::routine, Field::level,     Field::equipment, Field::conditions,  Field::avoid,
    Field::clinic,  Field::clinician, Field::contact,   Field::review_date, Field::notes};

constexpr std::size_t kWholeList = std::numeric_limits<std::size_t>::max();

// Reads the YAML nodes of a profile into raw values. What YAML itself decides (the node's type,
// quotes, an empty scalar) is reported here; the values are left to validate().
class ProfileFileReader {
 public:
  ProfileFileReader(const std::string& path, const Fields& fields) : path_(path), fields_(fields) {}

  void text(Field field, std::optional<std::string>& into) {
    with(field, [&](YamlReader& r, const YamlNode& n) { into = r.text(n, key(field)); });
  }

  void number(Field field, std::optional<std::string>& into) {
    with(field, [&](YamlReader& r, const YamlNode& n) {
      if (n.kind != YamlNode::Kind::scalar || n.value.empty()) {
        r.error(n, fmt::format("'{}' {}, not {}", key(field), whole_number_rule(field),
                               describe(n.kind)));
      } else if (n.quoted) {
        r.error(n,
                fmt::format("'{}' {}, not text in quotes", key(field), whole_number_rule(field)));
      } else {
        into = n.value;
        // YAML writes the number 40 as +40 too.
        const std::string digits = n.value.substr(1);
        if (n.value[0] == '+' && !digits.empty() && digits.size() <= 9 &&
            digits.find_first_not_of("0123456789") == std::string::npos) {
          into = digits;
        }
      }
    });
  }

  // yes/no, y/n, true/false or 1/0, as rosters and flags take them: validate() decides.
  void boolean(Field field, std::optional<std::string>& into) {
    with(field, [&](YamlReader& r, const YamlNode& n) {
      if (n.kind == YamlNode::Kind::scalar && !n.value.empty()) {
        into = n.value;
      } else {
        r.error(n, fmt::format("'{}' must be yes or no, not {}", key(field), describe(n.kind)));
      }
    });
  }

  // A list, or a single value as a list of one; an empty list says 'none'.
  void list(Field field, std::optional<std::vector<std::string>>& into) {
    with(field, [&](YamlReader& r, const YamlNode& n) {
      std::vector<std::string> items;
      auto& nodes = items_[static_cast<std::size_t>(field)];
      bool ok = n.kind == YamlNode::Kind::null || n.kind == YamlNode::Kind::sequence ||
                n.kind == YamlNode::Kind::scalar;
      if (n.kind != YamlNode::Kind::null) {
        std::size_t position = 0;
        for (const YamlNode* item : r.list(n, key(field), true)) {
          take(field);
          current_item_ = position++;
          if (auto value = r.text(*item, key(field))) {
            items.push_back(*value);
            nodes.push_back({item, current_item_});
          } else {
            ok = false;
          }
        }
      }
      // The good items are still checked, so that one pass reports every problem.
      if (items.empty() && ok) items.push_back("none");
      if (n.kind != YamlNode::Kind::mapping) into = std::move(items);
      broken_[static_cast<std::size_t>(field)] = !ok;
    });
  }

  bool broken(Field field) const { return broken_[static_cast<std::size_t>(field)]; }

  // Every problem, in the order a profile file reports them, into `sink`.
  void report(const std::vector<FieldProblem>& problems, DiagnosticSink& sink) {
    // A file points at each bad item; the list as a whole is blamed only when its items are good.
    auto items_bad = [&](Field field) {
      return broken(field) || std::any_of(problems.begin(), problems.end(), [&](const auto& q) {
               return q.field == field && q.item.has_value();
             });
    };
    for (const auto& p : problems) {
      if (!p.item && is_list(p.field) && items_bad(p.field)) continue;
      const YamlNode* node = fields_.get(key(p.field));
      std::size_t position = kWholeList;
      if (p.item) {
        std::tie(node, position) = items_[static_cast<std::size_t>(p.field)][*p.item];
      }
      // An unknown routine: the message names the field already.
      std::string message = p.field == Field::routine || p.field == Field::level
                                ? p.message
                                : field_message(p.field, p.message);
      pending_.push_back({rank(p.field),
                          position,
                          {Location{path_, node->line, node->column}, std::move(message)}});
    }
    std::stable_sort(pending_.begin(), pending_.end(), [](const auto& a, const auto& b) {
      return std::pair(a.rank, a.position) < std::pair(b.rank, b.position);
    });
    for (auto& p : pending_) sink.error(p.diagnostic.where, std::move(p.diagnostic.message));
  }

 private:
  struct Pending {
    std::size_t rank;
    std::size_t position;
    Diagnostic diagnostic;
  };

  static bool is_list(Field field) {
    return field == Field::equipment || field == Field::conditions || field == Field::avoid;
  }

  static std::string key(Field field) { return std::string(kFieldNames.name(field)); }

  static std::size_t rank(Field field) {
    return static_cast<std::size_t>(std::find(kFileOrder.begin(), kFileOrder.end(), field) -
                                    kFileOrder.begin());
  }

  // Runs `read` on the field's node when the file has it, keeping what it reports.
  template <typename Read>
  void with(Field field, Read read) {
    const YamlNode* node = fields_.get(key(field));
    if (!node) return;
    DiagnosticSink local;
    local_ = &local;
    taken_ = 0;
    YamlReader r(path_, local);
    current_item_ = 0;
    read(r, *node);
    take(field);
    local_ = nullptr;
  }

  // Keeps what the field's reader reported since the last call, at the current item.
  void take(Field field) {
    const auto& items = local_->items();
    for (; taken_ < items.size(); ++taken_) {
      pending_.push_back({rank(field), current_item_, items[taken_]});
    }
  }

  const std::string& path_;
  const Fields& fields_;
  DiagnosticSink* local_ = nullptr;  // what the field being read reports
  std::size_t taken_ = 0;
  std::size_t current_item_ = 0;
  // Per list field, the node of each raw item and its position in the file's list.
  std::array<std::vector<std::pair<const YamlNode*, std::size_t>>, kFieldCount> items_;
  std::array<bool, kFieldCount> broken_{};
  std::vector<Pending> pending_;
};

}  // namespace

ProfileInput read_profile(const YamlNode& root, const std::string& path, const Library& lib,
                          DiagnosticSink& sink) {
  YamlReader r(path, sink);
  if (root.kind == YamlNode::Kind::null) {
    r.error(root, "the profile is empty; give fields such as 'age:' or 'equipment:'");
    return {};
  }
  if (!r.is_mapping(root, "a profile")) return {};
  Fields fields(r, root, "a profile",
                {"name", "age", "floor", "equipment", "conditions", "avoid", "minutes", "cleared",
                 "routine", "level", "clinic", "clinician", "contact", "review_date", "notes"});
  ProfileFileReader file(path, fields);
  RawProfile raw;
  file.text(Field::name, raw.name);
  file.number(Field::age, raw.age);
  file.boolean(Field::floor, raw.floor);
  file.list(Field::equipment, raw.equipment);
  file.list(Field::conditions, raw.conditions);
  file.list(Field::avoid, raw.avoid);
  file.number(Field::minutes, raw.minutes);
  file.boolean(Field::cleared, raw.cleared);
  file.text(Field::routine, raw.routine);
  file.text(Field::level, raw.level);
  file.text(Field::clinic, raw.clinic);
  file.text(Field::clinician, raw.clinician);
  file.text(Field::contact, raw.contact);
  file.text(Field::review_date, raw.review_date);
  file.text(Field::notes, raw.notes);
  Validated checked = validate(raw, lib, TextOrigin::file);
  file.report(checked.problems, sink);
  if (file.broken(Field::equipment)) checked.input.equipment.reset();
  if (file.broken(Field::conditions)) checked.input.conditions.reset();
  if (file.broken(Field::avoid)) checked.input.avoid.reset();
  return checked.input;
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

// ---- Flags -------------------------------------------------------------------------------

ProfileInput read_profile_flags(const ProfileFlags& flags, const Library& lib) {
  RawProfile raw;
  raw.name = flags.name;
  raw.age = flags.age;
  raw.minutes = flags.minutes;
  raw.routine = flags.routine;
  raw.level = flags.level;
  if (flags.no_floor && flags.floor) {
    throw Error::flag("--floor", "cannot be given with --no-floor; give one of them");
  }
  if (flags.no_floor) raw.floor = "no";
  if (flags.floor) raw.floor = "yes";
  if (flags.cleared) raw.cleared = "yes";
  auto list = [](const std::vector<std::string>& values) {
    return values.empty() ? std::nullopt : std::optional(split_items(values, ",;"));
  };
  raw.equipment = list(flags.equipment);
  raw.conditions = list(flags.conditions);
  raw.avoid = list(flags.avoid);
  Validated checked = validate(raw, lib, TextOrigin::typed);
  if (flags.flare) checked.input.today.insert(Today::flare);
  if (flags.morning) checked.input.today.insert(Today::morning);
  static constexpr std::array<std::pair<Field, const char*>, 8> kFlags = {{
      {Field::name, "--name"},
      {Field::age, "--age"},
      {Field::minutes, "--minutes"},
      {Field::routine, "--routine"},
      {Field::level, "--level"},
      {Field::equipment, "--equipment"},
      {Field::conditions, "--condition"},
      {Field::avoid, "--avoid"},
  }};
  for (const auto& [field, flag] : kFlags) {
    for (const auto& p : checked.problems) {
      if (p.field == field) throw Error::flag(flag, p.message);
    }
  }
  return checked.input;
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
  // Level: as given, else the beginner step from the library's age (the age its gentler start
  // is written for), else standard.
  if (const auto level = pick(flags.level, file.level)) {
    p.level = kLevelNames.parse(*level).value_or(Level::beginner);
    p.level_assumed = false;
  } else {
    const auto& from = lib.settings.beginner_from_age;
    p.level = !from || (p.age && *p.age >= *from) ? Level::beginner : Level::standard;
  }
  // The kind of day is given for one plan only (flags), never read from a file.
  for (const auto& [today, name] : kTodayNames.entries()) {
    if (flags.today.count(today)) p.today.push_back(today);
  }
  const auto equipment = pick(flags.equipment, file.equipment);
  if (equipment) {
    p.equipment = canonical(*equipment, equipment_choices(lib));
  } else {
    std::vector<std::string> kit;
    for (const auto& ref : lib.settings.default_equipment) kit.push_back(ref.id);
    p.equipment = canonical(kit, equipment_choices(lib));
    p.equipment_assumed = true;
  }
  // Details come with the conditions list they were given in.
  const ProfileInput& listed = flags.conditions ? flags : file;
  p.conditions =
      canonical(listed.conditions.value_or(std::vector<std::string>{}), condition_choices(lib));
  for (const auto& id : p.conditions) {
    const Condition& c = *lib.find_condition(id);
    if (c.details.empty()) continue;
    const auto given = listed.details.find(id);
    auto& values = p.details[id];
    for (const auto& d : c.details) {
      std::string value = d.default_choice;
      if (given != listed.details.end()) {
        for (const auto& v : given->second) {
          if (v.detail == d.id) value = v.value;
        }
      }
      values.push_back({d.id, value, d.choices.empty()});
    }
  }
  p.avoid = canonical(pick(flags.avoid, file.avoid).value_or(std::vector<std::string>{}),
                      region_choices(lib));
  return p;
}

}  // namespace backplan
