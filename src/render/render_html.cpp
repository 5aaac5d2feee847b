#include "render/render_html.h"

#include <fmt/format.h>

#include <algorithm>

#include "render/html_page.h"
#include "render/view.h"
#include "text/escape.h"

namespace backplan {

namespace {

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
  line(fmt::format("<style>{}</style>", kSheetStyle));
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
      // The figure under the name, floating right of the dose and the cues.
      if (options.figures) {
        if (auto it = options.figures->find(s.id); it != options.figures->end())
          out += "<div class=\"fig\">" + it->second + "</div>\n";
      }
      line(fmt::format("<p class=\"dose\">{}</p>", dose_line(s, h)));
      // A handout is a reminder sheet: the exercise's handout cues (where to start, the
      // movement, its key safety point: backplan-routines(5), "handout_cues"), run on in one
      // paragraph, and every cue a condition added (those carry safety, and stay in a brief one
      // too). The text and Markdown forms have them all.
      const std::vector<std::string> cues = printed_cues(s, options.brief);
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

  // The time budget's leaving steps out is said under "Left out" alone.
  std::vector<const ChangeView*> changes;
  for (const auto& c : view.changes) {
    if (c.kind != CauseKind::time || !c.only_omits) changes.push_back(&c);
  }
  if (!options.brief && !changes.empty()) {
    line("<section class=\"changes\">");
    line(fmt::format("<h2>{}</h2>", kChangesTitle));
    line("<ul>");
    for (const ChangeView* c : changes) {
      line(fmt::format("<li>{}</li>", change_line(*c, h, "<b>", "</b>")));
    }
    line("</ul>");
    line("</section>");
  }
  if (!options.brief && !view.omitted.empty()) {
    line("<section class=\"left-out\">");
    line("<h2>Left out</h2>");
    line("<ul>");
    for (const auto& o : view.omitted) {
      line(fmt::format("<li>{}</li>", o.kind == CauseKind::time ? left_out_count_line(o, h)
                                                                : left_out_line(o, h)));
    }
    line("</ul>");
    line("</section>");
  }
  if (!options.brief && !view.help.empty()) {
    line("<section class=\"help\">");
    line(fmt::format("<h2>{}</h2>", kHelpTitle));
    line(fmt::format("<p>{}</p>", h(view.help)));
    line("</section>");
  }
  // No total line: the header gives the session's length, and the page needs the room.

  // The pain diary closes the second column: a week of 0-10 ratings and notes.
  const auto days = diary_days(options.date);
  std::string span;
  if (options.date)
    span = fmt::format(" <span class=\"time\">· {} {} to {} {}</span>", h(days.front().weekday),
                       h(days.front().date), h(days.back().weekday), h(days.back().date));
  line("<section class=\"diary\">");
  line("<h2>Pain diary" + span + "</h2>");
  line("<table>");
  // The corner cell heads nothing, so it is a plain cell (an empty header confuses screen
  // readers).
  std::string head = "<thead><tr><td class=\"corner\"></td>";
  for (const auto& day : days) {
    // Narrow cells, one line: the weekday (the heading gives the days' dates).
    head += fmt::format("<th scope=\"col\"><span class=\"weekday\">{}</span></th>", h(day.weekday));
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
