#include "render/batch_index.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/handout.h"
#include "text/escape.h"
#include "text/wrap.h"

namespace backplan {

namespace {

using json = nlohmann::ordered_json;

std::string plural(long n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

bool has_file(const IndexEntry& e) {
  return !e.file.empty();
}

// "CHECK: Osteoporosis: ..." in full, or "CHECK: Osteoporosis (as for line 3)" when an entry
// above gives it; `escape` makes each piece literal.
std::string notice_line(const IndexEntry& e, std::size_t i,
                        std::string (*escape)(const std::string&)) {
  const Notice& n = e.notices[i];
  const int above = i < e.same_as.size() ? e.same_as[i] : 0;
  const std::size_t colon = n.text.find(": ");
  if (above == 0 || colon == std::string::npos) {
    return fmt::format("{}: {}", notice_label(n.level), escape(n.text));
  }
  return fmt::format("{}: {} (as for line {})", notice_label(n.level),
                     escape(n.text.substr(0, colon)), above);
}

std::string as_is(const std::string& text) {
  return text;
}

const char* status_name(IndexStatus status) {
  switch (status) {
    case IndexStatus::handout:
      return "handout";
    case IndexStatus::held:
      return "held";
    case IndexStatus::referred:
      return "referred";
    case IndexStatus::skipped:
      return "skipped";
  }
  return "skipped";
}

// ---- JSON ------------------------------------------------------------------------------------
// The document is nlohmann's dump(2) layout of {fields..., "clients": [entry, ...]} except that
// each client is one line: every key and value is dumped by nlohmann; only the braces, commas
// and indentation are written here, so that the clients can be streamed between head and foot.

std::string json_head(const IndexInfo& info, const IndexTotals& totals) {
  const json fields = {{"format", "backplan-batch-1"},
                       {"roster", info.roster},
                       {"date", info.date ? json(*info.date) : json()},
                       {"handouts", totals.handouts},
                       {"held", totals.held},
                       {"referred", totals.referred},
                       {"skipped", totals.skipped}};
  std::string out = "{";
  for (const auto& [key, value] : fields.items()) {
    out += fmt::format("\n  {}: {},", json(key).dump(), value.dump());
  }
  return out + fmt::format("\n  {}: [", json("clients").dump());
}

std::string json_entry(const IndexEntry& e, bool first) {
  json notices = json::array();
  for (const auto& n : e.notices) {
    notices.push_back({{"level", std::string(to_string(n.level))}, {"text", n.text}});
  }
  const json entry = {{"line", e.line},
                      {"name", e.name ? json(*e.name) : json()},
                      {"status", status_name(e.status)},
                      {"file", has_file(e) ? json(e.file) : json()},
                      {"notices", notices},
                      {"problems", e.problems}};
  return (first ? "\n    " : ",\n    ") + entry.dump();
}

std::string json_foot(bool any) {
  return any ? "\n  ]\n}\n" : "]\n}\n";
}

// ---- HTML ------------------------------------------------------------------------------------

constexpr const char* kIndexStyle =
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem "
    "auto;padding:0 1rem;color:#222;line-height:1.4}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px "
    "solid #ccc}\n"
    "ul{margin:0;padding-left:1.1rem}\n.refer td{background:#fde8e8}\n"
    ".refer strong{color:#900}\n.held td{background:#fff4d6}\n"
    ".skipped td{color:#555}\n"
    "@media print{a{color:inherit}}\n";

std::string html_head(const std::string& source, const IndexTotals& totals) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Handouts</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n<h1>Handouts</h1>\n"
      "<p>{}</p>\n<p>{}.</p>\n<table>\n"
      "<thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Client</th><th "
      "scope=\"col\">Handout</th><th scope=\"col\">Notes</th></tr></thead>\n"
      "<tbody>\n",
      kIndexStyle, html_escape(source), html_escape(summary_text(totals)));
}

std::string html_entry(const IndexEntry& e) {
  std::string notes;
  if (e.status == IndexStatus::referred) {
    notes += has_file(e) ? "<strong>Refer to a clinician: a referral sheet, no exercises.</strong>"
                         : "<strong>No handout: refer to a clinician.</strong>";
  } else if (e.status == IndexStatus::held) {
    notes += "<strong>On hold: needs a clinician's clearance first.</strong>";
  } else if (e.status == IndexStatus::skipped) {
    notes += "Row skipped.";
  }
  if (!e.notices.empty() || !e.problems.empty()) {
    notes += "<ul>";
    for (std::size_t i = 0; i < e.notices.size(); ++i) {
      notes += fmt::format("<li>{}</li>", notice_line(e, i, html_escape));
    }
    for (const auto& p : e.problems) notes += fmt::format("<li>{}</li>", html_escape(p));
    notes += "</ul>";
  }
  const std::string link = has_file(e) ? fmt::format("<a href=\"{0}\">{0}</a>", e.file) : "—";
  const char* row_class = e.status == IndexStatus::referred  ? " class=\"refer\""
                          : e.status == IndexStatus::held    ? " class=\"held\""
                          : e.status == IndexStatus::skipped ? " class=\"skipped\""
                                                             : "";
  return fmt::format("<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", row_class, e.line,
                     html_escape(e.name.value_or("")), link, notes);
}

// ---- Markdown and text -----------------------------------------------------------------------

std::string markdown_entry(const IndexEntry& e) {
  const std::string name = e.name.value_or("");
  std::string out = fmt::format("- Line {}: ", e.line);
  if (!name.empty()) out += fmt::format("**{}** — ", markdown_escape(name));
  if (e.status == IndexStatus::handout) {
    out += fmt::format("[{0}]({0})\n", e.file);
  } else if (e.status == IndexStatus::held) {
    out += fmt::format("[{0}]({0}) — **on hold: needs a clinician's clearance first**\n", e.file);
  } else if (e.status == IndexStatus::referred) {
    out += has_file(e) ? fmt::format(
                             "[{0}]({0}) — **refer to a clinician** (a referral sheet, no "
                             "exercises)\n",
                             e.file)
                       : "no handout: **refer to a clinician**\n";
  } else {
    out += "row skipped\n";
  }
  for (std::size_t i = 0; i < e.notices.size(); ++i) {
    out += fmt::format("  - {}\n", notice_line(e, i, markdown_escape));
  }
  for (const auto& p : e.problems) out += fmt::format("  - {}\n", markdown_escape(p));
  return out;
}

std::string text_entry(const IndexEntry& e) {
  const std::string name = e.name.value_or("");
  std::string out = fmt::format("\nline {}: {}\n", e.line, name.empty() ? "(no name)" : name);
  const std::string indent = "    ";
  if (e.status == IndexStatus::handout) {
    out += indent + e.file + "\n";
  } else if (e.status == IndexStatus::held) {
    out += indent + e.file + " (ON HOLD: needs a clinician's clearance first)\n";
  } else if (e.status == IndexStatus::referred) {
    out += has_file(e)
               ? indent + e.file + " (REFER to a clinician: a referral sheet, no exercises)\n"
               : indent + "NO HANDOUT: refer to a clinician.\n";
  } else {
    out += indent + "Row skipped.\n";
  }
  for (std::size_t i = 0; i < e.notices.size(); ++i) {
    out += wrap(notice_line(e, i, as_is), 80, indent, indent + "  ") + "\n";
  }
  for (const auto& p : e.problems) out += wrap(p, 80, indent, indent + "  ") + "\n";
  return out;
}

}  // namespace

