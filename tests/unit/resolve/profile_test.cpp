#include <doctest/doctest.h>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "load/library_loader.h"
#include "load/yaml_tree.h"
#include "model/diagnostics.h"
#include "resolve/profile.h"

using namespace backplan;

namespace {

using Ids = std::vector<std::string>;

// The built-in library's --condition values: all but the automatic conditions, in library order.
const std::string kValidConditions =
    "valid: osteoporosis, fibromyalgia, chronic-fatigue, blood-thinners, high-blood-pressure, "
    "low-blood-pressure, hip-replacement, knee-replacement, recent-fracture, active-cancer, "
    "acute-inflammation, skin-wound, pregnancy, disc-herniation, new-to-rolling, not-improving, "
    "cauda-equina-signs, major-trauma, fever, unexplained-weight-loss, worsening-leg-weakness, "
    "night-pain, chest-pain, fragility-fracture-signs, cancer-history, weakened-immunity, "
    "back-lump";

// The built-in library, loaded once.
const Library& lib() {
  static const Library library = load_library_or_throw({});
  return library;
}

// The message read_profile_flags throws for the flags `set` fills in, or "(no error)".
template <typename Set>
std::string flag_error(Set set) {
  ProfileFlags flags;
  set(flags);
  try {
    read_profile_flags(flags, lib());
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.message();
  }
  return "(no error)";
}

template <typename Set>
ProfileInput flags_input(Set set) {
  ProfileFlags flags;
  set(flags);
  return read_profile_flags(flags, lib());
}

// Every diagnostic of reading `text` as profile "p.yaml", one per line.
std::string profile_errors(const std::string& text) {
  DiagnosticSink sink;
  read_profile(*parse_yaml(text, "p.yaml"), "p.yaml", lib(), sink);
  std::string out;
  for (const auto& d : sink.items()) out += (out.empty() ? "" : "\n") + format_diagnostic(d);
  return out;
}

// Reads `text` as a profile that must have no problems.
ProfileInput profile(const std::string& text) {
  DiagnosticSink sink;
  ProfileInput input = read_profile(*parse_yaml(text, "p.yaml"), "p.yaml", lib(), sink);
  CHECK(sink.empty());
  return input;
}

}  // namespace

TEST_CASE("unknown flag values are rejected with a suggestion") {
  CHECK(flag_error([](ProfileFlags& f) { f.conditions = {"osteoporsis"}; }) ==
        "--condition: unknown condition 'osteoporsis' (did you mean 'osteoporosis'?)");
  CHECK(flag_error([](ProfileFlags& f) { f.equipment = {"tenis-ball"}; }) ==
        "--equipment: unknown equipment 'tenis-ball' (did you mean 'tennis-ball'?)");
  CHECK(flag_error([](ProfileFlags& f) { f.avoid = {"lower-bak"}; }) ==
        "--avoid: unknown region 'lower-bak' (did you mean 'lower-back'?)");
  CHECK(flag_error([](ProfileFlags& f) { f.routine = "dialy"; }) ==
        "--routine: unknown routine 'dialy' (did you mean 'daily'?)");
  CHECK(flag_error([](ProfileFlags& f) { f.routine = "weekly-strength"; }) ==
        "--routine: unknown routine 'weekly-strength'; valid: daily");
}

TEST_CASE("a name of only spaces is refused, from a flag and from a file") {
  CHECK(flag_error([](ProfileFlags& f) { f.name = "   "; }) ==
        "--name: is only spaces; give a name, or leave it out");
  CHECK(flag_error([](ProfileFlags& f) { f.name = "\t"; }) ==
        "--name: is only spaces; give a name, or leave it out");
  CHECK(flag_error([](ProfileFlags& f) { f.name = " Sam "; }) == "(no error)");
  CHECK(profile_errors("name: \"  \"\n") ==
        "p.yaml:1:7: error: 'name' is only spaces; give a name, or leave it out");
}

