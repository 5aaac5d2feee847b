#include "render/render_html.h"

#include <fmt/format.h>

#include <algorithm>

#include "render/view.h"
#include "text/escape.h"

namespace backplan {

// How many of an exercise's own cues a printed handout shows: the first two, where to start and
// the movement (backplan-routines(5), "cues"); the safety cues conditions add are all printed.
// Three (with the exercise's own key safety point) do not fit the default plan on one Letter
// page at 11 pt.
constexpr std::size_t kHandoutCues = 2;

namespace {

// The page's look. Nothing is smaller than 11 pt, so the sheet can be read at arm's length.
// No paper size is forced: the margins suit both A4 and US Letter, so the page prints on
// whatever paper the printer holds without scaling. Steps are never split across a page or a
// column; the pain diary stays in one piece.
constexpr const char* kStyle = R"css(
@page { margin: 8mm 9mm 11mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
    font: 11pt sans-serif; } }
* { box-sizing: border-box; }
html { font-size: 11pt; }
body {
  margin: 0; color: #000; background: #fff;
  font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans Condensed", sans-serif;
  font-size: 11pt; line-height: 1.06;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 8mm; } }
h1, h2, p, ul, table { margin: 0; }
ul { padding: 0; list-style: none; }
header { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 4mm;
  border-bottom: 1.5pt solid #000; padding-bottom: 1mm; margin-bottom: 2.5mm; }
h1 { font-size: 18pt; line-height: 1.15; flex: 1 1 auto; }
header .date { font-size: 14pt; font-weight: bold; }
header .profile, header .practice, header .clinic { flex-basis: 100%; }
.urgent { border: 2pt solid #000; padding: 1.5mm 2.5mm; margin-bottom: 2.5mm; }
.stop-if { border: 2pt solid #000; padding: 1mm 2.5mm; margin-bottom: 2mm; }
.stop-if p { margin: 0; }
.urgent li + li { margin-top: 1mm; }
.label { font-weight: bold; letter-spacing: 0.04em; }
.flow { columns: 2; column-gap: 5mm; column-rule: 0.5pt solid #888; }
h2 { font-size: 13pt; border-bottom: 0.75pt solid #000; margin: 0 0 1.2mm;
  break-after: avoid; page-break-after: avoid; }
h2 .time { font-weight: normal; }
section + section { margin-top: 2mm; }
.rules li, .left-out li, .changes li, .cues li { padding-left: 3.2mm; text-indent: -3.2mm; }
.rules li::before, .left-out li::before, .changes li::before, .cues li::before {
  content: "\2022\00a0"; }
.rules li + li { margin-top: 0.4mm; }
.step { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1mm; }
.step .head { display: flex; align-items: baseline; gap: 1.5mm; font-size: 12pt;
  font-weight: bold; }
.step .head .name { flex: 1 1 auto; }
.step .head .time { font-weight: normal; white-space: nowrap; }
.box { display: inline-block; flex: none; width: 3.8mm; height: 3.8mm;
  border: 1.2pt solid #000; align-self: flex-start; margin-top: 0.6mm; }
.step .dose, .step .cues, .step .note { margin-left: 5.3mm; }
.step .dose, .step .note { font-style: italic; }
.step .cues li { display: inline; padding: 0; text-indent: 0; }
.step .cues li::before { content: none; }
.step .cues li + li::before { content: "\2022\00a0"; }
.diary { margin-top: 2mm; break-inside: avoid; page-break-inside: avoid; }
.diary table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.diary th, .diary td { border: 0.75pt solid #000; padding: 0.6mm 1.2mm; text-align: left;
  vertical-align: top; }
.diary thead th { font-weight: normal; }
.diary thead .weekday { font-weight: bold; }
.diary tbody th, .diary thead .corner { width: 21mm; }
.diary tr.pain td { height: 6mm; }
.diary tr.notes td { height: 8.5mm; }
.total { margin-top: 2mm; font-weight: bold; }
.held p { font-size: 12pt; line-height: 1.3; }
.referral { margin-bottom: 3mm; }
.referral li { font-size: 12pt; line-height: 1.3; }
.referral li + li { margin-top: 1.5mm; }
.sign { width: 100%; margin-top: 5mm; border-collapse: collapse; }
.sign th { width: 55mm; text-align: left; font-weight: normal; padding: 3mm 2mm 1mm 0; }
.sign td { border-bottom: 0.75pt solid #000; height: 11mm; }
)css";

// The page up to <body>: the document head with the sheet's style.
std::string page_head(const std::string& title) {
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
      title, kStyle);
}

// The emergency signs in one paragraph, so a sheet stays on one page.
std::string stop_if_section(const std::vector<std::string>& stop_if) {
  std::vector<std::string> signs;
  for (const auto& sign : stop_if) signs.push_back(html_escape(sign));
  return fmt::format("<section class=\"stop-if\"><p><strong>{}:</strong> {}.</p></section>",
                     kStopIfTitle, fmt::join(signs, " · "));
}

}  // namespace

std::string render_referral_html(const Referral& r, const HandoutOptions& options) {
  const Escape h = html_escape;
  const std::string title =
      std::string(kReferralTitle) + (r.person ? ": " + h(*r.person) : std::string());
  std::string out = page_head(title);
  auto line = [&](const std::string& s) { out += s + "\n"; };
  line("<header>");
  line(fmt::format("<h1>{}</h1>", title));
  if (options.date) line(fmt::format("<p class=\"date\">{}</p>", h(*options.date)));
  line(
      "<p class=\"profile\">No exercises for now: what you told us needs a clinician's check "
      "first.</p>");
  if (const auto lines = clinic_lines(options.clinic, h); !lines.empty()) {
    line(fmt::format("<p class=\"clinic\">{}</p>", fmt::join(lines, "<br>")));
  }
  line("</header>");
  line("<main>");
  line("<section class=\"urgent referral\">");
  line("<h2>What you reported</h2>");
  line("<ul>");
  for (const auto& f : r.reported) line(fmt::format("<li>{}</li>", h(f.name)));
  line("</ul>");
  line("</section>");
  line("<section class=\"referral\">");
  line("<h2>What to do</h2>");
  line("<ul class=\"rules\">");
  for (const auto& f : r.reported) {
    line(fmt::format("<li><strong>{}:</strong> {}</li>", h(f.name), h(f.what_to_do)));
  }
  line("</ul>");
  line("</section>");
  if (!r.stop_if.empty()) line(stop_if_section(r.stop_if));
  // Room for the clinician who sees them, so the sheet can come back with their answer.
  line("<section class=\"held\">");
  line("<h2>For the clinician</h2>");
  line("<table class=\"sign\"><tbody>");
  line("<tr><th scope=\"row\">Seen by (name, role)</th><td></td></tr>");
  line("<tr><th scope=\"row\">Date</th><td></td></tr>");
  line("<tr><th scope=\"row\">Back-care routine: yes, no, or later</th><td></td></tr>");
  line("</tbody></table>");
  line("</section>");
  line("</main>");
  line("</body>");
  line("</html>");
  return out;
}

std::string render_html(const Plan& plan, const HandoutOptions& options) {
  const HandoutView view = make_view(plan);
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  const Escape h = html_escape;

  line("<!doctype html>");
  line("<html lang=\"en\">");
  line("<head>");
  line("<meta charset=\"utf-8\">");
  line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
  const std::string title = title_line(view, h);
  line(fmt::format("<title>{}</title>", title));
  line(fmt::format("<style>{}</style>", kStyle));
  line("</head>");
  line("<body>");

  line("<header>");
  line(fmt::format("<h1>{}</h1>", title));
  if (options.date) line(fmt::format("<p class=\"date\">{}</p>", h(*options.date)));
  line(view.about.empty()
           ? fmt::format("<p class=\"profile\">{}</p>", h(view.summary))
           : fmt::format("<p class=\"profile\">{} · {}</p>", h(view.summary), view.about));
  if (!view.practice.empty()) line(fmt::format("<p class=\"practice\">{}</p>", h(view.practice)));
  // Who gave the sheet, when to come back, and a note for this person.
  if (const auto lines = clinic_lines(options.clinic, h); !lines.empty()) {
    line(fmt::format("<p class=\"clinic\">{}</p>", fmt::join(lines, "<br>")));
  }
  line("</header>");
  // Everything after the header is the page's one main landmark, so a screen reader can jump
  // to it and nothing sits outside a landmark.
  line("<main>");

  // The emergency signs first, in one paragraph so the sheet stays one page.
  if (!view.stop_if.empty()) line(stop_if_section(view.stop_if));

  // The urgent notices (stop, clearance, check) across the top; the general rules (info) open
  // the columns.
  std::vector<const NoticeView*> urgent;
  std::vector<const NoticeView*> rules;
  for (const auto& n : view.notices) (n.level == NoticeLevel::info ? rules : urgent).push_back(&n);
  if (!urgent.empty()) {
    line("<section class=\"urgent\">");
    line("<ul>");
    for (const NoticeView* n : urgent) {
      line(fmt::format("<li class=\"{}\"><span class=\"label\">{}</span> {}</li>",
                       to_string(n->level), n->label, h(n->handout)));
    }
    line("</ul>");
    line("</section>");
  }

  // A plan on hold is a one-page sheet for the clinician's visit: what waits and why.
  if (!view.held.empty()) {
    line("<section class=\"held\">");
    line(fmt::format("<h2>{}</h2>", kHeldTitle));
    line(fmt::format("<p>{}</p>", h(view.held)));
    // Room for the clinician's answer, so the sheet can come back signed.
    line("<table class=\"sign\"><tbody>");
    line("<tr><th scope=\"row\">Cleared by (name, role)</th><td></td></tr>");
    line("<tr><th scope=\"row\">Date</th><td></td></tr>");
    line("<tr><th scope=\"row\">Anything to leave out</th><td></td></tr>");
    line("</tbody></table>");
    line("</section>");
    line("</main>");
    line("</body>");
    line("</html>");
    return out;
  }

  line("<div class=\"flow\">");
  if (!rules.empty()) {
    line("<section class=\"rules\">");
    line("<h2>Before you start</h2>");
    line("<ul>");
    for (const NoticeView* n : rules) line(fmt::format("<li>{}</li>", h(n->handout)));
    line("</ul>");
    line("</section>");
  }

  for (const auto& phase : view.phases) {
    line(fmt::format("<section class=\"phase {}\">", to_string(phase.id)));
    line(fmt::format("<h2>{} <span class=\"time\">· {}</span></h2>", h(phase.title), phase.time));
    for (const auto& s : phase.steps) {
      line("<div class=\"step\">");
      line(fmt::format(
          "<p class=\"head\"><span class=\"box\"></span><span class=\"name\">{}. {}</span>"
          "<span class=\"time\">{}</span></p>",
          s.number, h(s.name), s.time));
      line(fmt::format("<p class=\"dose\">{}</p>", dose_line(s, h)));
      // A handout is a reminder sheet: the exercise's first cues (start, movement), run on in
      // one paragraph, and every cue a condition added (those carry safety, and stay in a brief
      // one too). The text and Markdown forms have them all.
      const std::size_t own = options.brief ? 0 : std::min(s.own_cues, kHandoutCues);
      std::vector<std::string> cues;
      for (std::size_t i = 0; i < s.cues.size(); ++i) {
        if (i < own || i >= s.own_cues) cues.push_back(s.cues[i]);
      }
      if (!cues.empty()) {
        line("<ul class=\"cues\">");
        for (const auto& cue : cues) line(fmt::format("<li>{}</li>", h(cue)));
        line("</ul>");
      }
      if (options.brief) {
        line("</div>");
        continue;
      }
      if (s.replaces) {
        line(fmt::format("<p class=\"note instead\">{}</p>", instead_line(s, h, "<b>", "</b>")));
      }
      if (!s.changes.empty()) {
        line(fmt::format("<p class=\"note changed\">{}</p>", changed_line(s, h, "<b>", "</b>")));
      }
      line("</div>");
    }
    line("</section>");
  }

  if (!options.brief && !view.changes.empty()) {
    line("<section class=\"changes\">");
    line(fmt::format("<h2>{}</h2>", kChangesTitle));
    line("<ul>");
    for (const auto& c : view.changes)
      line(fmt::format("<li>{}</li>", change_line(c, h, "<b>", "</b>")));
    line("</ul>");
    line("</section>");
  }
  if (!options.brief && !view.omitted.empty()) {
    line("<section class=\"left-out\">");
    line("<h2>Left out</h2>");
    line("<ul>");
    for (const auto& o : view.omitted) line(fmt::format("<li>{}</li>", left_out_line(o, h)));
    line("</ul>");
    line("</section>");
  }
  if (!options.brief && !view.help.empty()) {
    line("<section class=\"help\">");
    line(fmt::format("<h2>{}</h2>", kHelpTitle));
    line(fmt::format("<p>{}</p>", h(view.help)));
    line("</section>");
  }
  line(fmt::format("<p class=\"total\">{}</p>", view.total));

  // The pain diary closes the second column: a week of 0-10 ratings and notes.
  const auto days = diary_days(options.date);
  std::string span;
  if (options.date)
    span = fmt::format(" <span class=\"time\">· {} to {}</span>", h(days.front().date),
                       h(days.back().date));
  line("<section class=\"diary\">");
  line("<h2>Pain diary" + span + "</h2>");
  line("<table>");
  // The corner cell heads nothing, so it is a plain cell (an empty header confuses screen
  // readers).
  std::string head = "<thead><tr><td class=\"corner\"></td>";
  for (const auto& day : days) {
    // Narrow cells: the weekday over the day of the month (the month is in the heading).
    const std::string number = day.date.substr(0, day.date.find(' '));
    head += fmt::format("<th scope=\"col\"><span class=\"weekday\">{}</span>{}</th>",
                        h(day.weekday), number.empty() ? "" : "<br>" + h(number));
  }
  line(head + "</tr></thead>");
  line("<tbody>");
  const std::string blanks = "<td></td><td></td><td></td><td></td><td></td><td></td><td></td>";
  line("<tr class=\"pain\"><th scope=\"row\">Pain /10</th>" + blanks + "</tr>");
  line("<tr class=\"notes\"><th scope=\"row\">Notes</th>" + blanks + "</tr>");
  line("</tbody>");
  line("</table>");
  line("</section>");
  line("</div>");
  line("</main>");
  line("</body>");
  line("</html>");
  return out;
}

}  // namespace backplan
