// The progress report: one printable page (A4 or Letter) for a clinician's visit — the pain
// chart, the level changes with their reasons, the sessions per week, the functional measures
// and the PSFS ratings. Its chart alone is the SVG format.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "render/history.h"
#include "render/history_view.h"
#include "render/html_page.h"
#include "text/escape.h"

namespace backplan {

namespace {

// The report's own rules, on top of the sheets' style (render/html_page.h).
constexpr const char* kReportStyle = R"css(
.chart { margin-bottom: 2mm; }
.chart svg { display: block; width: 100%; height: auto; }
.data { width: 100%; border-collapse: collapse; }
.data th, .data td { border-bottom: 0.75pt solid #000; padding: 0.5mm 1.2mm 0.5mm 0;
  text-align: left; vertical-align: top; }
.data thead th { font-weight: bold; }
.data .n { text-align: right; }
.flow section { break-inside: avoid; page-break-inside: avoid; }
.levels { margin: 0; padding-left: 6mm; }
.levels li + li { margin-top: 0.8mm; }
.more { font-style: italic; margin-top: 0.8mm; }
.data .when { display: block; }
)css";

// At most this many rows of each list, so the report stays one page; the rest is said in a line.
constexpr std::size_t kMaxChanges = 10;
constexpr std::size_t kMaxWeeks = 8;

// The chart's geometry, in the SVG's own units (640 wide; 13 units is about 11 pt on a page).
constexpr double kWidth = 640, kLeft = 62, kRight = 632, kTop = 24, kBottom = 250;
constexpr double kBarTop = 256, kBarHeight = 16, kDatesY = 290, kLegendY = 316, kHeight = 326;

std::string num(double v) {
  return fmt::format("{:.1f}", v);
}

double pain_y(int pain) {
  return kBottom - (kBottom - kTop) * pain / 10.0;
}

std::string marker(char kind, double x, double y) {
  switch (kind) {
    case 'b':
      return fmt::format(
          "<circle cx=\"{}\" cy=\"{}\" r=\"3.6\" fill=\"#fff\" stroke=\"#1b5e9e\" "
          "stroke-width=\"1.6\"/>",
          num(x), num(y));
    case 'd':
      return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" fill=\"#b3261e\"/>",
                         num(x - 3.5), num(y - 3.5));
    default:
      return fmt::format(
          "<path d=\"M{} {}l4.2 7.4h-8.4z\" fill=\"#fff\" stroke=\"#222\" "
          "stroke-width=\"1.4\"/>",
          num(x), num(y - 4.6));
  }
}

struct Series {
  char kind;
  const char* stroke;
  const char* width;
  const char* dash;
  const char* label;
};
constexpr Series kSeries[] = {
    {'b', "#1b5e9e", "2", "", "pain before"},
    {'d', "#b3261e", "2.4", "7 3", "during (highest)"},
    {'m', "#222", "1.6", "2 3", "next morning"},
};

std::optional<int> HistoryDay::*series_value(char kind) {
  return kind == 'b'   ? &HistoryDay::before
         : kind == 'd' ? &HistoryDay::during
                       : &HistoryDay::morning;
}