TEST_CASE("ids in any case, the library's synonyms, and ';' between items") {
  const ProfileInput in = flags_input([](ProfileFlags& f) {
    f.equipment = {"Tennis-Ball;BED", "strap"};
    f.conditions = {"Sciatica;hypertension", "HIP-ARTHROPLASTY:approach=Posterior"};
    f.avoid = {"calf;Buttocks"};
    f.routine = "Daily";
  });
  CHECK(in.equipment == std::vector<std::string>{"tennis-ball", "bed", "yoga-strap"});
  CHECK(in.conditions ==
        std::vector<std::string>{"disc-herniation", "high-blood-pressure", "hip-replacement"});
  CHECK(in.details.at("hip-replacement").front().value == "posterior");
  CHECK(in.avoid == std::vector<std::string>{"calves", "glutes"});
  CHECK(in.routine == "daily");
  // A word that is part of several ids names them all.
  CHECK(flag_error([](ProfileFlags& f) { f.avoid = {"back"}; }) ==
        "--avoid: unknown region 'back'; did you mean one of lower-back, mid-back, upper-back?");
  CHECK(flag_error([](ProfileFlags& f) { f.avoid = {"Spine"}; }) ==
        "--avoid: unknown region 'spine'; did you mean one of lumbar-spine, thoracic-spine?");
}

TEST_CASE("automatic conditions are not --condition values") {
  CHECK(flag_error([](ProfileFlags& f) { f.conditions = {"no-floor"}; }) ==
        "--condition: unknown condition 'no-floor'; " + kValidConditions);
  CHECK(flag_error([](ProfileFlags& f) { f.conditions = {"age-55-plus"}; }) ==
        "--condition: unknown condition 'age-55-plus'; " + kValidConditions);
  CHECK(flag_error([](ProfileFlags& f) { f.conditions = {"spine-safety"}; }) ==
        "--condition: unknown condition 'spine-safety'; " + kValidConditions);
  const Ids choices = condition_choices(lib());
  CHECK(std::find(choices.begin(), choices.end(), "osteoporosis") != choices.end());
  CHECK(std::find(choices.begin(), choices.end(), "no-floor") == choices.end());
}

TEST_CASE("list flags take comma-separated and repeated values, trimmed, blanks dropped") {
  const ProfileInput in = flags_input([](ProfileFlags& f) {
    f.equipment = {"tennis-ball, chair", "wall,,"};
    f.conditions = {"pregnancy", "osteoporosis"};
    f.avoid = {" neck "};
  });
  CHECK(in.equipment == Ids{"tennis-ball", "chair", "wall"});
  CHECK(in.conditions == Ids{"pregnancy", "osteoporosis"});
  CHECK(in.avoid == Ids{"neck"});
  CHECK_FALSE(in.age.has_value());
  CHECK_FALSE(in.floor.has_value());
}

TEST_CASE("'none' alone gives an empty list and cannot be combined") {
  const ProfileInput in = flags_input([](ProfileFlags& f) { f.equipment = {"none"}; });
  REQUIRE(in.equipment.has_value());
  CHECK(in.equipment->empty());
  CHECK(flag_error([](ProfileFlags& f) { f.equipment = {"none,chair"}; }) ==
        "--equipment: 'none' cannot be combined with other values");
  CHECK(flag_error([](ProfileFlags& f) {
          f.conditions = {"none", "fever"};
        }) == "--condition: 'none' cannot be combined with other values");
  CHECK(flag_error([](ProfileFlags& f) { f.avoid = {" , "}; }) ==
        "--avoid: needs a value; use 'none' for no region");
}

