#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "load/library_loader.h"
#include "load/yaml_reader.h"
#include "load/yaml_tree.h"
#include "model/diagnostics.h"
#include "scratch_dir.h"

using namespace backplan;

namespace {

// A minimal valid library; the line numbers are the ones the messages below refer to.
std::string base_library() {
  return R"(settings:
  default_routine: daily
  default_minutes: 20
  default_equipment: [mat]
  assumed_equipment: [chair]
regions:
  - id: lower-back
    name: Lower back
equipment:
  - id: mat
    name: Mat
  - id: chair
    name: Chair
exercises:
  - id: cat-camel
    name: Cat-camel
    phase: mobility
    position: floor
    equipment: [mat]
    targets: [lower-back]
    dose:
      sets: 1
      max_sets: 2
      reps: [6, 6]
      rep_seconds: 5
    cues: [Move slowly]
    alternatives: [seated-cat-camel]
    source: test
  - id: seated-cat-camel
    name: Seated cat-camel
    phase: mobility
    position: seated
    equipment: [chair]
    dose:
      sets: 2
      hold_seconds: 10
      per_side: true
    cues: [Sit tall]
    source: test
routines:
  - id: daily
    name: Daily
    phases:
      - id: mobility
        title: Mobility
        slots:
          - exercise: cat-camel
emergency_signs:
  - text: Chest pain
    source: test
sources:
  - id: test
    title: A test source
    url: https://example.org/test
)";
}

// `text` with its one occurrence of `from` replaced by `to`.
std::string with(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, from);
  return text.replace(at, from.size(), to);
}

// Every diagnostic of loading `layers`, one per line; `count` gets how many there are.
std::string errors(const std::vector<std::vector<SourceFile>>& layers,
                   std::size_t* count = nullptr) {
  DiagnosticSink sink;
  load_library(layers, sink);
  if (count) *count = sink.items().size();
  std::string out;
  for (const auto& d : sink.items()) out += (out.empty() ? "" : "\n") + format_diagnostic(d);
  return out;
}

std::string errors(const std::string& library) {
  return errors({{{"lib.yaml", library}}});
}

// The diagnostics of the base library with its one `from` replaced by `to`.
std::string change(const std::string& from, const std::string& to) {
  return errors(with(base_library(), from, to));
}

// The base library plus a conditions file in the same layer.
std::string condition_errors(const std::string& conditions) {
  return errors({{{"lib.yaml", base_library()}, {"cond.yaml", conditions}}});
}

// One condition "sore-knees" (gate `gate`) with one rule whose lines are `rule` (at line 6).
std::string one_rule(const std::string& rule, const std::string& gate = "adapt") {
  return "conditions:\n  - id: sore-knees\n    name: Sore knees\n    gate: " + gate +
         "\n    rules:\n" + rule;
}

// Two pieces of equipment that both claim the synonym "seat".
std::string with_two_synonyms() {
  return change("    name: Mat\n  - id: chair\n    name: Chair\n",
                "    name: Mat\n    synonyms: [seat]\n  - id: chair\n    name: Chair\n"
                "    synonyms: [seat]\n");
}

using test::ScratchDir;

}  // namespace

TEST_CASE("the built-in library loads without diagnostics") {
  const auto files = builtin_library_files();
  REQUIRE_FALSE(files.empty());
  CHECK(files.front().path.rfind("<built-in>/", 0) == 0);
  CHECK(errors({files}) == "");
  const Library lib = load_library_or_throw({});
  CHECK(lib.find_routine("daily") != nullptr);
  CHECK(lib.find_exercise("cat-camel") != nullptr);
  CHECK(lib.find_condition("osteoporosis") != nullptr);
}

TEST_CASE("an unknown field suggests a close match or lists the valid fields") {
  CHECK(change("    source: test\n  - id: seated", "    sorce: test\n  - id: seated") ==
        "lib.yaml:28:5: error: unknown field 'sorce' in an exercise (did you mean 'source'?)\n"
        "lib.yaml:15:5: error: an exercise is missing 'source'");
  CHECK(change("routines:", "routine:") ==
        "lib.yaml:40:1: error: unknown field 'routine' in a routine library file (did you mean "
        "'routines'?)");
  CHECK(change("    name: Cat-camel\n", "    nmae: Cat-camel\n") ==
        "lib.yaml:16:5: error: unknown field 'nmae' in an exercise (did you mean 'name'?)\n"
        "lib.yaml:15:5: error: an exercise is missing 'name'");
  CHECK(change("default_routine: daily", "default_routine: dialy") ==
        "lib.yaml:2:20: error: unknown routine 'dialy' (did you mean 'daily'?)");
  CHECK(change("    name: Mat\n", "    name: Mat\n    colour: red\n") ==
        "lib.yaml:12:5: error: unknown field 'colour' in an equipment entry; valid: id, name, "
        "firmness, stand_ins, synonyms");
}

TEST_CASE("a missing or empty required field is reported") {
  CHECK(change("    cues: [Sit tall]\n", "") ==
        "lib.yaml:29:5: error: an exercise is missing 'cues'");
  CHECK(change("        title: Mobility\n", "") ==
        "lib.yaml:44:9: error: a routine phase is missing 'title'");
  CHECK(change("cues: [Sit tall]", "cues: []") == "lib.yaml:38:11: error: 'cues' is empty");
}

TEST_CASE("values of the wrong type or out of range are reported at the value") {
  CHECK(change("      sets: 1\n", "      sets: three\n") ==
        "lib.yaml:22:13: error: 'sets' must be a whole number from 1 to 10, not 'three'");
  CHECK(change("per_side: true", "per_side: yes") ==
        "lib.yaml:37:17: error: 'per_side' must be true or false");
  CHECK(change("      sets: 1\n", "      sets: \"1\"\n") ==
        "lib.yaml:22:13: error: 'sets' must be a whole number from 1 to 10, not text in quotes");
  CHECK(change("cues: [Sit tall]", "cues: Sit tall") ==
        "lib.yaml:38:11: error: 'cues' must be a list, not a single value");
  CHECK(change("phase: mobility\n    position: seated", "phase: strech\n    position: seated") ==
        "lib.yaml:31:12: error: 'phase': unknown value 'strech' (did you mean 'stretch'?)");
  CHECK(change("      sets: 1\n", "      sets: 0\n") ==
        "lib.yaml:22:13: error: 'sets' must be a whole number from 1 to 10, not '0'");
  CHECK(change("hold_seconds: 10", "hold_seconds: 9999") ==
        "lib.yaml:36:21: error: 'hold_seconds' must be a whole number from 1 to 600, not '9999'");
}

