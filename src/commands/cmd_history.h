#pragma once
// `backplan history`: the diary's sessions, pains and level changes over the last weeks, as a
// terminal table and chart, CSV or JSON for scripts, or a one-page HTML report (or its SVG chart).

#include <optional>
#include <string>

#include "render/history.h"
#include "text/date.h"

namespace backplan {

struct HistoryCommandOptions {
  std::optional<std::string> diary;  // --diary FILE; none: the default place
  HistoryFormat format = HistoryFormat::text;
  std::optional<CivilDate> since;  // none: 4 weeks before `until` for text, else the first session
  std::optional<CivilDate> until;  // none: today
  std::string output = "-";
};

// The days a text history shows when --since is not given: four weeks, ending on `until`.
inline constexpr int kTextHistoryDays = 28;

// Runs the command; returns the exit code. Errors are thrown as Error.
int run_history(const HistoryCommandOptions& options);

}  // namespace backplan