TEST_CASE("--age and --minutes must be whole numbers in range") {
  CHECK(flag_error([](ProfileFlags& f) { f.age = "abc"; }) ==
        "--age: must be a whole number from 1 to 120, not 'abc'");
  CHECK(flag_error([](ProfileFlags& f) { f.age = "0"; }) ==
        "--age: must be a whole number from 1 to 120, not '0'");
  CHECK(flag_error([](ProfileFlags& f) { f.age = "-5"; }) ==
        "--age: must be a whole number from 1 to 120, not '-5'");
  CHECK(flag_error([](ProfileFlags& f) { f.age = "99999999999"; }) ==
        "--age: must be a whole number from 1 to 120, not '99999999999'");
  CHECK(flag_error([](ProfileFlags& f) { f.minutes = "4"; }) ==
        "--minutes: must be a whole number from 5 to 180, not '4'");
  CHECK(flag_error([](ProfileFlags& f) { f.minutes = "181"; }) ==
        "--minutes: must be a whole number from 5 to 180, not '181'");
  const ProfileInput in = flags_input([](ProfileFlags& f) {
    f.age = "120";
    f.minutes = "5";
  });
  CHECK(in.age == 120);
  CHECK(in.minutes == 5);
}

TEST_CASE("--name must be one line of 1 to 100 characters") {
  const std::string message = "--name: must be one line of 1 to 100 characters";
  CHECK(flag_error([](ProfileFlags& f) { f.name = "Sam\nJones"; }) == message);
  CHECK(flag_error([](ProfileFlags& f) { f.name = ""; }) == message);
  CHECK(flag_error([](ProfileFlags& f) { f.name = std::string(101, 'a'); }) == message);
  CHECK(flags_input([](ProfileFlags& f) { f.name = std::string(100, 'a'); }).name ==
        std::string(100, 'a'));
}

TEST_CASE("--name counts characters, not bytes") {
  std::string name;
  for (int i = 0; i < 60; ++i) name += "\xC3\xA9";
  CHECK(flag_error([&](ProfileFlags& f) { f.name = name; }) == "(no error)");
}

TEST_CASE("--no-floor and --cleared set their fields; absent flags leave them unset") {
  const ProfileInput in = flags_input([](ProfileFlags& f) {
    f.no_floor = true;
    f.cleared = true;
    f.routine = "daily";
  });
  CHECK(in.floor == false);
  CHECK(in.cleared == true);
  CHECK(in.routine == "daily");
  const ProfileInput none = flags_input([](ProfileFlags&) {});
  CHECK_FALSE(none.floor.has_value());
  CHECK_FALSE(none.cleared.has_value());
  CHECK_FALSE(none.equipment.has_value());
}

TEST_CASE("a valid profile file is read field by field") {
  const ProfileInput in = profile(
      "name: Sam\nage: 60\nfloor: false\nequipment: [tennis-ball, chair]\n"
      "conditions: [osteoporosis]\navoid: neck\nminutes: 30\ncleared: true\nroutine: daily\n");
  CHECK(in.name == "Sam");
  CHECK(in.age == 60);
  CHECK(in.floor == false);
  CHECK(in.equipment == Ids{"tennis-ball", "chair"});
  CHECK(in.conditions == Ids{"osteoporosis"});
  CHECK(in.avoid == Ids{"neck"});  // a single value is a list of one
  CHECK(in.minutes == 30);
  CHECK(in.cleared == true);
  CHECK(in.routine == "daily");
}

TEST_CASE("'equipment: none' in a profile is an empty list") {
  const ProfileInput in = profile("equipment: none\n");
  REQUIRE(in.equipment.has_value());
  CHECK(in.equipment->empty());
  CHECK(profile_errors("equipment: [none, chair]\n") ==
        "p.yaml:1:12: error: 'equipment': 'none' cannot be combined with other values");
}

TEST_CASE("profile files take yes/no in any case, and ids in any case") {
  const ProfileInput in = profile(
      "floor: No\ncleared: Y\nequipment: [Tennis-Ball, BED]\nconditions: [Osteoporosis]\n"
      "avoid: Calves\nroutine: DAILY\nlevel: Beginner\n");
  CHECK(in.floor == false);
  CHECK(in.cleared == true);
  CHECK(in.equipment == std::vector<std::string>{"tennis-ball", "bed"});
  CHECK(in.conditions == std::vector<std::string>{"osteoporosis"});
  CHECK(in.avoid == std::vector<std::string>{"calves"});
  CHECK(in.routine == "daily");
  CHECK(in.level == "beginner");
}