TEST_CASE(
    "a dose needs one of hold_seconds and rep_seconds, reps for each set and max_sets >= sets") {
  const std::string message =
      "lib.yaml:35:7: error: a dose needs exactly one of 'hold_seconds' and 'rep_seconds'";
  CHECK(change("      hold_seconds: 10\n", "") == message);
  CHECK(change("      hold_seconds: 10\n", "      hold_seconds: 10\n      rep_seconds: 3\n") ==
        message);
  CHECK(change("      hold_seconds: 10\n", "      rep_seconds: 3\n") ==
        "lib.yaml:35:7: error: 'rep_seconds' needs 'reps'");
  CHECK(change("reps: [6, 6]", "reps: [6]") ==
        "lib.yaml:24:13: error: 'reps' gives 1 set(s) but the dose allows up to 2; give one entry "
        "per set");
  CHECK(change("      sets: 2\n", "      sets: 3\n      max_sets: 2\n") ==
        "lib.yaml:36:17: error: 'max_sets' (2) is below 'sets' (3)");
}

TEST_CASE("ids must be kebab-case") {
  CHECK(change("  - id: mat\n", "  - id: Yoga_Mat\n") ==
        "lib.yaml:10:9: error: 'id' must be a kebab-case id (like 'cat-camel'), not 'Yoga_Mat'");
  for (const char* id : {"cat-camel", "age-55-plus", "a"}) CHECK_MESSAGE(is_kebab_id(id), id);
  for (const char* id : {"", "-cat", "cat-", "cat--camel", "Cat", "cat_camel", "cat camel"}) {
    CHECK_FALSE_MESSAGE(is_kebab_id(id), id);
  }
  CHECK(is_kebab_id(std::string(64, 'a')));
  CHECK_FALSE(is_kebab_id(std::string(65, 'a')));
}

TEST_CASE("unknown ids in references are reported with a suggestion") {
  CHECK(change("equipment: [mat]\n    targets", "equipment: [matt]\n    targets") ==
        "lib.yaml:19:17: error: unknown equipment 'matt' (did you mean 'mat'?)");
  CHECK(change("targets: [lower-back]", "targets: [lower-bakc]") ==
        "lib.yaml:20:15: error: unknown region 'lower-bakc' (did you mean 'lower-back'?)");
  CHECK(change("alternatives: [seated-cat-camel]", "alternatives: [seated-cat-camle]") ==
        "lib.yaml:27:20: error: unknown exercise 'seated-cat-camle' (did you mean "
        "'seated-cat-camel'?)");
  CHECK(change("- exercise: cat-camel", "- exercise: cat-camle") ==
        "lib.yaml:47:23: error: unknown exercise 'cat-camle' (did you mean 'cat-camel'?)");
  CHECK(change("default_equipment: [mat]", "default_equipment: [foam]") ==
        "lib.yaml:4:23: error: unknown equipment 'foam'; valid: mat, chair");
  CHECK(change("    name: Chair\n", "    name: Chair\n    stand_ins: [chair]\n") ==
        "lib.yaml:14:17: error: equipment 'chair' lists itself as a stand-in");
}

TEST_CASE("alternatives must be of the same phase and must not loop") {
  CHECK(change("phase: mobility\n    position: seated", "phase: stretch\n    position: seated") ==
        "lib.yaml:27:20: error: alternative 'seated-cat-camel' is a stretch exercise, but "
        "'cat-camel' is mobility");
  CHECK(change("    cues: [Sit tall]\n", "    cues: [Sit tall]\n    alternatives: [cat-camel]\n") ==
        "lib.yaml:39:20: error: alternatives loop: cat-camel -> seated-cat-camel -> cat-camel");
}

TEST_CASE("an id or the settings given twice in one layer name the first place") {
  const std::string copy = "  - id: mat\n    name: Another mat\n  - id: chair\n    name: Chair\n";
  CHECK(change("exercises:\n", copy + "exercises:\n") ==
        "lib.yaml:14:5: error: equipment 'mat' is defined twice (first at lib.yaml:10:5)\n"
        "lib.yaml:16:5: error: equipment 'chair' is defined twice (first at lib.yaml:12:5)");
  CHECK(errors({{{"lib.yaml", base_library()},
                 {"more.yaml", "regions:\n  - id: lower-back\n    name: Low back\n"}}}) ==
        "more.yaml:2:5: error: region 'lower-back' is defined twice (first at lib.yaml:7:5)");
  CHECK(
      errors({{{"lib.yaml", base_library()}, {"more.yaml", "settings: {default_minutes: 30}"}}}) ==
      "more.yaml:1:11: error: 'settings' is given twice (first at lib.yaml:2:3)");
}

TEST_CASE("a later layer changes the fields it gives of an exercise and adds new ones") {
  const std::string user = R"(exercises:
  - {id: cat-camel, name: "Cat-camel, gently", phase: mobility, position: floor,
     dose: {sets: 1, hold_seconds: 5}, cues: [Slowly], source: test}
  - {id: pelvic-tilt, name: Pelvic tilt, phase: mobility, position: bed,
     dose: {sets: 1, reps: [8], rep_seconds: 3}, cues: [Flatten the back], source: test}
settings: {default_minutes: 15}
)";
  DiagnosticSink sink;
  const Library lib = load_library({{{"base.yaml", base_library()}}, {{"user.yaml", user}}}, sink);
  CHECK(sink.empty());
  REQUIRE(lib.exercises.size() == 3);
  CHECK(lib.exercises[0].id == "cat-camel");
  CHECK(lib.exercises[0].name == "Cat-camel, gently");
  CHECK(lib.exercises[0].cues == std::vector<std::string>{"Slowly"});
  // A field the layer leaves out keeps the earlier value.
  CHECK(ref_ids(lib.exercises[0].alternatives) == std::vector<std::string>{"seated-cat-camel"});
  CHECK(to_string(lib.exercises[0].at) == "user.yaml:2:5");
  CHECK(lib.exercises[1].id == "seated-cat-camel");
  CHECK(lib.exercises[2].id == "pelvic-tilt");
  CHECK(lib.settings.default_minutes == 15);
  CHECK(lib.settings.default_routine.id == "daily");  // kept from the base layer
}