// The pain chart: pain before, during and the next morning over the range, the level changes as
// numbered dashed lines, and the sessions as bars under the axis.
std::string pain_chart(const HistoryView& view, bool standalone) {
  const int days = view.range_days();
  const int per = days <= 120 ? 1 : days <= 840 ? 7 : 28;  // days per point
  const std::vector<HistoryDay> buckets = group_days(view.days, per);
  const double step =
      (kRight - kLeft) / static_cast<double>(std::max<std::size_t>(1, buckets.size()));
  auto x_of = [&](std::size_t i) { return kLeft + step * (static_cast<double>(i) + 0.5); };

  const std::string title = fmt::format("Pain before, during and the next morning, {} to {}",
                                        short_date(view.since), long_date(view.until));
  std::string desc = sessions_summary(view) + ".";
  if (!view.changes.empty())
    desc += fmt::format(" {} level changes, marked by numbered dashed lines.", view.changes.size());
  if (per > 1) desc += fmt::format(" Each point is the highest pain logged in {} days.", per);

  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  line(fmt::format(
      "<svg{} viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"pain-title pain-desc\" "
      "font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"13\">",
      standalone ? fmt::format(" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\"",
                               kWidth, kHeight)
                 : "",
      kWidth, kHeight));
  line(fmt::format("<title id=\"pain-title\">{}</title>", html_escape(title)));
  line(fmt::format("<desc id=\"pain-desc\">{}</desc>", html_escape(desc)));
  if (standalone)
    line(fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#fff\"/>", kWidth, kHeight));
  // The 0-10 scale.
  for (int v = 0; v <= 10; v += 2) {
    const double y = pain_y(v);
    line(fmt::format(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>", kLeft,
        kRight, num(y), num(y), v == 0 ? "#000" : "#bbb", v == 0 ? "1.2" : "0.6"));
    line(fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", kLeft - 6,
                     num(y + 4.5), v));
  }
  // Level changes: a dashed line and the change's number.
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    if (buckets[i].changes.empty()) continue;
    const double x = x_of(i);
    line(
        fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#000\" "
                    "stroke-width=\"1\" stroke-dasharray=\"4 3\"/>",
                    num(x), kTop - 6, kBottom));
    std::vector<std::string> numbers;
    for (int n : buckets[i].changes) numbers.push_back(std::to_string(n));
    const std::string label = buckets[i].changes.size() > 2
                                  ? fmt::format("{}–{}", numbers.front(), numbers.back())
                                  : fmt::format("{}", fmt::join(numbers, ","));
    line(
        fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>",
                    num(x), kTop - 10, label));
  }
  // The three series: a line through the points, and a marker on each when there is room.
  const bool markers = buckets.size() <= 62;
  for (const Series& s : kSeries) {
    std::vector<std::string> points;
    std::string marks;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
      const auto& value = buckets[i].*series_value(s.kind);
      if (!value) continue;
      points.push_back(num(x_of(i)) + "," + num(pain_y(*value)));
      if (markers) marks += marker(s.kind, x_of(i), pain_y(*value));
    }
    if (points.size() > 1) {
      line(fmt::format(
          "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{} points=\"{}\"/>", s.stroke,
          s.width, *s.dash ? fmt::format(" stroke-dasharray=\"{}\"", s.dash) : "",
          fmt::join(points, " ")));
    }
    if (!marks.empty()) line(marks);
    if (!markers && points.size() == 1) line(marker(s.kind, x_of(0), pain_y(0)));
  }
  // Sessions: a bar per point, as tall as its sessions (the most in one point is full height).
  int most = 1;
  for (const HistoryDay& b : buckets) most = std::max(most, b.sessions);
  std::string bars;
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    if (buckets[i].sessions == 0) continue;
    const double h = kBarHeight * buckets[i].sessions / most;
    const double w = std::max(1.0, std::min(step * 0.7, 10.0));
    bars += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#666\"/>",
                        num(x_of(i) - w / 2), num(kBarTop + kBarHeight - h), num(w), num(h));
  }
  line(fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\">sessions</text>",
                   kLeft - 2, kBarTop + 12));
  if (!bars.empty()) line(bars);
  // Dates: at most seven, evenly spread, the first and the last always.
  const std::size_t n = buckets.size();
  const std::size_t every = std::max<std::size_t>(1, (n + 5) / 6);
  for (std::size_t i = 0; i < n; i += every) {
    const CivilDate& d = buckets[i].date;
    const std::string text =
        per >= 28 ? fmt::format("{} {}", short_date(d).substr(short_date(d).find(' ') + 1), d.year)
                  : short_date(d);
    const bool last = i + every >= n;
    line(fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>", num(x_of(i)), kDatesY,
                     i == 0 && n > 1 ? "start"
                     : last && n > 1 ? "end"
                                     : "middle",
                     text));
    if (last) break;
  }
  // The legend.
  double x = kLeft;
  for (const Series& s : kSeries) {
    line(fmt::format(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
        num(x), num(x + 24), kLegendY - 4, kLegendY - 4, s.stroke, s.width,
        *s.dash ? fmt::format(" stroke-dasharray=\"{}\"", s.dash) : ""));
    line(marker(s.kind, x + 12, kLegendY - 4));
    line(fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", num(x + 29), kLegendY, s.label));
    x += 29 + 7 * std::string(s.label).size() + 18;
  }
  line(
      fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#000\" "
                  "stroke-dasharray=\"4 3\"/>",
                  num(x + 4), kLegendY - 12, kLegendY + 2));
  line(fmt::format("<text x=\"{}\" y=\"{}\">level change</text>", num(x + 10), kLegendY));
  line("</svg>");
  return out;
}

std::string series_row(const HistorySeries& s) {
  auto cell = [&](const HistoryPoint& p) {
    return fmt::format("{}{}{} <span class=\"when\">{}</span>", format_number(p.value),
                       s.unit == "/10" ? "" : " ", s.unit, short_date(p.date));
  };
  return fmt::format(
      "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
      html_escape(s.name), cell(s.points.front()), cell(s.points.back()), s.points.size());
}

}  // namespace

std::string render_history_svg(const Diary& diary, const HistoryOptions& options) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
         pain_chart(make_history_view(diary, options), true);
}