TEST_CASE("an unknown profile field is reported with a suggestion") {
  CHECK(profile_errors("age: 40\nminuets: 20\n") ==
        "p.yaml:2:1: error: unknown field 'minuets' in a profile (did you mean 'minutes'?)");
  CHECK(profile_errors("pets: 2\n") ==
        "p.yaml:1:1: error: unknown field 'pets' in a profile; valid: name, age, floor, equipment, "
        "conditions, avoid, minutes, cleared, routine, level, clinic, clinician, contact, "
        "review_date, notes");
}

TEST_CASE("profile values of the wrong type are reported at the value") {
  CHECK(profile_errors("name: Sam\nage: forty\nfloor: [no]\nminutes: \"30\"\n"
                       "equipment: {tennis-ball: 1}\ncleared: sure\n") ==
        "p.yaml:2:6: error: 'age' must be a whole number from 1 to 120, not 'forty'\n"
        "p.yaml:3:8: error: 'floor' must be yes or no, not a list\n"
        "p.yaml:4:10: error: 'minutes' must be a whole number from 5 to 180, not text in quotes\n"
        "p.yaml:6:10: error: 'cleared' must be yes or no (or y/n, true/false, 1/0), not 'sure'\n"
        "p.yaml:5:12: error: 'equipment' must be a list, not a mapping");
  CHECK(profile_errors("age: 121\nminutes: 181\n") ==
        "p.yaml:1:6: error: 'age' must be a whole number from 1 to 120, not '121'\n"
        "p.yaml:2:10: error: 'minutes' must be a whole number from 5 to 180, not '181'");
  CHECK(profile_errors("name: \"Sam\\nJones\"\n") ==
        "p.yaml:1:7: error: 'name' must be one line of at most 100 characters");
}

TEST_CASE("an empty profile value is reported on its own line") {
  CHECK(profile_errors("name:\nage: 40\n") ==
        "p.yaml:1:6: error: 'name' must be text, not nothing");
}

TEST_CASE("unknown ids in a profile are reported at the item") {
  CHECK(profile_errors("conditions:\n  - pregnancy\n  - osteoporsis\navoid: [neck, lower-bak]\n"
                       "routine: dialy\n") ==
        "p.yaml:5:10: error: unknown routine 'dialy' (did you mean 'daily'?)\n"
        "p.yaml:3:5: error: 'conditions': unknown condition 'osteoporsis' (did you mean "
        "'osteoporosis'?)\n"
        "p.yaml:4:15: error: 'avoid': unknown region 'lower-bak' (did you mean 'lower-back'?)");
  CHECK(profile_errors("conditions: [no-floor]\n") ==
        "p.yaml:1:14: error: 'conditions': unknown condition 'no-floor'; " + kValidConditions);
}

TEST_CASE("a profile with a problem keeps its other fields and drops the bad one") {
  DiagnosticSink sink;
  const ProfileInput in = read_profile(*parse_yaml("age: 40\nequipment: [chair, sofa]\n", "p.yaml"),
                                       "p.yaml", lib(), sink);
  CHECK(sink.items().size() == 1);
  CHECK(in.age == 40);
  CHECK_FALSE(in.equipment.has_value());
}

TEST_CASE("an empty profile or one that is not a mapping is reported") {
  CHECK(profile_errors("") ==
        "p.yaml:1:1: error: the profile is empty; give fields such as 'age:' or 'equipment:'");
  CHECK(profile_errors("# nothing yet\n") ==
        "p.yaml:1:1: error: the profile is empty; give fields such as 'age:' or 'equipment:'");
  CHECK(profile_errors("- age: 40\n") ==
        "p.yaml:1:1: error: a profile must be a mapping of fields, not a list");
}