// Every field of an exercise, for comparing whole entries.
std::string describe(const Exercise& e) {
  std::vector<std::string> levels;
  for (const auto& [level, ref] : e.levels)
    levels.push_back(fmt::format("{}={}", to_string(level), ref.id));
  return fmt::format(
      "{} '{}' {} {} at {}; equipment {}; pressure {}; targets {}; tags {}; dose {}x{} reps {} "
      "hold {} rep {} side {} rest {}; cues {}; alternatives {}; levels {}; sources {}; synonyms "
      "{}",
      e.id, e.name, to_string(e.phase), to_string(e.position), to_string(e.at),
      fmt::join(ref_ids(e.equipment), ","), fmt::join(ref_ids(e.pressure_on), ","),
      fmt::join(ref_ids(e.targets), ","), fmt::join(e.tags, ","), e.dose.sets, e.dose.max_sets,
      fmt::join(e.dose.reps, ","), e.dose.hold_seconds.value_or(0), e.dose.rep_seconds.value_or(0),
      e.dose.per_side, e.dose.rest_seconds, fmt::join(e.cues, " / "),
      fmt::join(ref_ids(e.alternatives), ","), fmt::join(levels, ","),
      fmt::join(ref_ids(e.sources), ","), fmt::join(ref_ids(e.synonyms), ","));
}

TEST_CASE("a later layer may change one field of an exercise; a new exercise needs them all") {
  const std::string user = R"(exercises:
  - id: cat-camel
    cues: ["Move slowly, as far as is comfortable", "Breathe out as you round"]
  - id: seated-cat-camel
    alternatives: []
  - id: pelvic-tilt
    phase: mobility
)";
  DiagnosticSink sink;
  const Library lib = load_library({{{"base.yaml", base_library()}}, {{"user.yaml", user}}}, sink);
  std::string messages;
  for (const auto& d : sink.items()) messages += format_diagnostic(d) + "\n";
  CHECK(messages ==
        "user.yaml:6:5: error: an exercise is missing 'name'\n"
        "user.yaml:6:5: error: an exercise is missing 'position'\n"
        "user.yaml:6:5: error: an exercise is missing 'dose'\n"
        "user.yaml:6:5: error: an exercise is missing 'cues'\n"
        "user.yaml:6:5: error: an exercise is missing 'source'\n");

  DiagnosticSink ok;
  const Library changed =
      load_library({{{"base.yaml", base_library()}},
                    {{"user.yaml", user.substr(0, user.find("  - id: pelvic"))}}},
                   ok);
  REQUIRE(ok.empty());
  const Library base = load_library({{{"base.yaml", base_library()}}}, ok);
  REQUIRE(changed.exercises.size() == base.exercises.size());
  Exercise expected = base.exercises[0];
  expected.cues = {"Move slowly, as far as is comfortable", "Breathe out as you round"};
  expected.at = {"user.yaml", 2, 5};
  CHECK(describe(changed.exercises[0]) == describe(expected));
  CHECK(changed.exercises[1].alternatives.empty());
  CHECK(changed.exercises[1].name == base.exercises[1].name);
}

TEST_CASE("handout_cues name cues the exercise has, each once, checked on the merged entry") {
  const std::string user = R"(exercises:
  - {id: cat-camel, handout_cues: [1, 3]}
  - {id: seated-cat-camel, handout_cues: [1, 1]}
)";
  DiagnosticSink sink;
  load_library({{{"base.yaml", base_library()}}, {{"user.yaml", user}}}, sink);
  std::string messages;
  for (const auto& d : sink.items()) messages += format_diagnostic(d) + "\n";
  CHECK(messages ==
        "user.yaml:2:5: error: exercise 'cat-camel': 'handout_cues' names cue 3, but it has 1 cue\n"
        "user.yaml:3:5: error: exercise 'seated-cat-camel': 'handout_cues' names cue 1 twice\n");
}

TEST_CASE("a rule needs exactly one effect, a why (except cue rules) and a source") {
  CHECK(
      condition_errors(one_rule("      - exclude_positions: [floor]\n        exclude_tags: [knee]\n"
                                "        why: it hurts\n        source: test\n")) ==
      "cond.yaml:6:9: error: a rule has one effect, this one has 2: exclude_positions, "
      "exclude_tags");
  CHECK(condition_errors(one_rule("      - why: it hurts\n        source: test\n")) ==
        "cond.yaml:6:9: error: a rule needs one effect: exclude_positions, exclude_tags, "
        "exclude_exercises, no_pressure_on, exclude_equipment, max_firmness, hold_back_phases, "
        "max_minutes, max_level, progression, dose or cue");
  CHECK(condition_errors(one_rule("      - exclude_positions: [floor]\n        source: test\n")) ==
        "cond.yaml:6:9: error: a rule is missing 'why'");
  CHECK(condition_errors(one_rule("      - exclude_positions: [floor]\n        why: it hurts\n")) ==
        "cond.yaml:6:9: error: a rule is missing 'source'");
  CHECK(condition_errors(one_rule("      - cue: Go gently\n        source: test\n")) == "");
}

TEST_CASE("a scope on a rule that is not a dose or cue rule is rejected") {
  CHECK(condition_errors(one_rule("      - exclude_positions: [floor]\n        phases: [core]\n"
                                  "        why: it hurts\n        source: test\n")) ==
        "cond.yaml:7:17: error: 'phases' (a scope) goes with 'dose' and 'cue' rules only");
  CHECK(condition_errors(one_rule("      - dose: {max_sets: 1}\n        phases: [core]\n"
                                  "        why: it tires\n        source: test\n")) == "");
}

TEST_CASE("holding phases back until cleared needs a clearance gate") {
  const std::string rule =
      "      - hold_back_phases: [release]\n        lifted_by: cleared\n"
      "        why: wait\n        source: test\n";
  CHECK(condition_errors(one_rule(rule, "notice")) ==
        "cond.yaml:6:9: error: condition 'sore-knees' holds work back until --cleared, so its gate "
        "must be 'clearance', not 'notice'");
  CHECK(condition_errors(one_rule(rule, "clearance")) == "");
  CHECK(condition_errors(one_rule(with(rule, "cleared", "avoid"), "notice")) == "");
}

TEST_CASE("the kind of day and the level cap are read with their valid values") {
  const std::string head = "conditions:\n  - id: sore-day\n    name: Sore day\n    gate: ";
  CHECK(condition_errors(head + "notice\n    when: {today: flare}\n") == "");
  CHECK(condition_errors(head + "notice\n    when: {today: flare, with_any: [sore-day]}\n") ==
        "cond.yaml:5:37: error: condition 'sore-day' cannot depend on itself ('with_any' names "
        "it)");
  CHECK(condition_errors(head + "notice\n    when: {today: flair}\n") ==
        "cond.yaml:5:19: error: 'today': unknown value 'flair'; valid: flare, morning");
  CHECK(condition_errors(one_rule("      - max_level: beginner\n        why: easy does it\n"
                                  "        source: test\n")) == "");
  CHECK(condition_errors(one_rule("      - max_level: expert\n        why: easy does it\n"
                                  "        source: test\n")) ==
        "cond.yaml:6:20: error: 'max_level': unknown value 'expert'; valid: beginner, standard, "
        "advanced");
}

