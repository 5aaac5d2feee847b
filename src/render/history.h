#pragma once
// The diary -> its history: a terminal table and chart, CSV and JSON for scripts, and a one-page
// HTML progress report (or its pain chart alone, as SVG) a person can take to a clinician.
// Pure: the diary, the clock and the terminal are read by the command and passed in.

#include <map>
#include <optional>
#include <string>

#include "model/diary.h"
#include "model/names.h"
#include "text/date.h"

namespace backplan {

enum class HistoryFormat { text, csv, json, html, svg };
inline constexpr auto kHistoryFormatNames =
    make_names<HistoryFormat>({{HistoryFormat::text, "text"},
                               {HistoryFormat::csv, "csv"},
                               {HistoryFormat::json, "json"},
                               {HistoryFormat::html, "html"},
                               {HistoryFormat::svg, "svg"}});

// The JSON format's name, as its "format" field says (schema/backplan-history.schema.json).
inline constexpr const char* kHistoryJsonFormat = "backplan-history-1";

struct HistoryOptions {
  std::optional<CivilDate> since;  // the first day shown; none: the first session's day
  std::optional<CivilDate> until;  // the last day shown; none: `today`
  int width = 80;                  // text: the columns to fit
  bool color = false;              // text: ANSI colour
  CivilDate today;                 // `until` when none is given
  // Exercise id -> its name, for level changes the diary does not word itself (a session
  // logged before the progression said why); an id missing here is shown as it is.
  std::map<std::string, std::string> names;
};

std::string render_history(const Diary& diary, HistoryFormat format, const HistoryOptions& options);

std::string render_history_text(const Diary& diary, const HistoryOptions& options);
std::string render_history_csv(const Diary& diary, const HistoryOptions& options);
std::string render_history_json(const Diary& diary, const HistoryOptions& options);
std::string render_history_html(const Diary& diary, const HistoryOptions& options);
std::string render_history_svg(const Diary& diary, const HistoryOptions& options);

// The format a file name asks for (.txt, .csv, .json, .html or .htm, .svg; any case).
std::optional<HistoryFormat> history_format_for_file(const std::string& path);

}  // namespace backplan