TEST_CASE("load_profile_file reads a file and throws its first problem") {
  char name[] = "/tmp/backplan-profile-test-XXXXXX";
  REQUIRE(::mkdtemp(name) != nullptr);
  const std::string dir = name;
  const std::string path = dir + "/me.yaml";
  std::ofstream(path) << "age: 44\nminutes: 25\n";
  const ProfileInput in = load_profile_file(path, lib());
  CHECK(in.age == 44);
  CHECK(in.minutes == 25);
  std::ofstream(path) << "age: 44\nage: 45\n";
  CHECK_THROWS_WITH_AS(load_profile_file(path, lib()),
                       (path + ":2:1: error: duplicate key 'age'").c_str(), Error);
  std::ofstream(path) << "floor: maybe\nminutes: 2\n";
  CHECK_THROWS_WITH_AS(
      load_profile_file(path, lib()),
      (path + ":1:8: error: 'floor' must be yes or no (or y/n, true/false, 1/0), not "
              "'maybe'")
          .c_str(),
      Error);
  std::ofstream(path) << "# " << std::string(64 * 1024, 'x') << "\n";
  CHECK_THROWS_WITH_AS(load_profile_file(path, lib()),
                       (path + ": error: file is larger than the 64 KiB limit").c_str(), Error);
  CHECK_THROWS_WITH_AS(load_profile_file(dir + "/none.yaml", lib()),
                       (dir + "/none.yaml: error: cannot read: No such file or directory").c_str(),
                       Error);
  std::filesystem::remove_all(dir);
}

TEST_CASE("resolve_profile puts flags over the file") {
  const ProfileInput file = profile("name: Sam\nage: 40\nminutes: 30\nequipment: [chair]\n");
  const ProfileInput flags = flags_input([](ProfileFlags& f) {
    f.age = "60";
    f.equipment = {"wall"};
    f.no_floor = true;
  });
  const Profile p = resolve_profile(lib(), file, flags);
  CHECK(p.name == "Sam");
  CHECK(p.age == 60);
  CHECK(p.minutes == 30);
  CHECK(p.equipment == Ids{"wall"});
  CHECK_FALSE(p.equipment_assumed);
  CHECK_FALSE(p.floor);
}

TEST_CASE("resolve_profile falls back to the library's settings") {
  const Profile p = resolve_profile(lib(), {}, {});
  CHECK_FALSE(p.name.has_value());
  CHECK_FALSE(p.age.has_value());
  CHECK(p.floor);
  CHECK_FALSE(p.cleared);
  CHECK(p.minutes == lib().settings.default_minutes);
  CHECK(p.minutes == 20);
  CHECK(p.routine == "daily");
  CHECK(p.equipment == Ids{"foam-roller-soft", "tennis-ball"});
  CHECK(p.equipment_assumed);
  CHECK(p.conditions.empty());
  CHECK(p.avoid.empty());
}

TEST_CASE("equipment 'none' means no equipment, not the default kit") {
  const ProfileInput none = flags_input([](ProfileFlags& f) { f.equipment = {"none"}; });
  const Profile p = resolve_profile(lib(), profile("equipment: [chair]\n"), none);
  CHECK(p.equipment.empty());
  CHECK_FALSE(p.equipment_assumed);
  CHECK(resolve_profile(lib(), profile("equipment: none\n"), {}).equipment.empty());
}

TEST_CASE("resolved lists are in library order without repeats, whatever the given order") {
  const ProfileInput flags = flags_input([](ProfileFlags& f) {
    f.equipment = {"wall,tennis-ball", "wall", "foam-roller-soft"};
    f.conditions = {"pregnancy", "osteoporosis,pregnancy"};
    f.avoid = {"neck", "feet", "neck"};
  });
  const Profile p = resolve_profile(lib(), {}, flags);
  CHECK(p.equipment == Ids{"foam-roller-soft", "tennis-ball", "wall"});
  CHECK(p.conditions == Ids{"osteoporosis", "pregnancy"});
  CHECK(p.avoid == Ids{"feet", "neck"});
  const ProfileInput reordered = flags_input([](ProfileFlags& f) {
    f.equipment = {"foam-roller-soft,tennis-ball,wall"};
    f.conditions = {"osteoporosis,pregnancy"};
    f.avoid = {"feet,neck"};
  });
  const Profile q = resolve_profile(lib(), {}, reordered);
  CHECK(q.equipment == p.equipment);
  CHECK(q.conditions == p.conditions);
  CHECK(q.avoid == p.avoid);
}