TEST_CASE("settings: the beginner age with its sources") {
  CHECK(change("  default_minutes: 20\n",
               "  default_minutes: 20\n  beginner_from_age: {age: 55, source: [nothing]}\n") ==
        "lib.yaml:4:41: error: unknown source 'nothing'; define it under 'sources' (with a "
        "title, and a url or doi), or see 'backplan list sources'");
  CHECK(change("  default_minutes: 20\n",
               "  default_minutes: 20\n  beginner_from_age: {age: 55, source: [test]}\n") == "");
  CHECK(change("  default_minutes: 20\n", "  default_minutes: 20\n  beginner_from_age: 55\n") ==
        "lib.yaml:4:22: error: 'beginner_from_age' must be a mapping of fields, not a single "
        "value");
}

TEST_CASE("'when' takes exactly one key, and a red flag cannot be automatic") {
  const std::string head = "conditions:\n  - id: old-back\n    name: Old back\n    gate: ";
  CHECK(condition_errors(head + "notice\n    when: {always: true, floor: false}\n") ==
        "cond.yaml:5:11: error: 'when' takes exactly one of: always, age_at_least (and/or "
        "age_below), floor, avoid_with, with_all, with_any, without, details, today (and/or "
        "with_any)");
  CHECK(condition_errors(head + "notice\n    when: {age_at_least: 60}\n") == "");
  // An age band: both keys together, the upper bound above the lower.
  CHECK(condition_errors(head + "notice\n    when: {age_at_least: 18, age_below: 20}\n") == "");
  CHECK(condition_errors(head + "notice\n    when: {age_below: 18}\n") == "");
  CHECK(condition_errors(head + "notice\n    when: {age_at_least: 20, age_below: 20}\n") ==
        "cond.yaml:5:41: error: 'age_below' must be more than 'age_at_least' (20)");
  CHECK(condition_errors(head + "notice\n    when: {age_below: 18, floor: false}\n") ==
        "cond.yaml:5:11: error: 'when' takes exactly one of: always, age_at_least (and/or "
        "age_below), floor, avoid_with, with_all, with_any, without, details, today (and/or "
        "with_any)");
  CHECK(condition_errors(
            head + "stop\n    notice: Get help\n    source: test\n    when: {always: true}\n") ==
        "cond.yaml:2:5: error: red flag 'old-back' cannot be automatic ('when')");
}

TEST_CASE("a bad 'always' value is reported once") {
  CHECK(condition_errors("conditions:\n  - id: old-back\n    name: Old back\n    gate: notice\n"
                         "    when: {always: yes}\n") ==
        "cond.yaml:5:20: error: 'always' must be true or false");
}

TEST_CASE("routine phases come once each, in order, and hold exercises of their phase") {
  CHECK(change("    phases:\n",
               "    phases:\n      - id: mobility\n        title: A\n        slots: []\n") ==
        "lib.yaml:47:9: error: routine 'daily' has phase 'mobility' twice");
  CHECK(change("    phases:\n",
               "    phases:\n      - id: stretch\n        title: S\n        slots: []\n") ==
        "lib.yaml:47:9: error: routine 'daily': phase 'mobility' is out of order; phases go "
        "release, mobility, core, stretch");
  CHECK(change("      - id: mobility\n", "      - id: core\n") ==
        "lib.yaml:47:23: error: 'cat-camel' is a mobility exercise, not core");
}

TEST_CASE("a library with no settings is reported against the first file") {
  std::string text = base_library();
  text.erase(0, text.find("regions:"));
  CHECK(errors(text) ==
        "lib.yaml: error: the library has no 'settings' (default_routine, default_minutes, "
        "default_equipment, assumed_equipment)");
}

TEST_CASE("settings without a default routine name the missing field") {
  CHECK(change("  default_routine: daily\n", "") ==
        "lib.yaml:2:3: error: settings is missing 'default_routine'");
}

TEST_CASE("every problem in a file is reported, not only the first") {
  std::string text = with(base_library(), "      sets: 1\n", "      sets: three\n");
  text = with(text, "per_side: true", "per_side: yes");
  text = with(text, "    source: test\n  - id: seated", "    sorce: test\n  - id: seated");
  text = with(text, "        title: Mobility\n", "");
  std::size_t count = 0;
  CHECK(errors({{{"lib.yaml", text}}}, &count) ==
        "lib.yaml:28:5: error: unknown field 'sorce' in an exercise (did you mean 'source'?)\n"
        "lib.yaml:22:13: error: 'sets' must be a whole number from 1 to 10, not 'three'\n"
        "lib.yaml:15:5: error: an exercise is missing 'source'\n"
        "lib.yaml:37:17: error: 'per_side' must be true or false\n"
        "lib.yaml:44:9: error: a routine phase is missing 'title'");
  CHECK(count == 5);
}

TEST_CASE("a YAML error or an empty file is reported and the other files are still read") {
  CHECK(errors({{{"bad.yaml", "regions: [\n"},
                 {"lib.yaml", with(base_library(), "sets: 1", "sets: 11")},
                 {"empty.yaml", ""}}}) ==
        "bad.yaml:2:1: error: YAML syntax: end of sequence flow not found\n"
        "lib.yaml:22:13: error: 'sets' must be a whole number from 1 to 10, not '11'\n"
        "empty.yaml:1:1: error: the file is empty; a routine library file holds a mapping such as "
        "'exercises:'");
}

TEST_CASE("read_library_path reads a directory's .yaml files in name order, or refuses it") {
  ScratchDir dir;
  dir.write("b.yaml", "b: 1\n");
  dir.write("a.yaml", "a: 1\n");
  dir.write("notes.txt", "not yaml\n");
  dir.write(".hidden.yaml", "h: 1\n");
  const auto files = read_library_path(dir.path());
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == dir.path() + "/a.yaml");
  CHECK(files[0].text == "a: 1\n");
  CHECK(files[1].path == dir.path() + "/b.yaml");
  CHECK(read_library_path(dir.path() + "/b.yaml").at(0).text == "b: 1\n");
  ScratchDir empty;
  CHECK_THROWS_WITH_AS(
      read_library_path(empty.path() + "/missing"),
      (empty.path() + "/missing: error: cannot read: No such file or directory").c_str(), Error);
  CHECK_THROWS_WITH_AS(read_library_path(empty.path()),
                       (empty.path() + ": error: no .yaml files in this directory").c_str(), Error);
}

