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
  CHECK(view.about == "About 4 min 30 s of your 10 min, moving between steps included.");
  REQUIRE(view.notices.size() == 2);
  CHECK(view.notices[0].label == "CHECK");
  CHECK(view.notices[0].text == "Osteoporosis: check first.");
  CHECK(view.notices[1].label == "NOTE");
  CHECK(view.total == "Total: 4 min 30 s");
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

TEST_CASE("the view: a step's dose words, its Instead of and Changed lines") {
  Plan plan = sample_plan();
  plan.phases[1].steps[0].equipment = {"tennis-ball", "yoga-strap"};
  const HandoutView view = make_view(plan);
  const StepView& cat = view.phases[0].steps.at(0);
  const StepView& hold = view.phases[1].steps.at(0);
  CHECK(cat.dose == "1 round of 6 slow reps");
  CHECK(dose_line(cat, plain) == "1 round of 6 slow reps");
  CHECK(hold.dose == "3 rounds of 5, 3, 1 holds of 10 s on each side, 30 s rest between rounds");
  CHECK(dose_line(hold, plain) ==
        "3 rounds of 5, 3, 1 holds of 10 s on each side, 30 s rest between rounds"
        " · Tennis ball, yoga-strap");
  CHECK(cat.replaces == "Cat-camel");
  CHECK(instead_line(cat, plain) ==
        "Instead of Cat-camel: No floor work: you can't get down to the floor");
  CHECK(instead_line(cat, markdown_escape, "*", "*") ==
        "*Instead of Cat-camel:* No floor work: you can't get down to the floor");
  CHECK(instead_line(cat, html_escape, "<b>", "</b>") ==
        "<b>Instead of Cat-camel:</b> No floor work: you can&#39;t get down to the floor");
  CHECK(instead_line(hold, plain).empty());
  CHECK(changed_line(hold, plain) == "Changed: holds shortened to 10 s: Osteoporosis: gentler");
  CHECK(changed_line(cat, plain).empty());
  REQUIRE(view.omitted.size() == 1);
  CHECK(left_out_line(view.omitted[0], plain) ==
        "McGill curl-up (core): No floor work: on the floor");
}

TEST_CASE("the view escapes each piece on its own") {
  Plan plan = sample_plan();
  plan.phases[0].steps[0].why = {"- a reason", "1. another"};
  const HandoutView view = make_view(plan);
  const StepView& cat = view.phases[0].steps.at(0);
  CHECK(instead_line(cat, markdown_escape, "*", "*") ==
        "*Instead of Cat-camel:* \\- a reason; 1\\. another");
}

TEST_CASE("render() picks the renderer for the format") {
  const Plan plan = sample_plan();
  RenderOptions options;
  options.date = "2026-11-21";
  CHECK(render(plan, Format::markdown, options) ==
        render_markdown(plan, HandoutOptions{options.date}));
  options.width = 60;
  CHECK(render(plan, Format::text, options) == render_text(plan, TextOptions{false, 60, false}));
  CHECK(render(plan, Format::html, options).rfind("<!doctype html>", 0) == 0);
  CHECK(render(plan, Format::json, options).rfind("{\n  \"format\": \"backplan-plan-1\"", 0) == 0);
  CHECK(file_extension(Format::markdown) == std::string(".md"));
}
