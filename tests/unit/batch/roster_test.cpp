#include <doctest/doctest.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sstream>
#include <string>
#include <vector>

#include "batch/roster.h"
#include "load/library_loader.h"
#include "load/yaml_tree.h"
#include "model/diagnostics.h"
#include "resolve/fields.h"
#include "resolve/profile.h"
#include "text/utf8.h"

using namespace backplan;

namespace {

const Library& lib() {
  static const Library library = load_library_or_throw({});
  return library;
}

// The built-in library's --condition values.
const char* const kValidConditions =
    "valid: osteoporosis, fibromyalgia, chronic-fatigue, blood-thinners, high-blood-pressure, "
    "low-blood-pressure, hip-replacement, knee-replacement, recent-fracture, active-cancer, "
    "acute-inflammation, skin-wound, pregnancy, disc-herniation, new-to-rolling, not-improving, "
    "cauda-equina-signs, major-trauma, fever, unexplained-weight-loss, worsening-leg-weakness, "
    "night-pain, chest-pain, fragility-fracture-signs, cancer-history, weakened-immunity, "
    "back-lump";

std::string list(const std::optional<std::vector<std::string>>& items) {
  return items->empty() ? "none" : fmt::format("{}", fmt::join(*items, ","));
}

// A row, one line: "LINE name=... age=..." with what was given, or "LINE ! problem | problem".
std::string describe(const RosterRow& row) {
  std::string out = std::to_string(row.line);
  if (!row.problems.empty()) {
    out += " !";
    for (const auto& p : row.problems) out += " " + format_diagnostic(p) + " |";
    out.pop_back();
    out.pop_back();
    if (row.name) out += " (name: " + *row.name + ")";
    return out;
  }
  const ProfileInput& in = row.input;
  if (in.name) out += " name=" + *in.name;
  if (in.age) out += " age=" + std::to_string(*in.age);
  if (in.floor) out += std::string(" floor=") + (*in.floor ? "yes" : "no");
  if (in.equipment) out += " equipment=" + list(in.equipment);
  if (in.conditions) {
    std::vector<std::string> items;
    for (const auto& id : *in.conditions) items.push_back(condition_item(id, in.details));
    out += " conditions=" +
           (items.empty() ? std::string("none") : fmt::format("{}", fmt::join(items, ",")));
  }
  if (in.avoid) out += " avoid=" + list(in.avoid);
  if (in.minutes) out += " minutes=" + std::to_string(*in.minutes);
  if (in.cleared) out += std::string(" cleared=") + (*in.cleared ? "yes" : "no");
  if (in.routine) out += " routine=" + *in.routine;
  if (in.clinic.clinician) out += " clinician=" + *in.clinic.clinician;
  if (in.clinic.review_date) out += " review=" + *in.clinic.review_date;
  if (in.clinic.note) out += " note=" + *in.clinic.note;
  return out;
}

// Every row of a roster, one per line; a roster-wide error as "ERROR: message"; then what the
// reader noticed about the roster as a whole, one per line.
std::string roster(const std::string& text, RosterFormat format) {
  std::istringstream in(text);
  auto reader = format == RosterFormat::csv ? csv_roster(in, "r.csv", lib())
                                            : yaml_roster(in, "r.yaml", lib());
  std::string out;
  try {
    RosterRow row;
    while (reader->next(row)) {
      out += describe(row);
      out += "\n";
    }
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::bad_data);
    out += "ERROR: " + e.message() + "\n";
  }
  for (const auto& note : reader->take_notes()) out += note + "\n";
  return out;
}

std::string csv_rows(const std::string& text) {
  return roster(text, RosterFormat::csv);
}
std::string yaml_rows(const std::string& text) {
  return roster(text, RosterFormat::yaml);
}

const std::string kColumns =
    "name, age, floor, equipment, conditions, avoid, minutes, cleared, routine, level, clinic, "
    "clinician, contact, review_date, notes";

}  // namespace

TEST_CASE("roster clinic columns: a client's clinician, review date and a note on several lines") {
  CHECK(csv_rows("name,clinician,review_date,notes\n"
                 "Ali,Dr Ng,2027-01-15,\"Left knee sore.\nCalls on Tuesdays\"\n"
                 "Bea,,2027-13-01,\n") ==
        "2 name=Ali clinician=Dr Ng review=2027-01-15 note=Left knee sore. Calls on Tuesdays\n"
        "4 ! r.csv:4: error: 'review_date': 2027-13-01 does not exist: the month is written 01 "
        "to 12 (name: Bea)\n");
}