TEST_CASE("load_library_or_throw puts a user directory over the built-in library") {
  ScratchDir dir;
  dir.write("mine.yaml", "settings:\n  default_minutes: 45\n");
  CHECK(load_library_or_throw({dir.path()}).settings.default_minutes == 45);
  dir.write("mine.yaml", "settings:\n  default_minutes: 4\n");
  const std::string message =
      dir.path() +
      "/mine.yaml:2:20: error: 'default_minutes' must be a whole number from 5 to 180, "
      "not '4'";
  CHECK_THROWS_WITH_AS(load_library_or_throw({dir.path()}), message.c_str(), Error);
}

TEST_CASE("YamlReader reads typed values and reports the rest at the node") {
  const auto root = parse_yaml("n: 7\nq: \"7\"\nb: yes\nl: one\nc: soft\nt: \"\"\n", "r.yaml");
  DiagnosticSink sink;
  YamlReader r("r.yaml", sink);
  Fields f(r, *root, "a test", {"n", "q", "b", "l", "c", "t"});
  CHECK(r.integer(*f.get("n"), "n", 1, 10) == 7);
  CHECK_FALSE(r.integer(*f.get("q"), "q", 1, 10).has_value());
  CHECK_FALSE(r.boolean(*f.get("b"), "b").has_value());
  CHECK(r.list(*f.get("l"), "l", true).size() == 1);
  CHECK(r.list(*f.get("l"), "l").empty());
  CHECK(r.choice(*f.get("c"), "c", {"soft", "firm"}) == std::size_t{0});
  CHECK_FALSE(r.text(*f.get("t"), "t").has_value());
  CHECK(f.present({"n", "x", "b"}) == std::vector<std::string>{"n", "b"});
  CHECK(f.required("x") == nullptr);
  std::string out;
  for (const auto& d : sink.items()) out += format_diagnostic(d) + "\n";
  CHECK(out ==
        "r.yaml:2:4: error: 'q' must be a whole number from 1 to 10, not text in quotes\n"
        "r.yaml:3:4: error: 'b' must be true or false\n"
        "r.yaml:4:4: error: 'l' must be a list, not a single value\n"
        "r.yaml:6:4: error: 't' must not be empty\n"
        "r.yaml:1:1: error: a test is missing 'x'\n");
}

TEST_CASE("every source: names a source of the library, from any layer") {
  CHECK(change("    source: test\n  - id: seated", "    source: tset\n  - id: seated") ==
        "lib.yaml:28:13: error: unknown source 'tset' (did you mean 'test'?)");
  CHECK(change("    source: test\n  - id: seated", "    source: clinic-notes\n  - id: seated") ==
        "lib.yaml:28:13: error: unknown source 'clinic-notes'; define it under 'sources' (with a "
        "title, and a url or doi), or see 'backplan list sources'");
  CHECK(change("    source: test\n  - id: seated", "    source: []\n  - id: seated") ==
        "lib.yaml:28:13: error: 'source' needs at least one source id (see 'sources')");
  CHECK(change("    source: test\n  - id: seated", "    source: my physio\n  - id: seated") ==
        "lib.yaml:28:13: error: 'source' must be a kebab-case id (like 'cat-camel'), not 'my "
        "physio'");
  // A user's layer may cite a source of the layer below, and add its own.
  const std::string user = R"(exercises:
  - {id: pelvic-tilt, name: Pelvic tilt, phase: mobility, position: bed,
     dose: {sets: 1, reps: [8], rep_seconds: 3}, cues: [Flatten the back],
     source: [test, my-physio]}
sources:
  - {id: my-physio, title: "Notes from my physiotherapist", year: 2026}
)";
  DiagnosticSink sink;
  const Library lib = load_library({{{"base.yaml", base_library()}}, {{"user.yaml", user}}}, sink);
  CHECK(sink.empty());
  REQUIRE(lib.find_exercise("pelvic-tilt") != nullptr);
  CHECK(lib.find_exercise("pelvic-tilt")->sources.size() == 2);
  REQUIRE(lib.find_source("my-physio") != nullptr);
  CHECK(citation(*lib.find_source("my-physio")) == "Notes from my physiotherapist. 2026.");
}

TEST_CASE("a source needs an id and a title; its url is a web address") {
  const std::string head = base_library();  // it ends in its list of sources
  CHECK(errors(head + "  - {id: paper}\n") == "lib.yaml:55:5: error: a source is missing 'title'");
  CHECK(errors(head + "  - {id: paper, title: P, url: example.org}\n") ==
        "lib.yaml:55:32: error: 'url' must start with https:// or http://");
  CHECK(errors(head + "  - {id: paper, title: P, year: 20}\n") ==
        "lib.yaml:55:33: error: 'year' must be a whole number from 1800 to 2100, not '20'");
}

TEST_CASE("a citation reads authors, title, publisher, year, doi and address in that order") {
  Source s;
  s.title = "Back Mechanic";
  CHECK(citation(s) == "Back Mechanic.");
  s.authors = "S. McGill";
  s.publisher = "Backfitpro";
  s.year = 2015;
  s.url = "https://example.org/book";
  CHECK(citation(s) == "S. McGill. Back Mechanic. Backfitpro, 2015. https://example.org/book");
  s.doi = "10.1000/xyz";
  s.publisher = "S. McGill";  // the same as the authors: said once
  CHECK(citation(s) == "S. McGill. Back Mechanic. 2015. doi:10.1000/xyz https://example.org/book");
  s.title = "Do You Stand?";
  s.authors.clear();
  CHECK(citation(s) == "Do You Stand? S. McGill, 2015. doi:10.1000/xyz https://example.org/book");
}

TEST_CASE("every built-in source can be looked up: a title, a publisher and a web address") {
  DiagnosticSink sink;
  const Library lib = load_library({builtin_library_files()}, sink);
  REQUIRE(sink.empty());
  REQUIRE_FALSE(lib.sources.empty());
  for (const auto& s : lib.sources) {
    INFO(s.id);
    CHECK_FALSE(s.title.empty());
    CHECK_FALSE(s.publisher.empty());
    CHECK((!s.url.empty() || !s.doi.empty()));
  }
}