TEST_CASE("validate: every problem, by field, in field order; only good fields are set") {
  RawProfile raw;
  raw.name = std::string(101, 'a');
  raw.age = "abc";
  raw.floor = "maybe";
  raw.equipment = Ids{"none", "tenis-ball"};
  raw.conditions = Ids{"osteoporosis"};
  raw.avoid = Ids{};
  raw.minutes = "4";
  raw.cleared = "YES";
  raw.routine = "dialy";
  const Validated v = validate(raw, lib(), TextOrigin::typed);
  std::string got;
  for (const auto& p : v.problems) {
    got += std::string(kFieldNames.name(p.field)) +
           (p.item ? "[" + std::to_string(*p.item) + "]" : "") + ": " + p.message + "\n";
  }
  CHECK(got ==
        "name: must be one line of 1 to 100 characters\n"
        "age: must be a whole number from 1 to 120, not 'abc'\n"
        "floor: must be yes or no (or y/n, true/false, 1/0), not 'maybe'\n"
        "equipment: 'none' cannot be combined with other values\n"
        "equipment[1]: unknown equipment 'tenis-ball' (did you mean 'tennis-ball'?)\n"
        "avoid: needs a value; use 'none' for no region\n"
        "minutes: must be a whole number from 5 to 180, not '4'\n"
        "routine: unknown routine 'dialy' (did you mean 'daily'?)\n");
  CHECK_FALSE(v.input.name.has_value());
  CHECK_FALSE(v.input.equipment.has_value());
  CHECK(v.input.conditions == Ids{"osteoporosis"});
  CHECK(v.input.cleared == true);
  CHECK_FALSE(v.input.routine.has_value());
}

TEST_CASE("validate: a file's name rule speaks of the upper bound only") {
  RawProfile raw;
  raw.name = "Sam\nJones";
  REQUIRE(validate(raw, lib(), TextOrigin::file).problems.size() == 1);
  CHECK(validate(raw, lib(), TextOrigin::file).problems[0].message ==
        "must be one line of at most 100 characters");
  CHECK(field_message(Field::age, "must be a whole number") == "'age' must be a whole number");
  CHECK(field_message(Field::avoid, "unknown region 'x'") == "'avoid': unknown region 'x'");
}

TEST_CASE("the same bad value gives the same message from a flag and a profile file") {
  CHECK(flag_error([](ProfileFlags& f) { f.age = "abc"; }) ==
        "--age: must be a whole number from 1 to 120, not 'abc'");
  CHECK(profile_errors("age: abc\n") ==
        "p.yaml:1:6: error: 'age' must be a whole number from 1 to 120, not 'abc'");
  CHECK(flag_error([](ProfileFlags& f) { f.avoid = {"lower-bak"}; }) ==
        "--avoid: unknown region 'lower-bak' (did you mean 'lower-back'?)");
  CHECK(profile_errors("avoid: [neck, lower-bak]\n") ==
        "p.yaml:1:15: error: 'avoid': unknown region 'lower-bak' (did you mean 'lower-back'?)");
}

TEST_CASE("a profile file reports every bad item of a list; 'none' combined when they are good") {
  CHECK(profile_errors("equipment: [none, tenis-ball, chair, bedd]\n") ==
        "p.yaml:1:19: error: 'equipment': unknown equipment 'tenis-ball' (did you mean "
        "'tennis-ball'?)\n"
        "p.yaml:1:38: error: 'equipment': unknown equipment 'bedd' (did you mean 'bed'?)");
  CHECK(profile_errors("equipment: [none, chair]\nage: 0000000040\nminutes: +0030\n") ==
        "p.yaml:1:12: error: 'equipment': 'none' cannot be combined with other values");
}