TEST_CASE("CSV roster: every column, in any order, case-insensitive header, trimmed cells") {
  CHECK(csv_rows(" Routine ,CLEARED,minutes,avoid,conditions,equipment,floor,age,name\n"
                 "daily,yes,15,calves;neck,osteoporosis,tennis-ball; bed,no,70, Sam Jones \n"
                 ",,,,,,,,Ann\n"
                 ",0,,,none,none,TRUE,,Bo\n") ==
        "2 name=Sam Jones age=70 floor=no equipment=tennis-ball,bed conditions=osteoporosis "
        "avoid=calves,neck minutes=15 cleared=yes routine=daily\n"
        "3 name=Ann\n"
        "4 name=Bo floor=yes equipment=none conditions=none cleared=no\n");
}

TEST_CASE("CSV roster: bad cells are reported with the roster's line, every one, column order") {
  CHECK(csv_rows("name,age,floor,conditions,minutes\n"
                 "Bob,abc,maybe,osteoporsis,2\n"
                 "Sam,58,no,,\n"
                 ",,,,\n") ==
        "2 ! r.csv:2: error: 'age' must be a whole number from 1 to 120, not 'abc' | "
        "r.csv:2: error: 'floor' must be yes or no (or y/n, true/false, 1/0), not 'maybe' | "
        "r.csv:2: error: 'conditions': unknown condition 'osteoporsis' (did you mean "
        "'osteoporosis'?) | r.csv:2: error: 'minutes' must be a whole number from 5 to 180, not "
        "'2' (name: Bob)\n"
        "3 name=Sam age=58 floor=no\n"
        "4 ! r.csv:4: error: 'name' is empty; every client needs a name\n");
}

TEST_CASE("CSV roster: a row with a bad value in every column reports each, by column") {
  CHECK(
      csv_rows("routine,cleared,minutes,avoid,conditions,equipment,floor,age,name\n"
               "dialy,perhaps,500,lower-bak,no-floor,none;bed,2,0,\"a\nb\"\n") ==
      "2 ! r.csv:2: error: 'name' must be one line of 1 to 100 characters | "
      "r.csv:2: error: 'age' must be a whole number from 1 to 120, not '0' | "
      "r.csv:2: error: 'floor' must be yes or no (or y/n, true/false, 1/0), not '2' | "
      "r.csv:2: error: 'equipment': 'none' cannot be combined with other values | "
      "r.csv:2: error: 'conditions': unknown condition 'no-floor'; " +
          std::string(kValidConditions) +
          " | r.csv:2: error: 'avoid': unknown region 'lower-bak' (did you mean 'lower-back'?) | "
          "r.csv:2: error: 'minutes' must be a whole number from 5 to 180, not '500' | "
          "r.csv:2: error: 'cleared' must be yes or no (or y/n, true/false, 1/0), not 'perhaps' | "
          "r.csv:2: error: 'routine': unknown routine 'dialy' (did you mean 'daily'?)\n");
}

TEST_CASE("the same bad value gives the same message from a flag, a profile file and a roster") {
  const std::string message = "must be a whole number from 1 to 120, not 'abc'";
  ProfileFlags flags;
  flags.age = "abc";
  std::string flag;
  try {
    read_profile_flags(flags, lib());
  } catch (const Error& e) {
    flag = e.message();
  }
  CHECK(flag == "--age: " + message);
  DiagnosticSink sink;
  read_profile(*parse_yaml("age: abc\n", "p.yaml"), "p.yaml", lib(), sink);
  REQUIRE(sink.items().size() == 1);
  CHECK(format_diagnostic(sink.items()[0]) == "p.yaml:1:6: error: 'age' " + message);
  CHECK(csv_rows("name,age\nSam,abc\n") ==
        "2 ! r.csv:2: error: 'age' " + message + " (name: Sam)\n");
  CHECK(yaml_rows("- name: Sam\n  age: abc\n") ==
        "1 ! r.yaml:2:8: error: 'age' " + message + " (name: Sam)\n");
}

TEST_CASE("CSV roster: the same name rules as --name, and list rules as the list flags") {
  const std::string long_name(101, 'a');
  CHECK(csv_rows("name,equipment,avoid\n" + long_name + ",none;bed,;\n\"a\nb\",,\n") ==
        "2 ! r.csv:2: error: 'name' must be one line of 1 to 100 characters | r.csv:2: error: "
        "'equipment': 'none' cannot be combined with other values | r.csv:2: error: 'avoid' "
        "needs a value; use 'none' for no region\n"
        "3 ! r.csv:3: error: 'name' must be one line of 1 to 100 characters\n");
}

