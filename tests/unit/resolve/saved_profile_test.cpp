// The saved profile: where it lives, how it is written and merged.
#include <doctest/doctest.h>

#include "load/library_loader.h"
#include "load/yaml_tree.h"
#include "resolve/saved_profile.h"

using namespace backplan;

TEST_CASE("the saved profile lives under XDG_CONFIG_HOME, else under HOME") {
  CHECK(saved_profile_path(std::string("/x/conf"), std::string("/home/a")) ==
        "/x/conf/backplan/profile.yaml");
  CHECK(saved_profile_path(std::string("/x/conf/"), std::nullopt) ==
        "/x/conf/backplan/profile.yaml");
  // The XDG rule: a relative or empty XDG_CONFIG_HOME is ignored.
  CHECK(saved_profile_path(std::string("conf"), std::string("/home/a")) ==
        "/home/a/.config/backplan/profile.yaml");
  CHECK(saved_profile_path(std::string(""), std::string("/home/a/")) ==
        "/home/a/.config/backplan/profile.yaml");
  CHECK(saved_profile_path(std::nullopt, std::string("/")) == "/.config/backplan/profile.yaml");
  CHECK(saved_profile_path(std::nullopt, std::string("")) == std::nullopt);
  CHECK(saved_profile_path(std::string("rel"), std::nullopt) == std::nullopt);
}

TEST_CASE("a profile is written as a profile file, only the fields that are set") {
  ProfileInput p;
  p.name = "Ann \"A\" \\ B";
  p.age = 70;
  p.floor = false;
  p.equipment = std::vector<std::string>{"tennis-ball", "bed"};
  p.conditions = std::vector<std::string>{};
  p.minutes = 15;
  p.cleared = true;
  p.routine = "daily";
  CHECK(profile_yaml(p) ==
        "# backplan's saved profile, written by 'backplan profile save'; see backplan(1).\n"
        "name: \"Ann \\\"A\\\" \\\\ B\"\n"
        "age: 70\n"
        "floor: false\n"
        "equipment: [tennis-ball, bed]\n"
        "conditions: []\n"
        "minutes: 15\n"
        "cleared: true\n"
        "routine: daily\n");
  CHECK(profile_yaml(ProfileInput{}) ==
        "# backplan's saved profile, written by 'backplan profile save'; see backplan(1).\n");
}

TEST_CASE("what is written reads back the same") {
  const Library lib = load_library_or_throw({});
  ProfileInput p;
  p.name = "Zoë \"Z\" \\";
  p.age = 58;
  p.floor = false;
  p.equipment = std::vector<std::string>{"tennis-ball", "massage-stick"};
  p.conditions = std::vector<std::string>{"knee-replacement", "pregnancy"};
  p.details = {{"knee-replacement", {{"weeks", "8", true}}}};
  p.avoid = std::vector<std::string>{};
  p.cleared = false;
  p.clinic.clinic = "Riverside Physio: \"back\" clinic";
  p.clinic.review_date = "2027-01-15";
  p.clinic.note = "Walk daily; 10 minutes";
  DiagnosticSink sink;
  const ProfileInput back =
      read_profile(*parse_yaml(profile_yaml(p), "saved.yaml"), "saved.yaml", lib, sink);
  CHECK(sink.empty());
  CHECK(back.name == p.name);
  CHECK(back.age == p.age);
  CHECK(back.floor == p.floor);
  CHECK(back.equipment == p.equipment);
  CHECK(back.conditions == p.conditions);
  CHECK(back.details == p.details);
  CHECK(back.avoid == p.avoid);
  CHECK(back.minutes == std::nullopt);
  CHECK(back.cleared == p.cleared);
  CHECK(back.routine == std::nullopt);
  CHECK(back.clinic.clinic == p.clinic.clinic);
  CHECK(back.clinic.clinician == std::nullopt);
  CHECK(back.clinic.review_date == p.clinic.review_date);
  CHECK(back.clinic.note == p.clinic.note);
}

