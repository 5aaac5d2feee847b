// The renderers: pure functions from a plan to text or JSON.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "render/render.h"
#include "render/render_html.h"
#include "render/render_json.h"
#include "render/render_markdown.h"
#include "render/render_text.h"
#include "sample_plan.h"

using namespace backplan;
using backplan::testing::sample_plan;

TEST_CASE("doses in words") {
  StepDose pyramid;
  pyramid.sets = 3;
  pyramid.reps = {5, 3, 1};
  pyramid.hold_seconds = 10;
  CHECK(dose_in_words(pyramid, Phase::core) == "5, then 3, then 1 ten-second holds");
  pyramid.per_side = true;
  pyramid.rest_seconds = 30;
  CHECK(dose_in_words(pyramid, Phase::core) ==
        "5, then 3, then 1 ten-second holds on each side, resting 30 s between rounds");
  pyramid.sets = 2;  // trimmed for time: the first two rounds
  CHECK(dose_in_words(pyramid, Phase::core) ==
        "5, then 3 ten-second holds on each side, resting 30 s between rounds");
  pyramid.hold_seconds = 8;
  pyramid.sets = 1;
  CHECK(dose_in_words(pyramid, Phase::core) == "5 eight-second holds on each side");
  StepDose pass;
  pass.sets = 1;
  pass.hold_seconds = 45;
  CHECK(dose_in_words(pass, Phase::release) == "a 45-second pass");
  pass.sets = 2;
  CHECK(dose_in_words(pass, Phase::release) == "two 45-second passes");
  CHECK(dose_in_words(pass, Phase::stretch) == "two 45-second holds");
  pass.sets = 1;
  pass.hold_seconds = 60;
  pass.per_side = true;
  CHECK(dose_in_words(pass, Phase::stretch) == "a one-minute hold on each side");
  pass.hold_seconds = 80;
  CHECK(dose_in_words(pass, Phase::stretch) == "an 80-second hold on each side");
  StepDose moves;
  moves.sets = 1;
  moves.reps = {6};
  moves.rep_seconds = 5;
  CHECK(dose_in_words(moves, Phase::mobility) == "6 slow reps");
  moves.sets = 2;
  CHECK(dose_in_words(moves, Phase::mobility) == "2 rounds of 6 slow reps");
  StepDose single;
  single.sets = 1;
  single.reps = {1};
  single.hold_seconds = 10;
  CHECK(dose_in_words(single, Phase::core) == "a ten-second hold");
}

TEST_CASE("durations in words: exact, and rounded for people") {
  CHECK(duration_in_words(45) == "45 s");
  CHECK(duration_in_words(60) == "1 min");
  CHECK(duration_in_words(150) == "2 min 30 s");
  CHECK(duration_in_words(0) == "0 s");
  CHECK(rounded_duration(49) == "50 s");
  CHECK(rounded_duration(3) == "5 s");
  CHECK(rounded_duration(58) == "1 min");
  CHECK(rounded_duration(75) == "1 min");
  CHECK(rounded_duration(90) == "2 min");
  CHECK(rounded_duration(1143) == "19 min");
  CHECK(about_minutes(1143) == "about 19 minutes");
  CHECK(about_minutes(20) == "about 1 minute");
}

TEST_CASE("wrapping keeps to the width, counts characters not bytes, and indents") {
  CHECK(wrap("aaa bbb ccc", 7, "", "  ") == "aaa bbb\n  ccc");
  CHECK(wrap("één twee", 8, "", "") == "één twee");
  CHECK(wrap("one", 80, "  - ", "    ") == "  - one");
  // A word longer than a whole line is cut, so no line is wider than the width.
  CHECK(wrap("averyveryverylongword x", 5, "", "") == "avery\nveryv\nerylo\nngwor\nd x");
}

TEST_CASE("the text plan: notices first, a substitution line, what was left out, total last") {
  const std::string text = render_text(sample_plan(), TextOptions{});
  const std::string expected =
      "Daily back care for Ann <B> & \"co\"\n"
      "age 70 · no floor work · Tennis ball · Osteoporosis · beginner level\n"
      "About 5 of your 10 minutes, moving between steps included.\n"
      "\n"
      "Before you start\n"
      "  CHECK      Osteoporosis: check first.\n"
      "  NOTE       Breathe.\n"
      "\n"
      "Mobility · 30 s\n"
      "  1. Seated cat-camel                                                       30 s\n"
      "     6 slow reps\n"
      "     - Sit tall.\n"
      "     - Move gently.\n"
      "     Instead of Cat-camel — see No floor work\n"
      "\n"
      "Core · 4 min\n"
      "  2. Wall side plank                                                       4 min\n"
      "     5, then 3, then 1 ten-second holds on each side, resting 30 s between\n"
      "     rounds\n"
      "     - Brace.\n"
      "     Holds shortened to 10 s — see Osteoporosis\n"
      "\n"
      "What changed for you\n"
      "  - No floor work: you can't get down to the floor; on the floor. Step 1 is done\n"
      "    another way; 1 exercise is left out.\n"
      "  - Osteoporosis: gentler. Holds shortened to 10 s in step 2.\n"
      "\n"
      "Left out\n"
      "  - McGill curl-up — see No floor work\n"
      "\n"
      "Total: about 5 minutes\n";
  CHECK(text == expected);
}

