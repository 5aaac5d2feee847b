#include "commands/cmd_diary.h"

#include <fmt/format.h>

#include <cstdio>

#include "diary/diary_json.h"
#include "diary/store.h"
#include "io/files.h"
#include "io/output.h"
#include "io/terminal.h"
#include "model/diagnostics.h"
#include "text/suggest.h"

namespace backplan {

namespace {

// A diary file to import is at most this big (a 10-year diary is a few megabytes).
constexpr std::size_t kMaxImportBytes = 256u << 20;

std::string plural(int n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::filesystem::path diary_path(const std::optional<std::string>& flag) {
  if (flag) {
    if (flag->empty()) throw Error::flag("--diary", "needs a file name");
    return *flag;
  }
  if (auto path =
          default_diary_path(environment_variable("XDG_DATA_HOME"), environment_variable("HOME"))) {
    return *path;
  }
  throw Error::flag("--diary",
                    "no place for the diary: set HOME (or XDG_DATA_HOME to an absolute path), "
                    "or give --diary FILE");
}

int run_diary_export(const DiaryExportOptions& o) {
  if (o.format != "json" && o.format != "csv") {
    throw Error::flag("--format", unknown_message("format", o.format, {"json", "csv"}));
  }
  if (o.output.empty())
    throw Error::flag("--output", "needs a file name, or '-' for standard output");
  const Diary diary = read_diary(diary_path(o.diary));
  write_output(o.output, o.format == "csv" ? diary_to_csv(diary) : diary_to_json(diary));
  return 0;
}

int run_diary_import(const DiaryImportOptions& o) {
  const std::filesystem::path path = diary_path(o.diary);
  const std::string name = o.file == "-" ? "/dev/stdin" : o.file;
  // Read and checked whole before the diary is opened: a bad file writes nothing.
  const Diary entries = diary_from_json(read_text_file(name, kMaxImportBytes), name);
  const MergeResult r = merge_into_diary(path, entries);
  std::fputs(fmt::format("Imported into {}: {}, {}, {}, {} added; {}, {}, {}, {} were there "
                         "already.\n",
                         path.string(), plural(r.added.sessions, "session", "sessions"),
                         plural(r.added.measures, "measure", "measures"),
                         plural(r.added.goals, "goal", "goals"),
                         plural(r.added.ratings, "rating", "ratings"), r.present.sessions,
                         r.present.measures, r.present.goals, r.present.ratings)
                 .c_str(),
             stdout);
  return 0;
}

int run_diary_path(const std::optional<std::string>& diary) {
  std::fputs((diary_path(diary).string() + "\n").c_str(), stdout);
  return 0;
}

}  // namespace backplan