TEST_CASE("a profile file reports a list's bad items in order, whatever is wrong with each") {
  CHECK(profile_errors("equipment: [{a: 1}, tenis-ball, [b]]\n") ==
        "p.yaml:1:13: error: 'equipment' must be text, not a mapping\n"
        "p.yaml:1:21: error: 'equipment': unknown equipment 'tenis-ball' (did you mean "
        "'tennis-ball'?)\n"
        "p.yaml:1:33: error: 'equipment' must be text, not a list");
  DiagnosticSink sink;
  const ProfileInput in =
      read_profile(*parse_yaml("equipment: [{a: 1}, bed]\n", "p.yaml"), "p.yaml", lib(), sink);
  CHECK(sink.items().size() == 1);
  CHECK_FALSE(in.equipment.has_value());  // a list with a bad item is not used
}

TEST_CASE("condition details ride on the condition: ID:NAME=VALUE:NAME=VALUE") {
  const ProfileInput in = flags_input([](ProfileFlags& f) {
    f.conditions = {"hip-replacement:approach=posterior:weeks=06,pregnancy:trimester=2"};
  });
  CHECK(in.conditions == Ids{"hip-replacement", "pregnancy"});
  const ConditionDetails want = {
      {"hip-replacement", {{"approach", "posterior", false}, {"weeks", "6", true}}},
      {"pregnancy", {{"trimester", "2", false}}}};
  CHECK(in.details == want);
}

TEST_CASE("resolved details: given, else the choice's default; a number not given is unknown") {
  const ProfileInput in = flags_input([](ProfileFlags& f) {
    f.conditions = {"knee-replacement", "hip-replacement:weeks=30", "osteoporosis"};
  });
  const Profile p = resolve_profile(lib(), ProfileInput{}, in);
  const ConditionDetails want = {
      {"osteoporosis", {{"spinal-fracture", "no", false}}},
      {"hip-replacement", {{"approach", "unknown", false}, {"weeks", "30", true}}},
      {"knee-replacement", {{"weeks", "", true}}}};
  CHECK(p.details == want);
  CHECK(condition_item("hip-replacement", p.details) ==
        "hip-replacement:approach=unknown:weeks=30");
  CHECK(condition_item("knee-replacement", p.details) == "knee-replacement");
}

TEST_CASE("bad condition details name the condition, the detail and the valid values") {
  auto error_for = [](const std::string& item) {
    return flag_error([&](ProfileFlags& f) { f.conditions = {item}; });
  };
  CHECK(error_for("hip-replacement:aproach=posterior") ==
        "--condition: unknown hip-replacement detail 'aproach' (did you mean 'approach'?)");
  CHECK(error_for("hip-replacement:approach=back") ==
        "--condition: unknown hip-replacement approach 'back'; valid: posterior, anterior, other, "
        "unknown");
  CHECK(error_for("hip-replacement:weeks=six") ==
        "--condition: 'weeks' of 'hip-replacement' must be a whole number from 0 to 2600, not "
        "'six'");
  CHECK(error_for("hip-replacement:posterior") ==
        "--condition: 'posterior': write each detail as NAME=VALUE, such as "
        "hip-replacement:approach=VALUE (details of 'hip-replacement': approach, weeks)");
  CHECK(error_for("hip-replacement:weeks=3:weeks=4") ==
        "--condition: 'weeks' of 'hip-replacement' is given twice");
  CHECK(error_for("fibromyalgia:weeks=3") ==
        "--condition: 'fibromyalgia' takes no details, not ':weeks=3'");
  CHECK(error_for("hip-replacment:weeks=3") ==
        "--condition: unknown condition 'hip-replacment' (did you mean 'hip-replacement'?)");
}

TEST_CASE("details in a profile file are reported at the item") {
  CHECK(profile_errors("conditions:\n  - osteoporosis:spinal-fracture=maybe\n") ==
        "p.yaml:2:5: error: 'conditions': unknown osteoporosis spinal-fracture 'maybe'; valid: "
        "no, yes");
  const ProfileInput in = profile("conditions: [knee-replacement:weeks=8]\n");
  CHECK(in.details.at("knee-replacement") == std::vector<DetailValue>{{"weeks", "8", true}});
}

