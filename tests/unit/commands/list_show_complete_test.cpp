// Terminal behaviour (colour, width), `list`, `show` and completion, on in-memory libraries.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "commands/cmd_list.h"
#include "commands/cmd_show.h"
#include "commands/completion.h"
#include "io/terminal.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"

using namespace backplan;

namespace {

const char* kTiny = R"(settings:
  default_routine: short
  default_minutes: 10
  default_equipment: [tennis-ball]
  assumed_equipment: [chair]
regions:
  - {id: glutes, name: "Buttock muscles"}
  - {id: hip, name: "Hip joint"}
equipment:
  - {id: tennis-ball, name: "Tennis ball", firmness: soft, stand_ins: [lacrosse-ball]}
  - {id: lacrosse-ball, name: "Lacrosse ball", firmness: firm}
  - {id: chair, name: "Sturdy chair"}
exercises:
  - id: ball-glutes
    name: "Seated ball release for the buttocks"
    phase: release
    position: seated
    equipment: [tennis-ball, chair]
    pressure_on: [glutes]
    targets: [glutes]
    tags: [pinpoint]
    dose: {sets: 1, max_sets: 2, hold_seconds: 45, per_side: true}
    cues: ["Sit on the ball and lean gently."]
    alternatives: [glute-stretch]
    source: handout-1
  - id: glute-stretch
    name: "Seated glute stretch"
    phase: release
    position: seated
    equipment: [chair]
    dose: {sets: 2, max_sets: 2, hold_seconds: 30, per_side: true, rest_seconds: 10}
    cues: ["Cross one ankle over the other knee."]
    source: handout-2
conditions:
  - id: bruising
    name: "Bruises easily"
    gate: notice
    notice: "Go gently."
    source: handout-3
    rules:
      - max_firmness: soft
        why: "firm tools bruise"
        source: handout-3
      - no_pressure_on: [hip]
        why: "the hip is tender"
        source: handout-3
      - dose: {max_hold_seconds: 30}
        phases: [release]
        why: "short passes"
        source: handout-3
      - cue: "Press lightly."
        tags: [pinpoint]
        source: handout-3
  - id: older
    name: "Age 60 or over"
    gate: adapt
    when: {age_at_least: 60}
    rules:
      - exclude_tags: [pinpoint]
        why: "a small ball presses hard"
        source: handout-4
  - id: fever
    name: "Fever"
    gate: stop
    notice: "See a doctor today."
    source: handout-5
routines:
  - id: short
    name: "Short routine"
    description: "Release only."
    phases:
      - id: release
        title: "Release"
        slots:
          - {exercise: ball-glutes, priority: 1}
emergency_signs:
  - {text: "Chest pain", source: handout-1}
sources:
  - {id: handout-1, title: "Clinic handout 1", publisher: "Example Clinic", year: 2024, url: "https://example.org/1"}
  - {id: handout-2, title: "Clinic handout 2"}
  - {id: handout-3, title: "Clinic handout 3"}
  - {id: handout-4, title: "Clinic handout 4"}
  - {id: handout-5, title: "Clinic handout 5"}
)";

Library tiny() {
  DiagnosticSink sink;
  Library lib = load_library({{SourceFile{"tiny.yaml", kTiny}}}, sink);
  REQUIRE(sink.empty());
  return lib;
}

}  // namespace

TEST_CASE("colour: NO_COLOR wins, CLICOLOR_FORCE forces, else only on a terminal") {
  ColorEnv e;
  CHECK_FALSE(wants_color(e));
  e.is_terminal = true;
  CHECK(wants_color(e));
  e.term = "dumb";
  CHECK_FALSE(wants_color(e));
  e.term = "xterm";
  e.no_color = "";  // empty: as if unset
  CHECK(wants_color(e));
  e.no_color = "1";
  CHECK_FALSE(wants_color(e));
  ColorEnv pipe;
  pipe.clicolor_force = "1";
  CHECK(wants_color(pipe));
  pipe.clicolor_force = "0";
  CHECK_FALSE(wants_color(pipe));
  pipe.clicolor_force = "";
  CHECK_FALSE(wants_color(pipe));
  pipe.clicolor_force = "yes";
  pipe.no_color = "1";
  CHECK_FALSE(wants_color(pipe));
  pipe.no_color.reset();
  pipe.term = "dumb";
  CHECK(wants_color(pipe));  // forced, whatever the terminal
}