namespace {

// Every field of two profiles, one CHECK each so a failure names the field.
void check_same(const ProfileInput& a, const ProfileInput& b) {
  CHECK(a.name == b.name);
  CHECK(a.age == b.age);
  CHECK(a.floor == b.floor);
  CHECK(a.equipment == b.equipment);
  CHECK(a.conditions == b.conditions);
  CHECK(a.avoid == b.avoid);
  CHECK(a.minutes == b.minutes);
  CHECK(a.cleared == b.cleared);
  CHECK(a.routine == b.routine);
}

}  // namespace

TEST_CASE("names that need quoting or escaping read back the same") {
  const Library lib = load_library_or_throw({});
  const std::vector<std::string> names = {"Ann \"the knee\" O'Neil",
                                          "a: b # c",
                                          "  leading",
                                          "trailing  ",
                                          "Zoë 😀",
                                          "C:\\Users\\ann\\",
                                          "- dash",
                                          "[not a list]",
                                          "{not: a map}",
                                          "&anchor *alias",
                                          "!tag",
                                          "%percent",
                                          "@at",
                                          "`tick",
                                          "|",
                                          ">",
                                          "'",
                                          "\"",
                                          "null",
                                          "~",
                                          "true",
                                          "no",
                                          "42",
                                          "0x1F",
                                          "1e3",
                                          "---",
                                          "...",
                                          "?",
                                          "café\u00a0bar"};
  for (const auto& name : names) {
    ProfileInput p;
    p.name = name;
    p.age = 64;
    p.floor = true;
    p.equipment = std::vector<std::string>{"tennis-ball"};
    p.conditions = std::vector<std::string>{};
    p.avoid = std::vector<std::string>{};
    p.minutes = 25;
    p.cleared = false;
    p.routine = "daily";
    const std::string text = profile_yaml(p);
    INFO("name: [" << name << "]\n" << text);
    DiagnosticSink sink;
    const ProfileInput back =
        read_profile(*parse_yaml(text, "saved.yaml"), "saved.yaml", lib, sink);
    CHECK(sink.empty());
    check_same(back, p);
  }
}

TEST_CASE("a name is written double-quoted, with only what YAML needs escaped") {
  ProfileInput p;
  p.name = "Ann \"the knee\" O'Neil";
  CHECK(profile_yaml(p) ==
        "# backplan's saved profile, written by 'backplan profile save'; see backplan(1).\n"
        "name: \"Ann \\\"the knee\\\" O'Neil\"\n");
  p.name = "Zoë 😀 a: b # c";
  CHECK(profile_yaml(p) ==
        "# backplan's saved profile, written by 'backplan profile save'; see backplan(1).\n"
        "name: \"Zoë 😀 a: b # c\"\n");
  p.name = "  C:\\ann";
  CHECK(profile_yaml(p) ==
        "# backplan's saved profile, written by 'backplan profile save'; see backplan(1).\n"
        "name: \"  C:\\\\ann\"\n");
}

TEST_CASE("saving merges: the fields given replace, the rest stay") {
  ProfileInput saved;
  saved.age = 70;
  saved.equipment = std::vector<std::string>{"tennis-ball"};
  saved.floor = false;
  // The flags given, read as a profile would be: an age, and conditions given as none.
  const Library lib = load_library_or_throw({});
  DiagnosticSink sink;
  const ProfileInput flags =
      read_profile(*parse_yaml("age: 71\nconditions: []\n", "flags.yaml"), "flags.yaml", lib, sink);
  REQUIRE(sink.empty());
  REQUIRE(flags.conditions == std::optional<std::vector<std::string>>(std::vector<std::string>{}));
  const ProfileInput merged = merge_profile(saved, flags);
  CHECK(profile_yaml(merged) ==
        "# backplan's saved profile, written by 'backplan profile save'; see backplan(1).\n"
        "age: 71\n"
        "floor: false\n"
        "equipment: [tennis-ball]\n"
        "conditions: []\n");
  CHECK(has_any_field(merged));
  CHECK_FALSE(has_any_field(ProfileInput{}));
}