std::string handouts_in_words(long n) {
  return plural(n, "handout", "handouts");
}

std::string summary_text(const IndexTotals& t) {
  return fmt::format("{}, {} on hold until cleared, {} referred to a clinician, {}",
                     handouts_in_words(t.handouts), t.held, t.referred,
                     plural(t.skipped, "row skipped", "rows skipped"));
}

std::string index_head(Format format, const IndexInfo& info, const IndexTotals& totals) {
  const std::string source =
      info.date ? fmt::format("{} · {}", info.roster, *info.date) : info.roster;
  switch (format) {
    case Format::html:
      return html_head(source, totals);
    case Format::markdown:
      return fmt::format("# Handouts\n\nRoster: {}\n\nIn all: {}.\n\n", markdown_escape(source),
                         markdown_escape(summary_text(totals)));
    case Format::text:
    case Format::pdf:  // the PDF index lays out the text index's words
      return fmt::format("Handouts\n{}\n{}.\n", source, summary_text(totals));
    case Format::json:
      return json_head(info, totals);
  }
  return {};
}

std::string index_entry(Format format, const IndexEntry& entry, bool first) {
  switch (format) {
    case Format::html:
      return html_entry(entry);
    case Format::markdown:
      return markdown_entry(entry);
    case Format::text:
    case Format::pdf:
      return text_entry(entry);
    case Format::json:
      return json_entry(entry, first);
  }
  return {};
}

std::string index_foot(Format format, bool any) {
  switch (format) {
    case Format::html:
      return "</tbody>\n</table>\n</main>\n</body>\n</html>\n";
    case Format::markdown:
    case Format::text:
    case Format::pdf:
      return {};
    case Format::json:
      return json_foot(any);
  }
  return {};
}

}  // namespace backplan