TEST_CASE("width: the terminal's, clamped; 80 when unknown") {
  CHECK(clamp_width(0) == 80);
  CHECK(clamp_width(-1) == 80);
  CHECK(clamp_width(20) == 40);
  CHECK(clamp_width(40) == 40);
  CHECK(clamp_width(132) == 132);
  CHECK(clamp_width(500) == 200);
}

TEST_CASE("list: text tables wrap their last column") {
  const Library lib = tiny();
  CHECK(render_list(lib, ListKind::exercises, ListFormat::text, 60) ==
        "ID             PHASE    POSITION  NAME\n"
        "ball-glutes    release  seated    Seated ball release for\n"
        "                                  the buttocks\n"
        "glute-stretch  release  seated    Seated glute stretch\n");
  CHECK(render_list(lib, ListKind::equipment, ListFormat::text, 80) ==
        "ID             FIRMNESS  NAME\n"
        "tennis-ball    soft      Tennis ball (stand-ins: lacrosse-ball; in the default\n"
        "                         kit)\n"
        "lacrosse-ball  firm      Lacrosse ball\n"
        "chair          -         Sturdy chair (always assumed)\n");
  CHECK(render_list(lib, ListKind::conditions, ListFormat::text, 80) ==
        "Conditions you can name with --condition:\n"
        "ID        GATE    NAME\n"
        "bruising  notice  Bruises easily\n"
        "\n"
        "Automatic: these apply by themselves.\n"
        "ID        GATE    NAME\n"
        "older     adapt   Age 60 or over; applies at age 60 and over\n"
        "\n"
        "Red flags (--condition): no plan; seek care.\n"
        "ID        GATE    NAME\n"
        "fever     stop    Fever\n");
  // Too narrow for the name beside the other columns: it goes below.
  CHECK(render_list(lib, ListKind::routines, ListFormat::text, 12) ==
        "ID\n"
        "    NAME\n"
        "short\n"
        "    Short\n"
        "    routine.\n"
        "    Release\n"
        "    only.\n");
}

TEST_CASE("list: ids are the values the flags accept; json has every field") {
  const Library lib = tiny();
  CHECK(render_list(lib, ListKind::conditions, ListFormat::ids, 80) == "bruising\nfever\n");
  CHECK(render_list(lib, ListKind::equipment, ListFormat::ids, 80) ==
        "tennis-ball\nlacrosse-ball\nchair\n");
  CHECK(render_list(lib, ListKind::regions, ListFormat::json, 80) ==
        R"({
  "format": "backplan-list-1",
  "kind": "regions",
  "items": [
    {
      "id": "glutes",
      "name": "Buttock muscles"
    },
    {
      "id": "hip",
      "name": "Hip joint"
    }
  ]
}
)");
  const std::string conditions = render_list(lib, ListKind::conditions, ListFormat::json, 80);
  CHECK(conditions.find(R"("id": "older",
      "name": "Age 60 or over",
      "gate": "adapt",
      "red_flag": false,
      "when": {
        "age_at_least": 60
      })") != std::string::npos);
}

