// The printable handouts: Markdown and HTML renderers, escaping, the pain diary's days.
#include <doctest/doctest.h>

#include "render/handout.h"
#include "render/render_html.h"
#include "render/render_markdown.h"
#include "render/view.h"
#include "sample_plan.h"
#include "text/escape.h"

using namespace backplan;

namespace {

// The renderers' sample plan, with a tool on the core step, a second cue and a clearance notice.
Plan sample_plan() {
  Plan plan = testing::sample_plan();
  Step& hold = plan.phases[1].steps[0];
  hold.equipment = {"tennis-ball"};
  hold.cues = {"Brace.", "Breathe out."};
  plan.notices[0].level = NoticeLevel::clearance;
  return plan;
}

Plan hostile_plan() {
  Plan plan = sample_plan();
  plan.profile.name = "*Sam* <b>";
  plan.phases[0].steps[0].cues = {"<script>alert('x')</script> & _this_"};
  return plan;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("html_escape escapes the five HTML-significant characters") {
  CHECK(html_escape("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#39;");
  CHECK(html_escape("Plain text · é") == "Plain text · é");
  CHECK(html_escape("") == "");
}

TEST_CASE("markdown_escape keeps user text literal") {
  CHECK(markdown_escape("*Sam* <b>") == "\\*Sam\\* \\<b\\>");
  CHECK(markdown_escape("a_b [link](x) `code` ~~x~~ # \\") ==
        "a\\_b \\[link\\](x) \\`code\\` \\~\\~x\\~\\~ \\# \\\\");
  CHECK(markdown_escape("&amp; &#39; & co") == "\\&amp; \\&\\#39; & co");
  // Block markers at the start: list items, headings, thematic breaks, ordered lists.
  CHECK(markdown_escape("- not a list") == "\\- not a list");
  CHECK(markdown_escape("+ x") == "\\+ x");
  CHECK(markdown_escape("=== x") == "\\=== x");
  CHECK(markdown_escape("12. x") == "12\\. x");
  CHECK(markdown_escape("3) x") == "3\\) x");
  CHECK(markdown_escape("4-5 is fine. 0-3 too.") == "4-5 is fine. 0-3 too.");
  // One line, trimmed: no code blocks from indentation, no new blocks from line breaks.
  CHECK(markdown_escape("    two\nlines  ") == "two lines");
  CHECK(markdown_escape("   ") == "");
}

TEST_CASE("the markdown handout: the text output's content, as CommonMark") {
  HandoutOptions options;
  options.date = "2026-11-21";
  const std::string expected =
      "# Daily back care for Ann \\<B\\> & \"co\"\n"
      "\n"
      "Date: 2026-11-21\n"
      "\n"
      "age 70 · no floor work · Tennis ball · Osteoporosis · beginner level\n"
      "\n"
      "About 5 of your 10 minutes, moving between steps included.\n"
      "\n"
      "## Before you start\n"
      "\n"
      "- **CLEARANCE** Osteoporosis: check first.\n"
      "- **NOTE** Breathe.\n"
      "\n"
      "## Mobility · 30 s\n"
      "\n"
      "### 1. Seated cat-camel · 30 s\n"
      "\n"
      "6 slow reps\n"
      "\n"
      "- Sit tall.\n"
      "- Move gently.\n"
      "\n"
      "*Instead of Cat-camel* — see No floor work\n"
      "\n"
      "## Core · 4 min\n"
      "\n"
      "### 2. Wall side plank · 4 min\n"
      "\n"
      "5, then 3, then 1 ten-second holds on each side, resting 30 s between rounds · Tennis "
      "ball\n"
      "\n"
      "- Brace.\n"
      "- Breathe out.\n"
      "\n"
      "*Holds shortened to 10 s* — see Osteoporosis\n"
      "\n"
      "## What changed for you\n"
      "\n"
      "- **No floor work:** you can't get down to the floor; on the floor. Step 1 is done "
      "another way; 1 exercise is left out.\n"
      "- **Osteoporosis:** gentler. Holds shortened to 10 s in step 2.\n"
      "\n"
      "## Left out\n"
      "\n"
      "- McGill curl-up — see No floor work\n"
      "\n"
      "**Total: about 5 minutes**\n";
  CHECK(render_markdown(sample_plan(), options) == expected);
}

TEST_CASE("the markdown handout has no date line without a date") {
  const std::string md = render_markdown(sample_plan(), HandoutOptions{});
  CHECK(md.find("Date:") == std::string::npos);
  CHECK(md.rfind("# Daily back care for Ann \\<B\\> & \"co\"\n\nage 70", 0) == 0);
}

TEST_CASE("a hostile name and cue are escaped in both handouts") {
  const Plan plan = hostile_plan();
  const std::string md = render_markdown(plan, HandoutOptions{});
  CHECK(md.rfind("# Daily back care for \\*Sam\\* \\<b\\>\n", 0) == 0);
  CHECK(md.find("- \\<script\\>alert('x')\\</script\\> & \\_this\\_\n") != std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);
  CHECK(md.find("<script>") == std::string::npos);

  const std::string html = render_html(plan, HandoutOptions{});
  CHECK(html.find("<title>Daily back care for *Sam* &lt;b&gt;</title>") != std::string::npos);
  CHECK(html.find("<h1>Daily back care for *Sam* &lt;b&gt;</h1>") != std::string::npos);
  CHECK(html.find("<li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; _this_</li>") !=
        std::string::npos);
  CHECK(html.find("<b>Sam") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("the HTML handout is one self-contained, printable page of HTML5") {
  HandoutOptions options;
  options.date = "2026-11-21";
  const std::string html = render_html(sample_plan(), options);
  CHECK(html.rfind("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0) ==
        0);
  CHECK(count(html, "<title>") == 1);
  CHECK(html.substr(html.size() - 16) == "</body>\n</html>\n");
  CHECK(html.find("@page") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<input") == std::string::npos);
  // Header: the person, the date, the circumstances and the time.
  CHECK(html.find("<p class=\"date\">2026-11-21</p>") != std::string::npos);
  CHECK(html.find("<p class=\"profile\">age 70 · no floor work · Tennis ball · Osteoporosis · "
                  "beginner level · About 5 of your 10 minutes, moving between steps "
                  "included.</p>") != std::string::npos);
  // Urgent notices on top, general rules after them, then the steps.
  const auto urgent = html.find(
      "<li class=\"clearance\"><span class=\"label\">CLEARANCE</span> "
      "Osteoporosis: check first.</li>");
  const auto rule = html.find("<li>Breathe.</li>");
  const auto first_step = html.find("<div class=\"step\">");
  CHECK(urgent < rule);
  CHECK(rule < first_step);
  // One tick box per step, with its name, duration, dose, cues and why it stands in or changed.
  CHECK(count(html, "<span class=\"box\"></span>") == 2);
  CHECK(html.find("<p class=\"head\"><span class=\"box\"></span><span class=\"name\">1. Seated "
                  "cat-camel</span><span class=\"time\">30 s</span></p>\n"
                  "<p class=\"dose\">6 slow reps</p>\n"
                  "<ul class=\"cues\">\n<li>Sit tall.</li>\n<li>Move gently.</li>\n</ul>\n"
                  "<p class=\"note instead\"><b>Instead of Cat-camel</b> — see No floor "
                  "work</p>\n") != std::string::npos);
  CHECK(html.find("<p class=\"dose\">5, then 3, then 1 ten-second holds on each side, resting "
                  "30 s between rounds · Tennis ball</p>") != std::string::npos);
  CHECK(html.find("<p class=\"note changed\"><b>Holds shortened to 10 s</b> — see "
                  "Osteoporosis</p>") != std::string::npos);
  // Each reason once, with what it changed; what was left out, one line per reason.
  CHECK(html.find("<section class=\"changes\">\n<h2>What changed for you</h2>\n<ul>\n"
                  "<li><b>No floor work:</b> you can&#39;t get down to the floor; on the floor. "
                  "Step 1 is done another way; 1 exercise is left out.</li>\n"
                  "<li><b>Osteoporosis:</b> gentler. Holds shortened to 10 s in step 2.</li>\n"
                  "</ul>\n</section>\n") != std::string::npos);
  CHECK(html.find("<li>McGill curl-up — see No floor work</li>") != std::string::npos);
  CHECK(html.find("class=\"total\"") == std::string::npos);  // the header gives the length
  // The pain diary: a week of days from the handout's date, a pain row and a notes row.
  CHECK(html.find("<h2>Pain diary <span class=\"time\">· Sat 21 Nov to Fri 27 Nov</span></h2>") !=
        std::string::npos);
  CHECK(count(html, "<th scope=\"col\"><span class=\"weekday\">") == 7);
  CHECK(html.find("<span class=\"weekday\">Sat</span></th>") != std::string::npos);
  CHECK(html.find("<span class=\"weekday\">Fri</span></th>") != std::string::npos);
  CHECK(count(html, "<td></td>") == 14);
}

TEST_CASE("the HTML handout shows each step's figure under its name, and only its own") {
  const Plan plan = sample_plan();
  const FigureMarkup figures{{"seated-cat-camel", "<svg aria-hidden=\"true\"></svg>"},
                             {"bird-dog", "<svg class=\"not-in-the-plan\"></svg>"}};
  HandoutOptions options;
  options.figures = &figures;
  const std::string html = render_html(plan, options);
  // The cat-camel's figure right after its head line; the side plank has none in the set, so
  // none; the bird dog is not in the plan.
  const auto head = html.find("Seated cat-camel</span>");
  REQUIRE(head != std::string::npos);
  const auto end_of_head = html.find("</p>\n", head);
  const std::string want =
      "<div class=\"fig\"><svg aria-hidden=\"true\"></svg></div>\n<p class=\"dose\">";
  CHECK(html.substr(end_of_head + 5, want.size()) == want);
  CHECK(count(html, "<div class=\"fig\">") == 1);
  CHECK(html.find("not-in-the-plan") == std::string::npos);
  // Without figures (markdown, or a library without pose data), none.
  CHECK(render_html(plan, HandoutOptions{}).find("class=\"fig\"") == std::string::npos);
}

TEST_CASE("the HTML handout without a date has no date line and numbered diary days") {
  const std::string html = render_html(sample_plan(), HandoutOptions{});
  CHECK(html.find("class=\"date\"") == std::string::npos);
  CHECK(html.find("2026") == std::string::npos);
  CHECK(html.find("<th scope=\"col\"><span class=\"weekday\">Day 1</span></th>") !=
        std::string::npos);
  CHECK(html.find("<th scope=\"col\"><span class=\"weekday\">Day 7</span></th>") !=
        std::string::npos);
  CHECK(count(html, "<span class=\"weekday\">Day ") == 7);
}

TEST_CASE("the HTML handout leaves out the sections a plan does not have") {
  Plan plan = sample_plan();
  plan.notices = {{NoticeLevel::info, "Breathe."}};
  plan.omitted.clear();
  plan.profile.name.reset();
  const std::string html = render_html(plan, HandoutOptions{});
  CHECK(html.find("class=\"urgent\"") == std::string::npos);
  CHECK(html.find("Left out") == std::string::npos);
  CHECK(html.find("<h1>Daily back care</h1>") != std::string::npos);
  CHECK(html.find("<title>Daily back care</title>") != std::string::npos);
}

TEST_CASE("the pain diary's days run on across months and years") {
  const auto days = diary_days(std::string("2026-12-29"));
  CHECK(days[0].weekday == "Tue");
  CHECK(days[0].date == "29 Dec");
  CHECK(days[2].weekday == "Thu");
  CHECK(days[2].date == "31 Dec");
  CHECK(days[3].weekday == "Fri");
  CHECK(days[3].date == "1 Jan");
  CHECK(days[6].date == "4 Jan");
  const auto leap = diary_days(std::string("2024-02-28"));
  CHECK(leap[1].date == "29 Feb");
  CHECK(leap[1].weekday == "Thu");
  CHECK(leap[2].date == "1 Mar");
  const auto none = diary_days(std::nullopt);
  CHECK(none[0].weekday == "Day 1");
  CHECK(none[0].date == "");
  CHECK(none[6].weekday == "Day 7");
}

TEST_CASE("handout wording shared by both formats") {
  CHECK(notice_label(NoticeLevel::stop) == "STOP");
  CHECK(notice_label(NoticeLevel::clearance) == "CLEARANCE");
  CHECK(notice_label(NoticeLevel::notice) == "CHECK");
  CHECK(notice_label(NoticeLevel::info) == "NOTE");
  Plan plan = sample_plan();
  CHECK(title_line(make_view(plan), plain) == "Daily back care for Ann <B> & \"co\"");
  plan.profile.name.reset();
  CHECK(title_line(make_view(plan), plain) == "Daily back care");
  plan.profile.avoid = {"neck"};
  plan.profile.cleared = true;
  plan.profile.equipment.clear();
  CHECK(profile_summary(plan) ==
        "age 70 · no floor work · no tools · Osteoporosis · keep off: neck · cleared by a "
        "clinician · beginner level");
  // Held below the level asked for (a flare-up day): the header says so.
  plan.profile.level = Level::advanced;
  plan.profile.level_assumed = false;
  plan.profile.today = {Today::flare};
  CHECK(profile_summary(plan) ==
        "age 70 · no floor work · no tools · Osteoporosis · keep off: neck · cleared by a "
        "clinician · flare-up day · beginner level today (you chose advanced)");
  plan.profile.level = Level::standard;
  plan.profile.level_assumed = true;
  CHECK(profile_summary(plan).substr(profile_summary(plan).rfind(" · ")) ==
        " · beginner level today");
}

TEST_CASE("the HTML handout shows an exercise's first two cues and every cue a condition added") {
  Plan plan = sample_plan();
  Step& step = plan.phases[1].steps[0];
  step.cues = {"Start here.", "Then move.", "Keep safe.", "Fourth own cue.",
               "Added by a condition."};
  step.own_cues = 4;  // start, movement, a safety point, one more
  const std::string html = render_html(plan, HandoutOptions{});
  CHECK(html.find("<ul class=\"cues\">\n<li>Start here.</li>\n<li>Then move.</li>\n"
                  "<li>Added by a condition.</li>\n</ul>") != std::string::npos);
  CHECK(html.find("Keep safe.") == std::string::npos);
  CHECK(html.find("Fourth own cue.") == std::string::npos);
  // Markdown, like text, keeps every cue.
  CHECK(render_markdown(plan, HandoutOptions{}).find("Fourth own cue.") != std::string::npos);
  // The exercise's handout_cues choose: start, movement and its key safety point.
  step.handout_cues = {0, 1, 3};
  CHECK(render_html(plan, HandoutOptions{})
            .find("<ul class=\"cues\">\n<li>Start here.</li>\n<li>Then move.</li>\n"
                  "<li>Fourth own cue.</li>\n<li>Added by a condition.</li>\n</ul>") !=
        std::string::npos);
}

TEST_CASE("handouts word notices for the client; the terminal keeps the flag") {
  Plan plan = sample_plan();
  plan.notices = {
      {NoticeLevel::clearance, "Cancer: once they agree, run it again with --cleared."}};
  plan.handout_wording = {{"run it again with --cleared", "ask your clinician for your full plan"}};
  const HandoutView view = make_view(plan);
  CHECK(view.notices[0].text == "Cancer: once they agree, run it again with --cleared.");
  CHECK(view.notices[0].handout ==
        "Cancer: once they agree, ask your clinician for your full plan.");
  for (const std::string& out :
       {render_html(plan, HandoutOptions{}), render_markdown(plan, HandoutOptions{})}) {
    CHECK(out.find("--cleared") == std::string::npos);
    CHECK(out.find("ask your clinician for your full plan") != std::string::npos);
  }
}

TEST_CASE("a referral sheet says what was reported and what to do, in every format but JSON") {
  Referral r;
  r.person = "Ann <B>";
  r.reported = {{"Fever", "Call your doctor today."}};
  r.stop_if = {"Chest pain"};
  HandoutOptions options;
  options.date = "2026-11-21";
  CHECK(render_referral(r, Format::markdown, options) ==
        "# Please see a clinician before you start: Ann \\<B\\>\n\nDate: 2026-11-21\n\n"
        "No exercises for now: what you told us needs a clinician's check first.\n\n"
        "## What you reported\n\n- Fever\n\n## What to do\n\n"
        "- **Fever:** Call your doctor today.\n\n"
        "## Stop and get help at once if you have\n\n- Chest pain\n");
  const std::string html = render_referral(r, Format::html, options);
  CHECK(html.find("<h1>Please see a clinician before you start: Ann &lt;B&gt;</h1>") !=
        std::string::npos);
  CHECK(html.find("<li><strong>Fever:</strong> Call your doctor today.</li>") != std::string::npos);
  CHECK(html.find("<main>") != std::string::npos);
  CHECK(html.find("Seen by (name, role)") != std::string::npos);
  CHECK(render_referral(r, Format::text, options)
            .find("What to do\n  - Fever: Call your doctor "
                  "today.\n") != std::string::npos);
  CHECK(render_referral(r, Format::json, options).empty());
}

TEST_CASE("the HTML handout has one main landmark and no empty header cell") {
  const std::string html = render_html(sample_plan(), HandoutOptions{});
  CHECK(html.find("</header>\n<main>\n") != std::string::npos);
  CHECK(html.find("</main>\n</body>") != std::string::npos);
  CHECK(html.find("<th scope=\"col\"></th>") == std::string::npos);
  CHECK(html.find("<thead><tr><td class=\"corner\"></td>") != std::string::npos);
}

TEST_CASE("the handouts list the emergency signs first, escaped") {
  Plan plan = testing::sample_plan();
  plan.stop_if = {"Chest pain", "A <sign> & *more*"};
  const std::string md = render_markdown(plan, HandoutOptions{});
  CHECK(md.find("## Stop and get help at once if you have\n\n"
                "- Chest pain\n"
                "- A \\<sign\\> & \\*more\\*\n") != std::string::npos);
  const std::string html = render_html(plan, HandoutOptions{});
  CHECK(html.find("<section class=\"stop-if\"><p><strong>Stop and get help at once if you "
                  "have:</strong> Chest pain · A &lt;sign&gt; &amp; *more*.</p></section>") !=
        std::string::npos);
  CHECK(html.find("class=\"stop-if\"") < html.find("class=\"flow\""));
}

TEST_CASE("the clinic's fields are printed on both handouts, escaped, only when given") {
  const Plan plan = sample_plan();
  HandoutOptions options;
  CHECK(render_html(plan, options).find("class=\"clinic\"") == std::string::npos);
  options.clinic.clinic = "Riverside <Physio>";
  options.clinic.clinician = "Sam Lee";
  options.clinic.review_date = "2026-12-05";
  options.clinic.note = "Go easy on the *left* side.";
  const std::string html = render_html(plan, options);
  CHECK(html.find("<p class=\"clinic\">From: Riverside &lt;Physio&gt; · Sam Lee<br>Next review: "
                  "2026-12-05<br>Note: Go easy on the *left* side.</p>\n</header>") !=
        std::string::npos);
  const std::string md = render_markdown(plan, options);
  CHECK(md.find("From: Riverside \\<Physio\\> · Sam Lee\n\nNext review: 2026-12-05\n\n"
                "Note: Go easy on the \\*left\\* side.\n") != std::string::npos);
}