TEST_CASE("--level: one of the ladder's steps; not given, beginner from 55, else standard") {
  CHECK(flag_error([](ProfileFlags& f) { f.level = "advance"; }) ==
        "--level: unknown level 'advance' (did you mean 'advanced'?)");
  auto level_of = [](std::optional<std::string> age, std::optional<std::string> level) {
    ProfileFlags f;
    f.age = std::move(age);
    f.level = std::move(level);
    const Profile p = resolve_profile(lib(), ProfileInput{}, read_profile_flags(f, lib()));
    return std::string(to_string(p.level)) + (p.level_assumed ? " (assumed)" : "");
  };
  CHECK(level_of(std::nullopt, std::nullopt) == "standard (assumed)");
  CHECK(level_of("54", std::nullopt) == "standard (assumed)");
  CHECK(level_of("55", std::nullopt) == "beginner (assumed)");
  CHECK(level_of("80", "advanced") == "advanced");
  CHECK(profile("level: beginner\n").level == std::optional<std::string>("beginner"));
  CHECK(profile_errors("level: expert\n") ==
        "p.yaml:1:8: error: unknown level 'expert'; valid: beginner, standard, advanced");
}

TEST_CASE("the beginner age is the library's; a library that gives none starts everyone there") {
  Library older = lib();
  older.settings.beginner_from_age = 65;
  ProfileInput sixty;
  sixty.age = 60;
  CHECK(resolve_profile(lib(), ProfileInput{}, sixty).level == Level::beginner);
  CHECK(resolve_profile(older, ProfileInput{}, sixty).level == Level::standard);
  Library silent = lib();
  silent.settings.beginner_from_age.reset();
  CHECK(resolve_profile(silent, ProfileInput{}, ProfileInput{}).level == Level::beginner);
  CHECK(lib().settings.beginner_from_age == std::optional<int>(55));
}

TEST_CASE("clinic fields in a profile file: one line of text each, the review date a real day") {
  const ProfileInput p = profile(
      "clinic: Riverside Physio\nclinician: Sam Lee\ncontact: 020 7946 0000\n"
      "review_date: 2027-01-15\nnotes: Left knee sore\n");
  CHECK(p.clinic.clinic == "Riverside Physio");
  CHECK(p.clinic.clinician == "Sam Lee");
  CHECK(p.clinic.contact == "020 7946 0000");
  CHECK(p.clinic.review_date == "2027-01-15");
  CHECK(p.clinic.note == "Left knee sore");
  CHECK(profile_errors("review_date: 2027-02-30\nclinic: \"  \"\n") ==
        "p.yaml:2:9: error: 'clinic' must be one line of 1 to 500 characters\n"
        "p.yaml:1:14: error: 'review_date': 2027-02-30 does not exist: February 2027 has 28 days");
  // Flags over the file, field by field.
  ClinicInfo flags;
  flags.clinician = "Dr Ng";
  const ClinicInfo merged = merge_clinic(flags, p.clinic);
  CHECK(merged.clinician == "Dr Ng");
  CHECK(merged.clinic == "Riverside Physio");
  CHECK(merged.note == "Left knee sore");
}

TEST_CASE("--flare and --morning are for one plan: flags only, never read from a profile") {
  ProfileFlags f;
  f.morning = true;
  f.flare = true;
  const Profile p = resolve_profile(lib(), ProfileInput{}, read_profile_flags(f, lib()));
  CHECK(p.today == std::vector<Today>{Today::flare, Today::morning});
  CHECK(resolve_profile(lib(), ProfileInput{}, ProfileInput{}).today.empty());
  CHECK(profile_errors("flare: true\n") ==
        "p.yaml:1:1: error: unknown field 'flare' in a profile; valid: name, age, floor, "
        "equipment, conditions, avoid, minutes, cleared, routine, level, clinic, clinician, "
        "contact, review_date, notes");
}
