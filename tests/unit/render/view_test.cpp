// The handout view: the words every handout shares, built once from a plan.
#include <doctest/doctest.h>

#include "render/render.h"
#include "render/render_markdown.h"
#include "render/render_text.h"
#include "render/view.h"
#include "sample_plan.h"
#include "text/escape.h"

using namespace backplan;
using backplan::testing::sample_plan;

TEST_CASE("the view: header, notices and total") {
  const HandoutView view = make_view(sample_plan());
  CHECK(view.routine == "Daily back care");
  CHECK(view.person == "Ann <B> & \"co\"");
  CHECK(title_line(view, plain) == "Daily back care for Ann <B> & \"co\"");
  CHECK(title_line(view, html_escape) == "Daily back care for Ann &lt;B&gt; &amp; &quot;co&quot;");
  CHECK(view.summary == "age 70 · no floor work · Tennis ball · Osteoporosis · beginner level");
  CHECK(view.about == "About 5 of your 10 minutes, moving between steps included.");
  REQUIRE(view.notices.size() == 2);
  CHECK(view.notices[0].label == "CHECK");
  CHECK(view.notices[0].text == "Osteoporosis: check first.");
  CHECK(view.notices[1].label == "NOTE");
  CHECK(view.total == "Total: about 5 minutes");
}

TEST_CASE("the view: phases with their minutes, steps numbered across them") {
  const HandoutView view = make_view(sample_plan());
  REQUIRE(view.phases.size() == 2);
  CHECK(view.phases[0].title + " · " + view.phases[0].time == "Mobility · 30 s");
  CHECK(view.phases[1].title + " · " + view.phases[1].time == "Core · 4 min");
  const StepView& cat = view.phases[0].steps.at(0);
  const StepView& hold = view.phases[1].steps.at(0);
  CHECK(cat.number == 1);
  CHECK(hold.number == 2);
  CHECK(hold.name == "Wall side plank");
  CHECK(hold.time == "4 min");
}

TEST_CASE("the view: a step's dose words and its short markers; each reason once") {
  Plan plan = sample_plan();
  plan.phases[1].steps[0].equipment = {"tennis-ball", "yoga-strap"};
  const HandoutView view = make_view(plan);
  const StepView& cat = view.phases[0].steps.at(0);
  const StepView& hold = view.phases[1].steps.at(0);
  CHECK(cat.dose == "6 slow reps");
  CHECK(dose_line(cat, plain) == "6 slow reps");
  CHECK(hold.dose ==
        "5, then 3, then 1 ten-second holds on each side, resting 30 s between rounds");
  CHECK(dose_line(hold, plain) ==
        "5, then 3, then 1 ten-second holds on each side, resting 30 s between rounds"
        " · Tennis ball, yoga-strap");
  CHECK(cat.replaces == "Cat-camel");
  CHECK(instead_line(cat, plain) == "Instead of Cat-camel — see No floor work");
  CHECK(instead_line(cat, markdown_escape, "*", "*") ==
        "*Instead of Cat-camel* — see No floor work");
  CHECK(instead_line(cat, html_escape, "<b>", "</b>") ==
        "<b>Instead of Cat-camel</b> — see No floor work");
  CHECK(instead_line(hold, plain).empty());
  CHECK(changed_line(hold, plain) == "Holds shortened to 10 s — see Osteoporosis");
  CHECK(changed_line(cat, plain).empty());
  // The reasons, once each, with the steps they changed.
  REQUIRE(view.changes.size() == 2);
  CHECK(change_line(view.changes[0], plain) ==
        "No floor work: you can't get down to the floor; on the floor. Step 1 is done another "
        "way; 1 exercise is left out.");
  CHECK(change_line(view.changes[1], markdown_escape, "**", "**") ==
        "**Osteoporosis:** gentler. Holds shortened to 10 s in step 2.");
  REQUIRE(view.omitted.size() == 1);
  CHECK(left_out_line(view.omitted[0], plain) == "McGill curl-up — see No floor work");
  CHECK(view.help.empty());
}