TEST_CASE("CSV roster: ragged rows, invalid UTF-8 and CSV errors skip just that row") {
  CHECK(csv_rows("name,age\nSam\nAnn,40,x\n\xff,3\n\"Jo\" x,4\nKim,50\n") ==
        "2 ! r.csv:2: error: this row has 1 field but the header has 2 columns (name: Sam)\n"
        "3 ! r.csv:3: error: this row has 3 fields but the header has 2 columns (name: Ann)\n"
        "4 ! r.csv:4: error: 'name': not valid UTF-8 text; save the roster as UTF-8\n"
        "5 ! r.csv:5: error: field 1 has text after its closing quote; quote the whole field and "
        "double any quote inside it (name: Jo x)\n"
        "6 name=Kim age=50\n");
}

TEST_CASE("CSV roster: unknown columns are ignored, with one warning naming them all") {
  CHECK(csv_rows("name,agee\nSam,4\n") ==
        "2 name=Sam\n"
        "warning: r.csv: ignoring unknown column 'agee' (did you mean 'age'?); valid: " +
            kColumns + "\n");
  CHECK(csv_rows("Phone,name,colour,age\n555,Sam,red,40\n") ==
        "2 name=Sam age=40\n"
        "warning: r.csv: ignoring unknown columns 'phone', 'colour'; valid: " +
            kColumns + "\n");
  CHECK(csv_rows("name,Notes,age\nSam, rolls carefully; ask about knee ,40\nAnn,,\n") ==
        "2 name=Sam age=40 note=rolls carefully; ask about knee\n"
        "3 name=Ann\n");
}

TEST_CASE("CSV roster: ';' and tab separators are detected from the header and reported") {
  // European Excel: ';' between cells, ',' inside a list, a byte order mark, CRLF line ends.
  CHECK(csv_rows("\xEF\xBB\xBFname;Age;floor;equipment;conditions;branch\r\n"
                 "Sam;58;NO;Tennis-Ball,bed;Osteoporosis;North\r\n"
                 "\"Jo; Ann\";40;y;\"tennis-ball;bed\";;South\r\n") ==
        "2 name=Sam age=58 floor=no equipment=tennis-ball,bed conditions=osteoporosis\n"
        "3 name=Jo; Ann age=40 floor=yes equipment=tennis-ball,bed\n"
        "note: r.csv: columns are separated by ';'\n"
        "warning: r.csv: ignoring unknown column 'branch'; valid: " +
            kColumns + "\n");
  CHECK(csv_rows("name\tage\tequipment\nSam\t58\ttennis-ball,bed\n") ==
        "2 name=Sam age=58 equipment=tennis-ball,bed\n"
        "note: r.csv: columns are separated by tabs\n");
  // Commas win a tie, and a header of one column has none.
  CHECK(csv_rows("name;age,minutes\nSam;4,20\n") ==
        "ERROR: r.csv:1: error: the header has no 'name' column; every client needs a name "
        "(columns: " +
            kColumns + ")\nwarning: r.csv: ignoring unknown column 'name;age'; valid: " + kColumns +
            "\n");
  CHECK(csv_rows("\n\"name\"\nSam;Jones\n") == "3 name=Sam;Jones\n");
}

TEST_CASE("CSV roster: a bad header stops the whole roster") {
  CHECK(csv_rows("age,minutes\n") ==
        "ERROR: r.csv:1: error: the header has no 'name' column; every client needs a name "
        "(columns: " +
            kColumns + ")\n");
  CHECK(csv_rows("name,age,Age\n") == "ERROR: r.csv:1: error: column 'age' appears twice\n");
  CHECK(csv_rows("name,,age\n") ==
        "ERROR: r.csv:1: error: column 2 of the header has no name; valid: " + kColumns + "\n");
  CHECK(csv_rows("\n\n") ==
        "ERROR: r.csv: error: the roster is empty; its first line names the columns, such as "
        "name,age,floor,equipment,conditions,avoid,minutes,cleared,routine,level,clinic,clinician,"
        "contact,review_date,notes\n");
  CHECK(csv_rows("name\n") == "");
}

TEST_CASE("YAML roster: one profile per item, with the profile file's own rules and messages") {
  CHECK(yaml_rows("# clients\n"
                  "---\n"
                  "- name: Sam\n"
                  "  age: 58\n"
                  "  floor: false\n"
                  "  equipment: [tennis-ball, massage-stick]\n"
                  "\n"
                  "  # a comment inside an item\n"
                  "  conditions: [knee-replacement]\n"
                  "-\n"
                  "  name: Ann\n"
                  "  cleared: true\n"
                  "- {name: Bo, minutes: 15, avoid: none}\n") ==
        "3 name=Sam age=58 floor=no equipment=tennis-ball,massage-stick "
        "conditions=knee-replacement\n"
        "10 name=Ann cleared=yes\n"
        "13 name=Bo avoid=none minutes=15\n");
}