TEST_CASE("list --format json: every field the YAML has, rules in their YAML form") {
  const Library lib = tiny();
  const auto exercises =
      nlohmann::json::parse(render_list(lib, ListKind::exercises, ListFormat::json, 80));
  CHECK(exercises["items"][0] == nlohmann::json::parse(R"({
      "id": "ball-glutes", "name": "Seated ball release for the buttocks", "phase": "release",
      "position": "seated", "equipment": ["tennis-ball", "chair"], "pressure_on": ["glutes"],
      "targets": ["glutes"], "tags": ["pinpoint"],
      "dose": {"sets": 1, "max_sets": 2, "reps": [], "hold_seconds": 45, "rep_seconds": null,
               "per_side": true, "rest_seconds": 0},
      "cues": ["Sit on the ball and lean gently."], "handout_cues": [],
      "alternatives": ["glute-stretch"], "levels": {},
      "progression": {"max_hold_seconds": null, "stages": []}, "figure": null,
      "source": ["handout-1"]})"));
  // A figure in its YAML form (the built-in curl-up's, routines/exercises-core.yaml).
  const auto builtin = nlohmann::json::parse(
      render_list(load_library_or_throw({}), ListKind::exercises, ListFormat::json, 80));
  const auto curl_up = std::find_if(builtin["items"].begin(), builtin["items"].end(),
                                    [](const auto& x) { return x["id"] == "curl-up"; });
  REQUIRE(curl_up != builtin["items"].end());
  CHECK((*curl_up)["handout_cues"] == nlohmann::json::parse("[1, 2, 3]"));
  CHECK((*curl_up)["figure"] == nlohmann::json::parse(R"({
      "view": "side", "support": "floor", "layout": "overlay",
      "poses": [
        {"body": 180, "joints": {"hip_near": 50, "knee_near": 110, "ankle_near": -30,
                                 "shoulder_out": 55},
         "contacts": ["pelvis", "feet_near", "head"]},
        {"body": 180, "joints": {"hip_near": 50, "knee_near": 110, "ankle_near": -30,
                                 "shoulder_out": 55, "thoracic": 12},
         "contacts": ["pelvis", "feet_near"]}],
      "arrows": [{"pose": 1, "point": "head", "to_pose": 2, "both_ways": false}],
      "props": [], "per_side": false})"));
  const auto conditions =
      nlohmann::json::parse(render_list(lib, ListKind::conditions, ListFormat::json, 80));
  CHECK(conditions["items"][0] == nlohmann::json::parse(R"({
      "id": "bruising", "name": "Bruises easily", "gate": "notice", "red_flag": false,
      "when": null, "details": [], "notice": "Go gently.", "notice_lifted": "",
      "notice_with": [], "source": ["handout-3"],
      "rules": [
        {"max_firmness": "soft", "why": "firm tools bruise", "source": ["handout-3"]},
        {"no_pressure_on": ["hip"], "why": "the hip is tender", "source": ["handout-3"]},
        {"dose": {"max_hold_seconds": 30}, "phases": ["release"], "why": "short passes",
         "source": ["handout-3"]},
        {"cue": "Press lightly.", "tags": ["pinpoint"], "why": "", "source": ["handout-3"]}]})"));
  const auto routines =
      nlohmann::json::parse(render_list(lib, ListKind::routines, ListFormat::json, 80));
  CHECK(routines["items"] == nlohmann::json::parse(R"([{
      "id": "short", "name": "Short routine", "description": "Release only.",
      "phases": [{"id": "release", "title": "Release", "ordered": false, "max_minutes": null,
                  "slots": [{"exercise": "ball-glutes", "priority": 1}]}]}])"));
}