TEST_CASE("the view: left out once per exercise with all its reasons, time trimmed together") {
  Plan plan = sample_plan();
  const Cause time{CauseKind::time, "budget", "Your 10 minutes",
                   "the steps that matter most come first"};
  const Cause stick{CauseKind::equipment, "massage-stick", "No massage stick",
                    "you did not list a massage stick"};
  const Cause floor = plan.omitted[0].causes[0];
  plan.omitted.push_back({"calves", "Roll the calves", Phase::release, {"x"}, {stick}});
  plan.omitted.push_back({"thighs", "Roll the thighs", Phase::release, {"y"}, {time}});
  // The feet: the floor rules the exercise out; the stick only its stand-in.
  Omission feet{"feet", "Roll the feet", Phase::release, {"z"}, {floor, stick}};
  feet.own_causes = 1;
  plan.omitted.push_back(feet);
  plan.omitted.push_back({"hips", "Roll the hips", Phase::release, {"w"}, {time}});
  plan.suggestion = EquipmentSuggestion{
      {"massage-stick"}, {"Massage stick"}, {"calves", "feet"}, {Phase::release}};
  const HandoutView view = make_view(plan);
  REQUIRE(view.omitted.size() == 4);
  CHECK(left_out_line(view.omitted[0], plain) == "McGill curl-up — see No floor work");
  CHECK(left_out_line(view.omitted[1], plain) == "Roll the calves — see No massage stick");
  CHECK(left_out_line(view.omitted[2], plain) ==
        "Roll the feet — see No floor work (and for its stand-ins: No massage stick)");
  CHECK(left_out_line(view.omitted[3], plain) == "Your 10 minutes: Roll the thighs, Roll the hips");
  CHECK(left_out_count_line(view.omitted[3], plain) == "Your 10 minutes: 2 release steps");
  CHECK(left_out_line(view.omitted[2], html_escape) ==
        "Roll the feet — see No floor work (and for its stand-ins: No massage stick)");
  REQUIRE(view.changes.size() == 4);
  CHECK(change_line(view.changes[0], plain) ==
        "No floor work: you can't get down to the floor; on the floor. Step 1 is done another "
        "way; 2 exercises are left out.");
  CHECK(change_line(view.changes[2], plain) ==
        "No massage stick: you did not list a massage stick. 1 exercise is left out; it also "
        "rules out the stand-ins for 1 exercise left out for other reasons.");
  CHECK(view.help == "A massage stick would bring back 2 release steps.");
  // A reason that touched only stand-ins says so alone.
  plan.omitted.erase(plan.omitted.begin() + 1);
  CHECK(change_line(make_view(plan).changes[3], plain) ==
        "No massage stick: you did not list a massage stick. It rules out the stand-ins for 1 "
        "exercise left out for other reasons.");
  plan.suggestion = EquipmentSuggestion{
      {"bed", "tennis-ball"}, {"Firm bed", "Tennis ball"}, {"curl-up"}, {Phase::core}};
  CHECK(make_view(plan).help == "A firm bed and a tennis ball would bring back one core step.");
}

TEST_CASE("the view escapes each piece on its own") {
  Plan plan = sample_plan();
  plan.phases[0].steps[0].replaced_because = {{CauseKind::condition, "a", "- a reason", "x"},
                                              {CauseKind::condition, "b", "1. another", "y"}};
  const HandoutView view = make_view(plan);
  const StepView& cat = view.phases[0].steps.at(0);
  CHECK(instead_line(cat, markdown_escape, "*", "*") ==
        "*Instead of Cat-camel* — see \\- a reason, 1\\. another");
}

TEST_CASE("brief: steps, doses and times; the notices and the cues conditions add stay") {
  RenderOptions options;
  options.brief = true;
  const std::string text = render(sample_plan(), Format::text, options);
  CHECK(text ==
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
        "     - Move gently.\n"
        "\n"
        "Core · 4 min\n"
        "  2. Wall side plank                                                       4 min\n"
        "     5, then 3, then 1 ten-second holds on each side, resting 30 s between\n"
        "     rounds\n"
        "\n"
        "Total: about 5 minutes\n");
  const std::string md = render(sample_plan(), Format::markdown, options);
  CHECK(md.find("Sit tall.") == std::string::npos);
  CHECK(md.find("- Move gently.") != std::string::npos);
  CHECK(md.find("What changed") == std::string::npos);
  CHECK(md.find("Left out") == std::string::npos);
  CHECK(md.find("**CHECK** Osteoporosis: check first.") != std::string::npos);
  const std::string html = render(sample_plan(), Format::html, options);
  CHECK(html.find("Sit tall.") == std::string::npos);
  CHECK(html.find("<li>Move gently.</li>") != std::string::npos);
  CHECK(html.find("Osteoporosis: check first.") != std::string::npos);
  CHECK(html.find("Pain diary") != std::string::npos);
}

TEST_CASE("render() picks the renderer for the format") {
  const Plan plan = sample_plan();
  RenderOptions options;
  options.date = "2026-11-21";
  CHECK(render(plan, Format::markdown, options) ==
        render_markdown(plan, HandoutOptions{options.date, false, {}}));
  options.width = 60;
  CHECK(render(plan, Format::text, options) == render_text(plan, TextOptions{false, 60, false}));
  CHECK(render(plan, Format::html, options).rfind("<!doctype html>", 0) == 0);
  CHECK(render(plan, Format::json, options).rfind("{\n  \"format\": \"backplan-plan-2\"", 0) == 0);
  CHECK(file_extension(Format::markdown) == std::string(".md"));
}
