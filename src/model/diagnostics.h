#pragma once
// Errors that reach the user: one line each, with a documented exit code.

#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace backplan {

// The exit codes of the program; the README and the man page document this table.
enum class ExitCode : int {
  ok = 0,
  internal = 1,          // a bug: should never happen
  usage = 2,             // a bad flag or flag value
  bad_data = 3,          // a routine library, profile or roster file that is unreadable or invalid
  red_flag = 4,          // a red flag: no plan, seek care
  cannot_write = 5,      // the output could not be written
  some_rows_failed = 6,  // batch: some roster rows were invalid and skipped; the others were made
  held = 7,              // plan: no steps until a clinician clears them; the plan says what and who
  bad_diary = 8,  // the diary is unreadable, damaged, not backplan's, or from a newer version
};

// A place in a file, 1-based; line 0 means "the whole file".
struct Location {
  std::string path;
  int line = 0;
  int column = 0;
};

// "path:line:col" (or "path" when the line is unknown).
std::string to_string(const Location& where);

// One problem found in an input file.
struct Diagnostic {
  Location where;
  std::string message;
};

// "path:line:col: error: message" — the one-line form every file error takes.
std::string format_diagnostic(const Diagnostic& d);

// The exception that carries a user-facing error to the edge of the program.
class Error : public std::exception {
 public:
  Error(ExitCode code, std::string message) : code_(code), message_(std::move(message)) {}

  // A problem in a file: "path:line:col: error: message", exit code bad_data.
  static Error in_file(const Location& where, const std::string& message);
  // A problem with a flag: "--flag: message", exit code usage.
  static Error flag(const std::string& flag, const std::string& message);

  ExitCode code() const noexcept { return code_; }
  // For errors in a file: the place and the message without the location prefix.
  const std::optional<Diagnostic>& diagnostic() const noexcept { return diagnostic_; }
  const std::string& message() const noexcept { return message_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  ExitCode code_;
  std::string message_;
  std::optional<Diagnostic> diagnostic_;
};

// Collects every problem in a set of files, so a validator can report all of them.
class DiagnosticSink {
 public:
  void error(const Location& where, std::string message) {
    items_.push_back({where, std::move(message)});
  }
  bool empty() const noexcept { return items_.empty(); }
  const std::vector<Diagnostic>& items() const noexcept { return items_; }
  // Throws the first problem as an Error (exit code bad_data) when there is any.
  void throw_if_any() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace backplan
