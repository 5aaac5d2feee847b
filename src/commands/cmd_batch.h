#pragma once
// `backplan batch ROSTER --out DIR`: a whole client list -> one handout per client and an index.

#include <optional>
#include <string>
#include <vector>

#include "render/handout.h"

namespace backplan {

// The options as typed; run_batch checks them.
struct BatchOptions {
  std::string roster;                        // a CSV or YAML file, or "-" for standard input
  std::string out;                           // the directory to write into
  std::string format = "html";               // html, markdown, text or json
  std::optional<std::string> roster_format;  // csv or yaml; default: from the file's extension
  bool force = false;                        // write into a directory that is not empty
  bool dry_run = false;                      // read and check every row; write nothing
  std::optional<std::string> date;           // YYYY-MM-DD, printed on html and markdown handouts
  std::vector<std::string> routines;         // extra library paths, on top of the built-in one
  ClinicInfo clinic;  // printed on every html and markdown handout (no per-client note)
  std::optional<std::string> paper;    // pdf: a4 or letter; default: from the locale
  std::optional<std::string> combine;  // pdf: every handout in this one file instead, each
                                       // from an odd page (index.pdf still goes into `out`)
};

// Runs the command; returns the exit code: 0 when every row gave a handout or a referral,
// 6 (some_rows_failed) when any row was invalid (reported on stderr and skipped), 128 + the
// signal number when interrupted. Errors that stop the whole run are thrown as Error.
int run_batch(const BatchOptions& options);

}  // namespace backplan