TEST_CASE("show --format json: the entry, what refers to it, and the sources it cites") {
  const Library lib = tiny();
  const auto doc = nlohmann::json::parse(render_show(lib, "ball-glutes", 80, true));
  const auto listed =
      nlohmann::json::parse(render_list(lib, ListKind::exercises, ListFormat::json, 80));
  CHECK(doc["format"] == "backplan-show-1");
  CHECK(doc["kind"] == "exercise");
  CHECK(doc["item"] == listed["items"][0]);
  CHECK(doc["stands_in_for"] == nlohmann::json::array());
  CHECK(doc["in_routines"] ==
        nlohmann::json::parse(R"([{"routine": "short", "phase": "release", "priority": 1}])"));
  CHECK(doc["changed_by"] == nlohmann::json::parse(R"([
      {"condition": "bruising", "effect": "soft tools only, so not with: Lacrosse ball",
       "why": "firm tools bruise", "source": ["handout-3"]},
      {"condition": "bruising", "effect": "passes shortened to 30 s", "why": "short passes",
       "source": ["handout-3"]},
      {"condition": "bruising", "effect": "adds the cue \"Press lightly.\"", "why": "",
       "source": ["handout-3"]},
      {"condition": "older", "effect": "left out: tagged pinpoint", "why": "a small ball presses hard",
       "source": ["handout-4"]}])"));
  CHECK(doc["sources"].size() == 3);
  CHECK(doc["sources"][0]["id"] == "handout-1");
  CHECK(doc["sources"][0]["citation"] ==
        nlohmann::json::parse(
            render_list(lib, ListKind::sources, ListFormat::json, 80))["items"][0]["citation"]);
  const auto source = nlohmann::json::parse(render_show(lib, "handout-4", 80, true));
  CHECK(source["cited_by"] == nlohmann::json::parse(R"([{"condition": "older", "rule":
      {"exclude_tags": ["pinpoint"], "why": "a small ball presses hard",
       "source": ["handout-4"]}}])"));
  const auto tool = nlohmann::json::parse(render_show(lib, "lacrosse-ball", 80, true));
  CHECK(tool["stands_in_for"] == nlohmann::json::array({"tennis-ball"}));
  CHECK(tool["used_by"] == nlohmann::json::array({"ball-glutes"}));
  CHECK(tool["ruled_out_by"] == nlohmann::json::parse(R"([{"condition": "bruising",
      "why": "firm tools bruise", "source": ["handout-3"]}])"));
}

TEST_CASE("show: an exercise with everything that reaches it") {
  const Library lib = tiny();
  CHECK(render_show(lib, "ball-glutes", 80) ==
        "Seated ball release for the buttocks (ball-glutes)\n"
        "\n"
        "Phase         release\n"
        "Position      seated\n"
        "Equipment     Tennis ball (tennis-ball); stand-ins, in order: Lacrosse ball.\n"
        "              Sturdy chair (chair)\n"
        "Presses on    Buttock muscles (left out when --avoid names one of them)\n"
        "Works         Buttock muscles\n"
        "Tags          pinpoint\n"
        "Dose          a 45-second pass on each side; about 1 min 30 s; long sessions go\n"
        "              up to 2 passes\n"
        "Sources       handout-1\n"
        "Defined at    tiny.yaml:14:5\n"
        "\n"
        "Cues\n"
        "  - Sit on the ball and lean gently.\n"
        "\n"
        "Alternatives, tried in this order when it does not suit\n"
        "  1. Seated glute stretch (glute-stretch)\n"
        "\n"
        "In routines\n"
        "  - Short routine (short), Release, priority 1\n"
        "\n"
        "What changes it\n"
        "  Bruises easily (bruising; gate notice)\n"
        "    - soft tools only, so not with: Lacrosse ball: firm tools bruise\n"
        "      Sources: handout-3\n"
        "    - passes shortened to 30 s: short passes\n"
        "      Sources: handout-3\n"
        "    - adds the cue \"Press lightly.\"\n"
        "      Sources: handout-3\n"
        "  Age 60 or over (older; gate adapt, applies by itself at age 60 and over)\n"
        "    - left out: tagged pinpoint: a small ball presses hard\n"
        "      Sources: handout-4\n"
        "\n"
        "Sources\n"
        "  - handout-1: Clinic handout 1. Example Clinic, 2024. https://example.org/1\n"
        "  - handout-3: Clinic handout 3.\n"
        "  - handout-4: Clinic handout 4.\n");
}

// A dose rule that would not change the dose (holds of 30 s, at most 30 s) does not reach it.
TEST_CASE("show: what an exercise stands in for; one nothing changes") {
  const Library lib = tiny();
  CHECK(render_show(lib, "glute-stretch", 80) ==
        "Seated glute stretch (glute-stretch)\n"
        "\n"
        "Phase         release\n"
        "Position      seated\n"
        "Equipment     Sturdy chair (chair)\n"
        "Presses on    nothing\n"
        "Dose          two 30-second passes on each side, resting 10 s between rounds;\n"
        "              about 2 min 10 s\n"
        "Sources       handout-2\n"
        "Defined at    tiny.yaml:26:5\n"
        "\n"
        "Cues\n"
        "  - Cross one ankle over the other knee.\n"
        "\n"
        "Stands in for\n"
        "  - Seated ball release for the buttocks (ball-glutes)\n"
        "\n"
        "What changes it\n"
        "  No condition in the library changes it.\n"
        "\n"
        "Sources\n"
        "  - handout-2: Clinic handout 2.\n");
}