std::string render_history_html(const Diary& diary, const HistoryOptions& options) {
  const HistoryView view = make_history_view(diary, options);
  auto* const h = &html_escape;
  const std::string title = "Back-care progress report";
  std::string out = page_head(title, kReportStyle);
  auto line = [&](const std::string& s) { out += s + "\n"; };
  line("<header>");
  line(fmt::format("<h1>{}</h1>", title));
  if (!diary.sessions.empty()) {
    line(fmt::format("<p class=\"date\">{} to {}</p>", short_date(view.since),
                     long_date(view.until)));
  }
  std::string summary =
      view.sessions.empty() ? no_sessions_line(diary, view) : sessions_summary(view);
  if (!view.changes.empty()) {
    summary += fmt::format(" · {} level change{}", view.changes.size(),
                           view.changes.size() == 1 ? "" : "s");
  }
  line(fmt::format("<p class=\"profile\">{}</p>", h(summary)));
  line("</header>");
  line("<main>");
  if (view.sessions.empty()) {
    line(
        "<p>Each session logged with backplan log shows here: the pain before, during and the "
        "next morning, the sessions per week, and every change of level with its reason.</p>");
    line("</main>");
    line("</body>");
    line("</html>");
    return out;
  }
  line("<section class=\"chart\">");
  line("<h2>Pain, 0 (none) to 10 (the worst)</h2>");
  out += pain_chart(view, false);
  line("</section>");
  line("<div class=\"flow\">");

  line("<section class=\"level-changes\">");
  line("<h2>Level changes</h2>");
  if (view.changes.empty()) {
    line("<p>None in these weeks: the routine stayed at the same level.</p>");
  } else {
    line("<ol class=\"levels\">");
    const std::size_t from =
        view.changes.size() > kMaxChanges ? view.changes.size() - kMaxChanges : 0;
    for (std::size_t i = from; i < view.changes.size(); ++i) {
      const HistoryChange& c = view.changes[i];
      line(fmt::format("<li value=\"{}\"><b>{}:</b> {}</li>", c.number, short_date(c.date),
                       h(c.text)));
    }
    line("</ol>");
    if (from > 0)
      line(fmt::format("<p class=\"more\">{} earlier changes are in the diary.</p>", from));
  }
  line("</section>");

  line("<section class=\"weeks\">");
  line("<h2>Sessions per week</h2>");
  line(
      "<table class=\"data\"><thead><tr><th scope=\"col\">Week from</th><th scope=\"col\" "
      "class=\"n\">Sessions</th><th scope=\"col\" class=\"n\">Days</th></tr></thead><tbody>");
  const std::size_t first_week = view.weeks.size() > kMaxWeeks ? view.weeks.size() - kMaxWeeks : 0;
  for (std::size_t i = first_week; i < view.weeks.size(); ++i) {
    const HistoryWeek& w = view.weeks[i];
    line(fmt::format("<tr><td>{} {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                     weekday_name(w.start), short_date(w.start), w.sessions, w.days));
  }
  line("</tbody></table>");
  if (first_week > 0) {
    int earlier = 0;
    for (std::size_t i = 0; i < first_week; ++i) earlier += view.weeks[i].sessions;
    line(fmt::format(
        "<p class=\"more\">{} earlier weeks: {} sessions, {} a week.</p>", first_week, earlier,
        format_number(std::round(10.0 * earlier / static_cast<double>(first_week)) / 10)));
  }
  line("</section>");

  auto series_table = [&](const char* cls, const char* heading, const char* what,
                          const std::vector<HistorySeries>& series) {
    line(fmt::format("<section class=\"{}\">", cls));
    line(fmt::format("<h2>{}</h2>", heading));
    line(fmt::format(
        "<table class=\"data\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">First</th>"
        "<th scope=\"col\">Latest</th><th scope=\"col\" class=\"n\">Times</th></tr></thead><tbody>",
        what));
    for (const HistorySeries& s : series) line(series_row(s));
    line("</tbody></table>");
    line("</section>");
  };
  if (!view.measures.empty())
    series_table("measures", "Functional measures", "Measure", view.measures);
  if (!view.goals.empty())
    series_table("psfs", "Activities rated 0 (cannot) to 10 (as before)", "Activity", view.goals);
  line("</div>");
  line("</main>");
  line("</body>");
  line("</html>");
  return out;
}

std::string render_history(const Diary& diary, HistoryFormat format,
                           const HistoryOptions& options) {
  switch (format) {
    case HistoryFormat::text:
      return render_history_text(diary, options);
    case HistoryFormat::csv:
      return render_history_csv(diary, options);
    case HistoryFormat::json:
      return render_history_json(diary, options);
    case HistoryFormat::html:
      return render_history_html(diary, options);
    case HistoryFormat::svg:
      return render_history_svg(diary, options);
  }
  return {};
}

std::optional<HistoryFormat> history_format_for_file(const std::string& path) {
  const auto dot = path.find_last_of("./");
  if (dot == std::string::npos || path[dot] != '.') return std::nullopt;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "txt") return HistoryFormat::text;
  if (ext == "csv") return HistoryFormat::csv;
  if (ext == "json") return HistoryFormat::json;
  if (ext == "html" || ext == "htm") return HistoryFormat::html;
  if (ext == "svg") return HistoryFormat::svg;
  return std::nullopt;
}

}  // namespace backplan