TEST_CASE("'avoid_with' names regions and conditions the library has, that a person lists") {
  const std::string head =
      "conditions:\n  - id: sore-calf\n    name: Sore calf\n    gate: notice\n"
      "    notice: Careful\n    source: test\n    when: {avoid_with: ";
  CHECK(condition_errors(head + "{regions: [lower-back], conditions: [sore-knee]}}\n"
                                "  - {id: sore-knee, name: Sore knee, gate: adapt}\n") == "");
  CHECK(condition_errors(head + "{regions: [calvs], conditions: [sore-knee]}}\n"
                                "  - {id: sore-knee, name: Sore knee, gate: adapt}\n") ==
        "cond.yaml:7:35: error: unknown region 'calvs'; valid: lower-back");
  CHECK(condition_errors(head + "{regions: [lower-back], conditions: [sore-calf]}}\n") ==
        "cond.yaml:7:61: error: condition 'sore-calf' cannot depend on itself ('avoid_with' names "
        "it)");
  CHECK(condition_errors(head + "{regions: [], conditions: [sore-calf]}}\n") ==
        "cond.yaml:7:24: error: 'avoid_with' needs at least one region and one condition");
}

TEST_CASE("'with_all', 'with_any' and 'without' read a list of conditions a person lists") {
  const std::string listed =
      "  - {id: pregnancy, name: Pregnancy, gate: adapt}\n"
      "  - {id: high-bp, name: High blood pressure, gate: adapt}\n";
  for (const auto& [key, kind, text] :
       std::vector<std::tuple<std::string, When::Kind, std::string>>{
           {"with_all", When::Kind::with_all, "with pregnancy and high-bp"},
           {"with_any", When::Kind::with_any, "with pregnancy or high-bp"},
           {"without", When::Kind::without, "unless pregnancy or high-bp is listed"}}) {
    const std::string field = key;  // INFO captures it (C++17 lambdas cannot capture a binding)
    INFO(field);
    DiagnosticSink sink;
    const Library lib = load_library(
        {{{"lib.yaml", base_library()},
          {"cond.yaml", "conditions:\n" + listed + "  - id: both\n    name: Both\n" +
                            "    gate: adapt\n    when: {" + key + ": [pregnancy, high-bp]}\n"}}},
        sink);
    REQUIRE(sink.items().empty());
    const Condition* c = lib.find_condition("both");
    REQUIRE(c != nullptr);
    REQUIRE(c->when.has_value());
    CHECK(c->when->kind == kind);
    REQUIRE(c->when->conditions.size() == 2);
    CHECK(c->when->conditions[0].id == "pregnancy");
    CHECK(c->when->conditions[1].id == "high-bp");
    CHECK(to_string(c->when->conditions[1].at) == "cond.yaml:7:" + std::to_string(26 + key.size()));
    CHECK(to_string(*c->when) == text);
  }
  When one{When::Kind::without, 0, {}, {{"pregnancy", {}}}, 0, {}};
  CHECK(to_string(one) == "unless pregnancy is listed");
}

TEST_CASE(
    "the conditions 'with_all', 'with_any' and 'without' name are known, listed, not itself") {
  const std::string head =
      "conditions:\n  - {id: pregnancy, name: Pregnancy, gate: adapt}\n"
      "  - id: both\n    name: Both\n    gate: adapt\n    when: ";
  CHECK(condition_errors(head + "{with_all: [pregnancy]}\n") == "");
  CHECK(condition_errors(head + "{with_all: [pregnacy]}\n") ==
        "cond.yaml:6:23: error: unknown condition 'pregnacy' (did you mean 'pregnancy'?)");
  CHECK(condition_errors(head + "{with_any: [pregnancy, both]}\n") ==
        "cond.yaml:6:34: error: condition 'both' cannot depend on itself ('with_any' names it)");
  CHECK(condition_errors(head +
                         "{without: [pregnancy, later]}\n"
                         "  - {id: later, name: Later, gate: adapt, when: {always: true}}\n") ==
        "cond.yaml:6:33: error: 'later' applies by itself; 'without' names conditions a person "
        "lists");
  CHECK(condition_errors(head + "{with_all: []}\n") ==
        "cond.yaml:6:22: error: 'with_all' needs at least one condition");
  CHECK(condition_errors(head + "{without: pregnancy}\n") ==
        "cond.yaml:6:21: error: 'without' must be a list, not a single value");
}

TEST_CASE("'getting_up' scopes cue rules only, to 'from' or 'to'") {
  CHECK(condition_errors(one_rule("      - cue: Get up slowly\n        getting_up: from\n"
                                  "        source: test\n")) == "");
  CHECK(condition_errors(one_rule("      - cue: Get up slowly\n        getting_up: up\n"
                                  "        source: test\n"))
            .rfind("cond.yaml:7:21: error: ", 0) == 0);
  CHECK(condition_errors(one_rule("      - dose: {max_sets: 1}\n        getting_up: to\n"
                                  "        why: tiring\n        source: test\n")) ==
        "cond.yaml:7:21: error: 'getting_up' (a scope) goes with 'cue' rules only");
  CHECK(condition_errors(one_rule("      - cue: Breathe slowly\n        first_in_phase: true\n"
                                  "        source: test\n")) == "");
  CHECK(condition_errors(one_rule("      - dose: {max_sets: 1}\n        first_in_phase: true\n"
                                  "        why: tiring\n        source: test\n")) ==
        "cond.yaml:7:25: error: 'first_in_phase' (a scope) goes with 'cue' rules only");
}

TEST_CASE("a cue rule's 'breath' is three numbers of seconds, and only on cue rules") {
  CHECK(condition_errors(one_rule("      - cue: Breathe slowly\n        breath: [4, 0, 6]\n"
                                  "        source: test\n")) == "");
  CHECK(condition_errors(one_rule("      - cue: Breathe slowly\n        breath: [4, 6]\n"
                                  "        source: test\n")) ==
        "cond.yaml:7:17: error: 'breath' is three numbers of seconds: in, pause (0: none), out");
  CHECK(condition_errors(one_rule("      - dose: {max_sets: 1}\n        breath: [4, 2, 6]\n"
                                  "        why: tiring\n        source: test\n")) ==
        "cond.yaml:7:17: error: 'breath' goes with 'cue' rules only");
}