TEST_CASE("show: conditions and equipment; unknown ids suggest") {
  const Library lib = tiny();
  CHECK(render_show(lib, "older", 80) ==
        "Age 60 or over (older)\n"
        "\n"
        "Gate          adapt\n"
        "Applies       by itself, at age 60 and over\n"
        "Defined at    tiny.yaml:54:5\n"
        "\n"
        "Rules\n"
        "  - rules out exercises tagged pinpoint: a small ball presses hard\n"
        "    Sources: handout-4\n"
        "\n"
        "Exercises it changes (1; 'backplan show ID' says how)\n"
        "  ball-glutes\n"
        "\n"
        "Sources\n"
        "  - handout-4: Clinic handout 4.\n");
  CHECK(render_show(lib, "lacrosse-ball", 80) ==
        "Lacrosse ball (lacrosse-ball)\n"
        "\n"
        "Firmness      firm\n"
        "Stand-ins     none\n"
        "Stands in for Tennis ball (tennis-ball)\n"
        "Defined at    tiny.yaml:11:5\n"
        "\n"
        "Exercises that can use it (1)\n"
        "  ball-glutes\n"
        "\n"
        "Conditions that rule it out\n"
        "  - bruising: firm tools bruise\n");
  try {
    render_show(lib, "ball-glute", 80);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(e.message() == "unknown id 'ball-glute' (did you mean 'ball-glutes'?)");
  }
}

TEST_CASE("completion: commands, options, values, lists and paths") {
  const Library lib = tiny();
  CommandSpec root;
  root.name = "backplan";
  root.options = {{{"--help", "-h"}, false}, {{"--version"}, false}};
  CommandSpec plan{"plan",
                   {{{"--help", "-h"}, false},
                    {{"--equipment"}, true},
                    {{"--condition"}, true},
                    {{"--no-floor"}, false},
                    {{"--routines"}, true, "PATH"},
                    {{"--output", "-o"}, true, "FILE"}},
                   {}};
  CommandSpec list{"list", {{{"--format"}, true}}, {}, {{"KIND"}}};
  CommandSpec show{"show", {{{"--format"}, true}}, {}, {{"ID"}}};
  CommandSpec profile{
      "profile", {}, {CommandSpec{"save", {{{"--age"}, true}}, {}}, CommandSpec{"show", {}, {}}}};
  root.subcommands = {plan, list, show, profile};
  std::vector<std::vector<std::string>> asked_routines;
  auto complete = [&](std::vector<std::string> words) {
    return complete_words(root, words, [&](const std::vector<std::string>& routines) {
      asked_routines.push_back(routines);
      return lib;
    });
  };
  using V = std::vector<std::string>;
  CHECK(complete({""}) == V{"plan", "list", "show", "profile"});
  CHECK(complete({"p"}) == V{"plan", "profile"});
  CHECK(complete({"--"}) == V{"--condition", "--equipment", "--help", "--no-floor", "--output",
                              "--routines", "--version"});
  CHECK(complete({"plan", "--e"}) == V{"--equipment"});
  CHECK(complete({"--condition", ""}) == V{"bruising", "fever", "none"});
  CHECK(complete({"--condition", "bruising,"}) == V{"bruising,fever"});
  CHECK(complete({"--equipment=la"}) == V{"--equipment=lacrosse-ball"});
  CHECK(complete({"--no-floor", "--equipment", "t"}) == V{"tennis-ball"});
  CHECK(complete({"-o", "x"}) == V{"::files"});
  CHECK(complete({"--routines", "mine/", "--condition", "f"}) == V{"fever"});
  CHECK(asked_routines.back() == V{"mine/"});
  CHECK(complete({"list", ""}) ==
        V{"exercises", "equipment", "conditions", "regions", "routines", "sources"});
  CHECK(complete({"list", "exercises", "--format", ""}) == V{"text", "json", "ids"});
  CHECK(complete({"list", "exercises", ""}).empty());
  CHECK(complete({"show", "curl-up", "--format", ""}) == V{"text", "json", "svg"});
  CHECK(complete({"profile", ""}) == V{"save", "show"});
  CHECK(complete({"profile", "save", "--"}) == V{"--age"});
  CHECK(complete({"plan", "--", "--e"}).empty());
  CHECK(complete({"--routines", ""}) == V{"::files"});
  CHECK(complete({"--equipment", "none", "x"}).empty());  // plan takes no positionals
}