TEST_CASE("the text plan has colour codes only when asked") {
  CHECK(render_text(sample_plan(), TextOptions{}).find('\x1b') == std::string::npos);
  TextOptions color;
  color.color = true;
  CHECK(render_text(sample_plan(), color).find("\x1b[1m") != std::string::npos);
}

TEST_CASE("no text line is wider than the width") {
  Plan plan = sample_plan();
  plan.phases[0].steps[0].cues = {std::string(30, 'x') + " " + std::string(30, 'y') + " " +
                                  std::string(30, 'z')};
  plan.phases[0].steps[0].name = std::string(90, 'n');
  const std::string text = render_text(plan, TextOptions{});
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    if (line.find(std::string(90, 'n')) == std::string::npos) {
      int columns = 0;
      for (char c : line) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      CHECK_MESSAGE(columns <= 80, line);
    }
    start = end + 1;
  }
}

TEST_CASE("the JSON plan follows the backplan-plan-2 contract") {
  const auto doc = nlohmann::json::parse(render_json(sample_plan()));
  CHECK(doc["format"] == "backplan-plan-2");
  CHECK(doc["status"] == "ok");
  CHECK(doc["routine"] == "daily");
  CHECK(doc["profile"] ==
        nlohmann::json::parse(R"({"name": "Ann <B> & \"co\"", "age": 70, "floor": false,
      "equipment": ["tennis-ball"], "conditions": ["osteoporosis"], "details": {}, "avoid": [], "minutes": 10,
      "cleared": false, "level": "beginner", "today": []})"));
  // All four phases, always: those with no steps today have an empty list, and a title (the
  // routine's, else the phase's name).
  CHECK(doc["phases"].size() == 4);
  CHECK(doc["phases"][0] ==
        nlohmann::json::parse(R"({"id": "release", "title": "Release", "steps": []})"));
  CHECK(doc["phases"][3] ==
        nlohmann::json::parse(R"({"id": "stretch", "title": "Stretch", "steps": []})"));
  CHECK(doc["phases"][1]["id"] == "mobility");
  const auto& step = doc["phases"][1]["steps"][0];
  CHECK(step == nlohmann::json::parse(R"({"id": "seated-cat-camel", "name": "Seated cat-camel",
      "position": "seated", "equipment": [], "pressure_on": [], "seconds": 30,
      "transition_seconds": 0,
      "dose": {"sets": 1, "reps": [6], "hold_seconds": null, "per_side": false},
      "cues": ["Sit tall.", "Move gently."], "replaces": "cat-camel", "level": null, "stage": 0,
      "why": ["No floor work: you can't get down to the floor"]})"));
  const auto& plank = doc["phases"][2]["steps"][0];
  CHECK(plank["replaces"].is_null());
  CHECK(plank["why"] ==
        nlohmann::json::parse(R"(["holds shortened to 10 s: Osteoporosis: gentler"])"));
  CHECK(doc["phases"][2]["id"] == "core");
  CHECK(doc["omitted"] == nlohmann::json::parse(R"([{"id": "curl-up", "phase": "core",
      "why": ["No floor work: on the floor"]}])"));
  // Each reason once, with the steps it changed and the slots it left out.
  CHECK(doc["changes"] == nlohmann::json::parse(R"([
      {"cause": "no_floor", "id": "no-floor", "label": "No floor work",
       "reasons": ["you can't get down to the floor", "on the floor"],
       "steps": ["seated-cat-camel"], "dose_changes": [], "omitted": ["curl-up"],
       "stand_ins": []},
      {"cause": "condition", "id": "osteoporosis", "label": "Osteoporosis", "reasons": ["gentler"],
       "steps": [], "dose_changes": [{"step": "wall-side-plank", "change": "holds shortened to 10 s"}],
       "omitted": [], "stand_ins": []}])"));
  CHECK(doc["suggestion"].is_null());
  CHECK(doc["notices"][0] ==
        nlohmann::json::parse(R"({"level": "notice", "text": "Osteoporosis: check first."})"));
  CHECK(doc["total_seconds"] == 270);
  CHECK(doc["budget_seconds"] == 600);
  // nlohmann::json sorts keys when parsing; the contract's order is checked in the text.
  const std::string text = render_json(sample_plan());
  CHECK(text.find("\"format\"") < text.find("\"status\""));
  CHECK(text.find("\"status\"") < text.find("\"routine\""));
  CHECK(text.find("\"routine\"") < text.find("\"profile\""));
  CHECK(text.find("\"phases\"") < text.find("\"omitted\""));
  CHECK(text.find("\"omitted\"") < text.find("\"changes\""));
  CHECK(text.find("\"changes\"") < text.find("\"notices\""));
  CHECK(text.find("\"notices\"") < text.find("\"total_seconds\""));
  CHECK(text.back() == '\n');
}