TEST_CASE("'notice_with' replaces a notice and names tools the library has") {
  const std::string head =
      "conditions:\n  - id: sore\n    name: Sore\n    gate: notice\n    source: test\n";
  CHECK(condition_errors(head +
                         "    notice: Add a mat\n"
                         "    notice_with: [{equipment: [mat], notice: Using your mat}]\n") == "");
  CHECK(condition_errors(head + "    notice: Add a mat\n"
                                "    notice_with: [{equipment: [matt], notice: Using it}]\n") ==
        "cond.yaml:7:32: error: unknown equipment 'matt' (did you mean 'mat'?)");
  CHECK(condition_errors(head + "    notice_with: [{equipment: [mat], notice: Using it}]\n") ==
        "cond.yaml:6:18: error: 'notice_with' replaces a 'notice'; give one first");
  CHECK(condition_errors(head + "    notice: Add a mat\n"
                                "    notice_with: [{equipment: [], notice: Using it}]\n") ==
        "cond.yaml:7:19: error: a notice_with entry needs at least one tool");
}

TEST_CASE("a notice_lifted needs work held back to lift") {
  CHECK(condition_errors("conditions:\n  - id: sore\n    name: Sore\n    gate: notice\n"
                         "    notice: Careful\n    notice_lifted: Better\n    source: test\n") ==
        "cond.yaml:2:5: error: condition 'sore' has a 'notice_lifted' but holds no work back "
        "(hold_back_phases)");
}

TEST_CASE("condition details and the 'details' test are checked against what the condition asks") {
  const std::string hip =
      "conditions:\n  - id: hip\n    name: Hip\n    gate: notice\n    notice: Check.\n"
      "    source: test\n    details:\n      - id: approach\n        name: surgical approach\n"
      "        choices: [posterior, anterior, unknown]\n        default: unknown\n"
      "      - id: weeks\n        name: weeks since surgery\n        number: {min: 0, max: 520}\n";
  const std::string early =
      "  - id: early\n    name: Early\n    gate: notice\n"
      "    notice: Careful.\n    source: test\n    when: {details: ";
  CHECK(condition_errors(hip) == "");
  CHECK(condition_errors(hip + early +
                         "{condition: hip, approach: [posterior], weeks: {below: "
                         "12}}}\n") == "");
  CHECK(condition_errors(hip + early + "{condition: hip, aproach: [posterior]}}\n") ==
        "cond.yaml:20:38: error: unknown hip detail 'aproach' (did you mean 'approach'?)");
  CHECK(condition_errors(hip + early + "{condition: hip, approach: [back]}}\n") ==
        "cond.yaml:20:38: error: unknown hip approach 'back'; valid: posterior, anterior, "
        "unknown");
  CHECK(condition_errors(hip + early + "{condition: hip, weeks: [posterior]}}\n") ==
        "cond.yaml:20:38: error: 'weeks' is a number: test it with below or at_least");
  CHECK(condition_errors(hip + early + "{approach: [posterior]}}\n") ==
        "cond.yaml:20:21: error: 'details' needs 'condition': the condition whose details it "
        "tests");
  std::string lateral = hip;
  lateral.replace(lateral.find("default: unknown"), 16, "default: lateral");
  CHECK(condition_errors(lateral) ==
        "cond.yaml:11:18: error: 'default' must be one of the choices: posterior, anterior, "
        "unknown");
  CHECK(condition_errors(hip + "        default: 4\n") ==
        "cond.yaml:15:18: error: a number detail has no default: when it is not given it is "
        "unknown");
}

TEST_CASE("levels name exercises of the same phase, one step deep, never the exercise itself") {
  const std::string ladder = "    alternatives: [seated-cat-camel]\n    levels: {beginner: ";
  CHECK(change("    alternatives: [seated-cat-camel]\n", ladder + "seated-cat-camel}\n") == "");
  CHECK(change("    alternatives: [seated-cat-camel]\n", ladder + "seated-cat-camels}\n") ==
        "lib.yaml:28:24: error: unknown exercise 'seated-cat-camels' (did you mean "
        "'seated-cat-camel'?)");
  CHECK(change("    alternatives: [seated-cat-camel]\n", ladder + "cat-camel}\n") ==
        "lib.yaml:28:24: error: 'cat-camel' is the exercise itself; leave the level out");
  CHECK(change("    alternatives: [seated-cat-camel]\n",
               "    alternatives: [seated-cat-camel]\n    levels: {expert: seated-cat-camel}\n") ==
        "lib.yaml:28:14: error: 'levels': unknown value 'expert'; valid: beginner, standard, "
        "advanced");
}

TEST_CASE("a notice that would name a flag on a handout needs handout_wording") {
  const std::string sore =
      "conditions:\n  - id: sore\n    name: Sore\n    gate: notice\n    source: test\n"
      "    notice: Name it with --avoid.\n";
  CHECK(condition_errors(sore) ==
        "cond.yaml:2:5: error: the notice of condition 'sore' names '--avoid', which a client's "
        "handout cannot print: add a 'handout_wording' entry to 'settings' for its phrase");
  const std::string worded =
      with(base_library(), "  assumed_equipment: [chair]\n",
           "  assumed_equipment: [chair]\n  handout_wording:\n"
           "    - {terminal: \"with --avoid\", handout: \"to your clinician\"}\n");
  CHECK(errors({{{"lib.yaml", worded}, {"cond.yaml", sore}}}) == "");
  CHECK(condition_errors("conditions:\n  - id: sore\n    name: Sore\n    gate: adapt\n"
                         "    source: test\n    rules:\n      - cue: \"Run with --morning.\"\n"
                         "        source: test\n") ==
        "cond.yaml:7:9: error: a cue of condition 'sore' names '--morning'; handouts print it as "
        "it is, so say it without the flag");
}

TEST_CASE("handout_text replaces each phrase; flag_in finds a flag, not a dash") {
  const std::vector<HandoutWording> wording = {
      {"again with --cleared", "after your clinician agrees"}};
  CHECK(handout_text(wording, "Run it again with --cleared. Run it again with --cleared.") ==
        "Run it after your clinician agrees. Run it after your clinician agrees.");
  CHECK(flag_in("Pain 4--5 is fine -- mostly") == "");
  CHECK(flag_in("Add it (--equipment bed).") == "--equipment");
}