TEST_CASE("list sources: each as a citation, and every field in json") {
  const Library lib = tiny();
  CHECK(render_list(lib, ListKind::sources, ListFormat::ids, 80) ==
        "handout-1\nhandout-2\nhandout-3\nhandout-4\nhandout-5\n");
  const std::string text = render_list(lib, ListKind::sources, ListFormat::text, 80);
  CHECK(text.rfind("ID         CITATION\n"
                   "handout-1  Clinic handout 1. Example Clinic, 2024. https://example.org/1\n",
                   0) == 0);
  const auto items = nlohmann::ordered_json::parse(
      render_list(lib, ListKind::sources, ListFormat::json, 80))["items"];
  REQUIRE(items.size() == 5);
  CHECK(items[0].dump() ==
        R"({"id":"handout-1","authors":"","title":"Clinic handout 1","year":2024,)"
        R"("publisher":"Example Clinic","url":"https://example.org/1","doi":"",)"
        R"("citation":"Clinic handout 1. Example Clinic, 2024. https://example.org/1"})");
  CHECK(items[1]["year"].is_null());
}

TEST_CASE("completion: history's formats, dates and files") {
  const Library lib = tiny();
  CommandSpec root;
  root.name = "backplan";
  root.subcommands = {CommandSpec{"plan", {{{"--format"}, true}}, {}},
                      CommandSpec{"history",
                                  {{{"--format"}, true},
                                   {{"--since"}, true, "DATE"},
                                   {{"--diary"}, true, "FILE"},
                                   {{"--output", "-o"}, true, "FILE"}},
                                  {}}};
  auto complete = [&](std::vector<std::string> words) {
    return complete_words(root, words, [&](const std::vector<std::string>&) { return lib; });
  };
  using V = std::vector<std::string>;
  CHECK(complete({"h"}) == V{"history"});
  CHECK(complete({"history", "--format", ""}) == V{"text", "csv", "json", "html", "svg"});
  CHECK(complete({"history", "--format=h"}) == V{"--format=html"});
  CHECK(complete({"history", "--diary", "x"}) == V{"::files"});
  CHECK(complete({"history", "--since", ""}).empty());
}

TEST_CASE("completion: the diary's commands, export formats and files") {
  const Library lib = tiny();
  CommandSpec root;
  root.name = "backplan";
  CommandSpec diary{"diary",
                    {},
                    {CommandSpec{"export", {{{"--format"}, true}, {{"--diary"}, true, "FILE"}}, {}},
                     CommandSpec{"import", {{{"--diary"}, true, "FILE"}}, {}, {{"FILE"}}},
                     CommandSpec{"path", {}, {}}}};
  CommandSpec log{"log", {{{"--pain-before"}, true, "N"}, {{"--diary"}, true, "FILE"}}, {}};
  root.subcommands = {log, diary};
  auto complete = [&](std::vector<std::string> words) {
    return complete_words(root, words, [&](const std::vector<std::string>&) { return lib; });
  };
  using V = std::vector<std::string>;
  CHECK(complete({"diary", ""}) == V{"export", "import", "path"});
  CHECK(complete({"diary", "export", "--format", ""}) == V{"json", "csv"});
  CHECK(complete({"diary", "import", ""}) == V{"::files"});
  CHECK(complete({"log", "--diary", ""}) == V{"::files"});
  CHECK(complete({"log", "--pain-before", ""}).empty());
}