TEST_CASE("a JSON plan on hold says so in status and still has the four phases, empty") {
  Plan plan = sample_plan();
  plan.phases.clear();
  plan.phase_titles = {{Phase::release, "Roll"}, {Phase::mobility, "Move"}};
  plan.held_by = {"active-cancer"};
  const auto doc = nlohmann::json::parse(render_json(plan));
  CHECK(doc["status"] == "held");
  CHECK(doc["phases"] == nlohmann::json::parse(R"([
      {"id": "release", "title": "Roll", "steps": []},
      {"id": "mobility", "title": "Move", "steps": []},
      {"id": "core", "title": "Core", "steps": []},
      {"id": "stretch", "title": "Stretch", "steps": []}])"));
}

TEST_CASE("a red flag in JSON is a referral: the profile, the stop notices, no phases") {
  const Plan plan = sample_plan();
  const std::string text = render_json_referral(
      plan.profile, {{NoticeLevel::stop, "Get checked today.", NoticeSource::condition}},
      {"Chest pain"});
  const auto doc = nlohmann::json::parse(text);
  nlohmann::json expected = {
      {"format", "backplan-plan-2"},
      {"status", "referred"},
      {"routine", plan.profile.routine},
      {"profile", nlohmann::json::parse(render_json(plan))["profile"]},
      {"notices", nlohmann::json::parse(R"([{"level": "stop", "text": "Get checked today."}])")},
      {"stop_if", {"Chest pain"}},
  };
  CHECK(doc == expected);
  CHECK(text.find("\"format\"") < text.find("\"status\""));
  CHECK(text.back() == '\n');
}

TEST_CASE("every format lists the emergency signs, and JSON gives them as data") {
  Plan plan = sample_plan();
  plan.stop_if = {"Chest pain", "A <sign> & *more*"};
  const std::string text = render_text(plan, TextOptions{});
  CHECK(text.find("Stop and get help at once if you have\n"
                  "  - Chest pain\n"
                  "  - A <sign> & *more*\n") != std::string::npos);
  CHECK(text.find("Stop and get help") < text.find("Before you start"));
  const auto doc = nlohmann::json::parse(render_json(plan));
  CHECK(doc["stop_if"] == nlohmann::json::array({"Chest pain", "A <sign> & *more*"}));
  // Without signs (a library that has none cannot load), no empty section is printed.
  plan.stop_if.clear();
  CHECK(render_text(plan, TextOptions{}).find("Stop and get help") == std::string::npos);
}

TEST_CASE("a file name picks the format by its extension, in any case; others pick none") {
  CHECK(format_for_file("plan.json") == Format::json);
  CHECK(format_for_file("out/Plan.HTML") == Format::html);
  CHECK(format_for_file("plan.htm") == Format::html);
  CHECK(format_for_file("plan.md") == Format::markdown);
  CHECK(format_for_file("plan.markdown") == Format::markdown);
  CHECK(format_for_file("plan.txt") == Format::text);
  CHECK(format_for_file("plan") == std::nullopt);
  CHECK(format_for_file("plan.PDF") == Format::pdf);
  CHECK(format_for_file("plan.docx") == std::nullopt);
  CHECK(format_for_file("my.dir/plan") == std::nullopt);
  CHECK(format_for_file(".json") == Format::json);
}

TEST_CASE("the diary's adherence line is in the header of every format, and its progress in JSON") {
  Plan plan = sample_plan();
  // Without a diary: no line, and JSON's progress is null.
  CHECK(render_text(plan, TextOptions{}).find("You practised") == std::string::npos);
  CHECK(nlohmann::json::parse(render_json(plan))["progress"].is_null());

  Progress progress;
  progress.routine = "daily";
  progress.sessions = 4;
  progress.adherence = {4, 7, 2, "You practised on 4 of the last 7 days & more. 2 days in a row."};
  progress.ladders.push_back({"side-plank",
                              "side-plank",
                              {Level::beginner, 3},
                              {Level::standard, 0},
                              ProgressMove::up,
                              "pain stayed low",
                              3});
  plan.progress = progress;
  const std::string line = "You practised on 4 of the last 7 days & more. 2 days in a row.";
  CHECK(render_text(plan, TextOptions{}).find(line) != std::string::npos);
  CHECK(render_markdown(plan, HandoutOptions{}).find(line) != std::string::npos);
  CHECK(render_html(plan, HandoutOptions{})
            .find("<p class=\"practice\">You practised on 4 of the last 7 days &amp; more. 2 days "
                  "in a row.</p>") != std::string::npos);
  CHECK(nlohmann::json::parse(render_json(plan))["progress"] == nlohmann::json::parse(R"({
      "sessions": 4, "flare": false, "flare_advice": null,
      "adherence": {"days": 4, "window": 7, "streak": 2,
                    "text": "You practised on 4 of the last 7 days & more. 2 days in a row."},
      "ladders": [{"slot": "side-plank", "exercise": "side-plank", "move": "up",
                   "from": {"level": "beginner", "stage": 3},
                   "to": {"level": "standard", "stage": 0},
                   "settled": 3, "reason": "pain stayed low"}]})"));
}
