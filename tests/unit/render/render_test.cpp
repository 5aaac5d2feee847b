// The renderers: pure functions from a plan to text or JSON.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "render/render_json.h"
#include "render/render_text.h"
#include "sample_plan.h"

using namespace backplan;
using backplan::testing::sample_plan;

TEST_CASE("doses in words") {
  StepDose pyramid;
  pyramid.sets = 3;
  pyramid.reps = {5, 3, 1};
  pyramid.hold_seconds = 10;
  CHECK(dose_in_words(pyramid, Phase::core) == "3 rounds of 5, 3, 1 holds of 10 s");
  pyramid.per_side = true;
  pyramid.rest_seconds = 30;
  CHECK(dose_in_words(pyramid, Phase::core) ==
        "3 rounds of 5, 3, 1 holds of 10 s on each side, 30 s rest between rounds");
  StepDose pass;
  pass.sets = 1;
  pass.hold_seconds = 45;
  CHECK(dose_in_words(pass, Phase::release) == "1 pass of 45 s");
  pass.sets = 2;
  CHECK(dose_in_words(pass, Phase::release) == "2 passes of 45 s");
  CHECK(dose_in_words(pass, Phase::stretch) == "2 holds of 45 s");
  StepDose moves;
  moves.sets = 1;
  moves.reps = {6};
  moves.rep_seconds = 5;
  CHECK(dose_in_words(moves, Phase::mobility) == "1 round of 6 slow reps");
  StepDose single;
  single.sets = 1;
  single.reps = {1};
  single.hold_seconds = 10;
  CHECK(dose_in_words(single, Phase::core) == "1 round of 1 hold of 10 s");
}

TEST_CASE("durations in words") {
  CHECK(duration_in_words(45) == "45 s");
  CHECK(duration_in_words(60) == "1 min");
  CHECK(duration_in_words(150) == "2 min 30 s");
  CHECK(duration_in_words(0) == "0 s");
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
      "About 4 min 30 s of your 10 min, moving between steps included.\n"
      "\n"
      "Before you start\n"
      "  CHECK      Osteoporosis: check first.\n"
      "  NOTE       Breathe.\n"
      "\n"
      "Mobility · 30 s\n"
      "  1. Seated cat-camel                                                       30 s\n"
      "     1 round of 6 slow reps\n"
      "     - Sit tall.\n"
      "     Instead of Cat-camel: No floor work: you can't get down to the floor\n"
      "\n"
      "Core · 4 min\n"
      "  2. Wall side plank                                                       4 min\n"
      "     3 rounds of 5, 3, 1 holds of 10 s on each side, 30 s rest between rounds\n"
      "     - Brace.\n"
      "     Changed: holds shortened to 10 s: Osteoporosis: gentler\n"
      "\n"
      "Left out\n"
      "  - McGill curl-up (core): No floor work: on the floor\n"
      "\n"
      "Total: 4 min 30 s\n";
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

TEST_CASE("the JSON plan follows the backplan-plan-1 contract") {
  const auto doc = nlohmann::json::parse(render_json(sample_plan()));
  CHECK(doc["format"] == "backplan-plan-1");
  CHECK(doc["routine"] == "daily");
  CHECK(doc["profile"] ==
        nlohmann::json::parse(R"({"name": "Ann <B> & \"co\"", "age": 70, "floor": false,
      "equipment": ["tennis-ball"], "conditions": ["osteoporosis"], "details": {}, "avoid": [], "minutes": 10,
      "cleared": false, "level": "beginner", "today": []})"));
  const auto& step = doc["phases"][0]["steps"][0];
  CHECK(step == nlohmann::json::parse(R"({"id": "seated-cat-camel", "name": "Seated cat-camel",
      "position": "seated", "equipment": [], "pressure_on": [], "seconds": 30,
      "transition_seconds": 0,
      "dose": {"sets": 1, "reps": [6], "hold_seconds": null, "per_side": false},
      "cues": ["Sit tall."], "replaces": "cat-camel", "level": null,
      "why": ["No floor work: you can't get down to the floor"]})"));
  const auto& plank = doc["phases"][1]["steps"][0];
  CHECK(plank["replaces"].is_null());
  CHECK(plank["why"] ==
        nlohmann::json::parse(R"(["holds shortened to 10 s: Osteoporosis: gentler"])"));
  CHECK(doc["phases"][1]["id"] == "core");
  CHECK(doc["omitted"] == nlohmann::json::parse(R"([{"id": "curl-up", "phase": "core",
      "why": ["No floor work: on the floor"]}])"));
  CHECK(doc["notices"][0] ==
        nlohmann::json::parse(R"({"level": "notice", "text": "Osteoporosis: check first."})"));
  CHECK(doc["total_seconds"] == 270);
  CHECK(doc["budget_seconds"] == 600);
  // nlohmann::json sorts keys when parsing; the contract's order is checked in the text.
  const std::string text = render_json(sample_plan());
  CHECK(text.find("\"format\"") < text.find("\"routine\""));
  CHECK(text.find("\"routine\"") < text.find("\"profile\""));
  CHECK(text.find("\"phases\"") < text.find("\"omitted\""));
  CHECK(text.find("\"notices\"") < text.find("\"total_seconds\""));
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