TEST_CASE("synonyms: read with the entry, and never an id or another entry's synonym") {
  {
    DiagnosticSink sink;
    const Library lib = load_library(
        {{{"lib.yaml",
           with(with(base_library(), "    name: Lower back\n",
                     "    name: Lower back\n    synonyms: [low-back, lumbar-muscles]\n"),
                "    name: Mat\n", "    name: Mat\n    synonyms: [yoga-mat]\n")}}},
        sink);
    CHECK(sink.empty());
    REQUIRE(lib.find_region("lower-back") != nullptr);
    REQUIRE(lib.find_region("lower-back")->synonyms.size() == 2);
    CHECK(lib.find_region("lower-back")->synonyms[1].id == "lumbar-muscles");
    CHECK(lib.find_equipment("mat")->synonyms.front().id == "yoga-mat");
  }
  CHECK(change("    name: Mat\n", "    name: Mat\n    synonyms: [chair]\n") ==
        "lib.yaml:12:16: error: synonym 'chair' of equipment 'mat' is the id of equipment 'chair'");
  CHECK(change("    name: Mat\n", "    name: Mat\n    synonyms: [cat-camel]\n") ==
        "lib.yaml:12:16: error: synonym 'cat-camel' of equipment 'mat' is the id of exercise "
        "'cat-camel'");
  CHECK(change("    name: Mat\n", "    name: Mat\n    synonyms: [pad, pad]\n") ==
        "lib.yaml:12:21: error: synonym 'pad' of equipment 'mat' is given twice");
  CHECK(with_two_synonyms() ==
        "lib.yaml:15:16: error: synonym 'seat' of equipment 'chair' is already a synonym of "
        "equipment 'mat'");
  CHECK(change("    name: Mat\n", "    name: Mat\n    synonyms: [Yoga Mat]\n") ==
        "lib.yaml:12:16: error: 'synonyms' must be a kebab-case id (like 'cat-camel'), "
        "not 'Yoga Mat'");
}

TEST_CASE("an exercise's dose steps: each asks more, never less, and holds stay within the cap") {
  auto staged = [](const std::string& progression) {
    return change("    cues: [Sit tall]\n",
                  "    progression: " + progression + "\n    cues: [Sit tall]\n");
  };
  CHECK(staged("{max_hold_seconds: 10, stages: [{hold_seconds: 10}]}") ==
        "lib.yaml:38:50: error: stage 1 asks no more than the step before it");
  CHECK(staged("{stages: [{hold_seconds: 20}, {hold_seconds: 15}]}") ==
        "lib.yaml:38:63: error: stage 2 goes down: holds of 15 s, the step before 20 s");
  CHECK(staged("{max_hold_seconds: 10, stages: [{hold_seconds: 12}]}") ==
        "lib.yaml:38:65: error: stage 1 holds 12 s, longer than 'max_hold_seconds' (10 s)");
  CHECK(
      staged("{max_hold_seconds: 8, stages: [{hold_seconds: 8}]}") ==
      "lib.yaml:38:37: error: the exercise's own holds (10 s) are already longer than "
      "'max_hold_seconds' (8 s)\nlib.yaml:38:64: error: stage 1 goes down: holds of 8 s, the step "
      "before 10 s");
  CHECK(staged("{stages: [{reps: [3, 3]}]}") ==
        "lib.yaml:38:35: error: 'reps' in a stage needs reps in the exercise's dose");
  CHECK(staged("{stages: [{}]}") ==
        "lib.yaml:38:28: error: a stage needs 'reps' or 'hold_seconds'");
  CHECK(staged("{stages: [{hold_seconds: 20}, {hold_seconds: 30}]}") == "");
  auto reps = [](const std::string& progression) {
    return change("    cues: [Move slowly]\n",
                  "    progression: " + progression + "\n    cues: [Move slowly]\n");
  };
  CHECK(reps("{stages: [{reps: [7, 5]}]}") ==
        "lib.yaml:26:35: error: stage 1 goes down: set 2 has 5 reps, the step before 6");
  CHECK(reps("{stages: [{reps: [7]}]}") ==
        "lib.yaml:26:35: error: a stage gives 1 set(s) of reps; the dose has 2");
  CHECK(reps("{stages: [{reps: [7, 7]}, {reps: [8, 8]}]}") == "");
  // A level that names an exercise the library does not have.
  CHECK(change("    alternatives: [seated-cat-camel]\n",
               "    alternatives: [seated-cat-camel]\n    levels: {advanced: cat-camel-pro}\n") ==
        "lib.yaml:28:24: error: unknown exercise 'cat-camel-pro'; valid: cat-camel, "
        "seated-cat-camel");
}

TEST_CASE("the progression policy: its numbers, its wording's placeholders, its sources") {
  std::string policy =
      "progression:\n  sessions: 3\n  max_pain_during: 5\n  back_pain_during: 6\n"
      "  back_morning_worse: 2\n  flare_after: 2\n  break_days: 14\n"
      "  adherence_days: 7\n  source: [test]\n  wording:\n";
  for (const auto& w : kProgressionWording)
    policy += "    " + std::string(w.key) + ": \"" + std::string(w.key) + "\"\n";
  auto policy_errors = [](const std::string& text) {
    return errors({{{"lib.yaml", base_library()}, {"progression.yaml", text}}});
  };
  CHECK(policy_errors(policy) == "");
  CHECK(policy_errors(with(policy, "    up: \"up\"", "    up: \"in {sessions} of {days}\"")) ==
        "progression.yaml:11:9: error: 'up' may use {sessions}, {max_pain_during} only");
  CHECK(policy_errors(with(policy, "    top: \"top\"", "    top: \"{x}\"")) ==
        "progression.yaml:13:10: error: 'top' takes no {placeholders}");
  CHECK(policy_errors(with(policy, "  back_pain_during: 6", "  back_pain_during: 4")) ==
        "progression.yaml:4:21: error: 'back_pain_during' (4) must be above 'max_pain_during' (5)");
  CHECK(policy_errors(with(policy, "    streak: \"streak\"\n", "")) ==
        "progression.yaml:11:5: error: 'wording' is missing 'streak'");
  CHECK(policy_errors(with(policy, "  source: [test]", "  source: [nothing]"))
            .find("error: unknown source 'nothing'") != std::string::npos);
  // Once in the library.
  CHECK(errors({{{"lib.yaml", base_library()}, {"a.yaml", policy}, {"b.yaml", policy}}}) ==
        "b.yaml:2:3: error: 'progression' is given twice (first at a.yaml:2:3)");
}

TEST_CASE("a progression rule: up: false, max_stage, or both") {
  CHECK(condition_errors(one_rule("      - progression: {up: false}\n        why: slow\n"
                                  "        source: test\n")) == "");
  CHECK(condition_errors(one_rule("      - progression: {max_stage: 0}\n        why: slow\n"
                                  "        source: test\n")) == "");
  CHECK(condition_errors(one_rule("      - progression: {}\n        why: slow\n"
                                  "        source: test\n")) ==
        "cond.yaml:6:22: error: a progression rule needs 'up: false' or 'max_stage'");
  CHECK(condition_errors(one_rule("      - progression: {up: maybe}\n        why: slow\n"
                                  "        source: test\n")) ==
        "cond.yaml:6:27: error: 'up' must be true or false");
}
