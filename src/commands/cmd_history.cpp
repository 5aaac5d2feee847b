#include "commands/cmd_history.h"

#include "commands/cmd_diary.h"
#include "diary/dates.h"
#include "diary/store.h"
#include "io/output.h"
#include "io/terminal.h"
#include "load/library_loader.h"
#include "render/history_view.h"

namespace backplan {

int run_history(const HistoryCommandOptions& options) {
  HistoryOptions h;
  h.today = local_now().date;
  h.until = options.until.value_or(h.today);
  h.since = options.since;
  if (!h.since && options.format == HistoryFormat::text) {
    h.since = from_day_number(day_number(*h.until) - (kTextHistoryDays - 1));
  }
  // Only the days asked for are loaded (and the session before them): a ten-year diary's
  // history of four weeks reads four weeks.
  const auto path = diary_path(options.diary);
  const Diary diary = h.since ? read_diary_from(path, *h.since) : read_diary(path);
  // The exercises' names, for level changes the diary does not word itself.
  for (const Exercise& e : load_library_or_throw({}).exercises) h.names[e.id] = e.name;
  if (options.format == HistoryFormat::text) {
    h.color = options.output == "-" && stdout_wants_color();
    h.width = options.output == "-" ? stdout_width() : kDefaultWidth;
  }
  write_output(options.output, render_history(diary, options.format, h));
  return static_cast<int>(ExitCode::ok);
}

}  // namespace backplan