TEST_CASE("YAML roster: problems carry the roster's line and column; the other items go on") {
  CHECK(yaml_rows("- name: Bob\n"
                  "  conditions: [osteoporsis]\n"
                  "  age: old\n"
                  "- age: 40\n"
                  "- name: Kim\n"
                  "  colour: red\n"
                  "- name: [a\n"
                  "- name: Zed\n"
                  "  age: 20\n"
                  "- just text\n"
                  "- name: Tab\n"
                  "\tage: 3\n") ==
        "1 ! r.yaml:2:16: error: 'conditions': unknown condition 'osteoporsis' (did you mean "
        "'osteoporosis'?) | r.yaml:3:8: error: 'age' must be a whole number from 1 to 120, not "
        "'old' (name: Bob)\n"
        "4 ! r.yaml:4:3: error: missing 'name'; every client needs a name\n"
        "5 ! r.yaml:6:3: error: unknown field 'colour' in a profile; valid: name, age, floor, "
        "equipment, conditions, avoid, minutes, cleared, routine, level, clinic, clinician, "
        "contact, review_date, notes (name: Kim)\n"
        "7 ! r.yaml:8:1: error: YAML syntax: end of sequence flow not found\n"
        "8 name=Zed age=20\n"
        "10 ! r.yaml:10:3: error: a profile must be a mapping of fields, not a single value\n"
        "11 ! r.yaml:12:1: error: a tab in the indentation: YAML indents with spaces only\n");
}

TEST_CASE("YAML roster: a line at the left edge that starts no item spoils that item only") {
  CHECK(yaml_rows("- name: Sam\nage: 4\n- name: Ann\n...\n# end\n") ==
        "1 ! r.yaml:2:1: error: expected '- ' starting the next client, or an indented field of "
        "this one\n"
        "3 name=Ann\n");
}

TEST_CASE("YAML roster: anything but a list at the left edge stops the roster") {
  CHECK(yaml_rows("clients:\n  - name: Sam\n") ==
        "ERROR: r.yaml:1:1: error: a roster is a list of profiles: each client starts with '- ' "
        "at the start of a line\n");
  CHECK(yaml_rows("  - name: Sam\n") ==
        "ERROR: r.yaml:1:3: error: a roster is a list of profiles: each client starts with '- ' "
        "at the start of a line\n");
  CHECK(yaml_rows("- name: Sam\n...\n- name: Ann\n") ==
        "1 name=Sam\n"
        "ERROR: r.yaml:3:1: error: a client after the end of the document ('...'); a roster is "
        "one list\n");
  CHECK(yaml_rows("# nothing\n\n") == "");
}

TEST_CASE("roster formats come from the file name or the flag") {
  CHECK(roster_format_from_path("a/clients.CSV") == RosterFormat::csv);
  CHECK(roster_format_from_path("clients.yml") == RosterFormat::yaml);
  CHECK(roster_format_from_path("clients.yaml") == RosterFormat::yaml);
  CHECK_FALSE(roster_format_from_path("clients.txt").has_value());
  CHECK_FALSE(roster_format_from_path("v1.2/clients").has_value());
  CHECK(kRosterFormatNames.parse("yaml") == RosterFormat::yaml);
  CHECK_FALSE(kRosterFormatNames.parse("yml").has_value());
}

TEST_CASE("one_line writes control characters as escapes") {
  CHECK(one_line("a\nb\tc\rd\x01\x7f"
                 "é") == "a\\nb\\tc\\rd\\x01\\x7fé");
}

TEST_CASE("rosters carry condition details in the conditions cell, with the same messages") {
  CHECK(csv_rows("name,conditions\nSam,hip-replacement:approach=anterior:weeks=6;osteoporosis\n"
                 "Ann,knee-replacement:weeks=soon\n") ==
        "2 name=Sam conditions=hip-replacement:approach=anterior:weeks=6,osteoporosis\n"
        "3 ! r.csv:3: error: 'conditions': 'weeks' of 'knee-replacement' must be a whole number "
        "from 0 to 2600, not 'soon' (name: Ann)\n");
  CHECK(yaml_rows("- name: Bo\n  conditions: [pregnancy:trimester=3]\n") ==
        "1 name=Bo conditions=pregnancy:trimester=3\n");
}
