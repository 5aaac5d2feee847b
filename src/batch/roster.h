#pragma once
// Rosters for `backplan batch`: a list of clients, one profile each, read one client at a time
// so that memory does not grow with the roster. Two formats: CSV (a header row naming the
// columns, RFC 4180 quoting) and YAML (a list of profiles, each item starting with "- " at the
// start of a line). Every row is checked with the rules of resolve/fields.h, as flags and
// profile files are.

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/library.h"
#include "model/names.h"
#include "model/profile.h"

namespace backplan {

// One client of a roster, checked.
struct RosterRow {
  int line = 0;                      // where the client starts in the roster
  std::optional<std::string> name;   // the name as given, when it is printable one-line text
  ProfileInput input;                // the client's circumstances (valid when no problems)
  std::vector<Diagnostic> problems;  // empty: the row is good
};

enum class RosterFormat { csv, yaml };
inline constexpr auto kRosterFormatNames =
    make_names<RosterFormat>({{RosterFormat::csv, "csv"}, {RosterFormat::yaml, "yaml"}});

// From the file name: .csv, .yaml or .yml (case does not matter).
std::optional<RosterFormat> roster_format_from_path(std::string_view path);

// The columns a CSV roster may have: the fields of a profile file (the clinic fields and `notes`,
// printed on the client's handout, among them). Other columns are ignored, with a warning.
const std::vector<std::string>& roster_columns();

// Reads a roster one client at a time.
class RosterReader {
 public:
  virtual ~RosterReader() = default;
  // The next client; false at the end. Throws Error (bad_data) only when the roster as a whole
  // cannot be read (a bad CSV header, a YAML roster that is not a list, a read error).
  virtual bool next(RosterRow& row) = 0;
  virtual std::uint64_t bytes_read() const = 0;
  // What the reader noticed about the roster as a whole, each one line starting "note: " (the
  // separator a CSV roster uses, when it is not ',') or "warning: " (the columns it ignores);
  // known after the first call to next(). Taking them empties the list.
  virtual std::vector<std::string> take_notes() { return {}; }
};

// `path` is how messages name the roster. Both read `in` lazily; `lib` must outlive the reader.
// The CSV header is read (and checked) by the first call to next().
std::unique_ptr<RosterReader> csv_roster(std::istream& in, std::string path, const Library& lib);
std::unique_ptr<RosterReader> yaml_roster(std::istream& in, std::string path, const Library& lib);

}  // namespace backplan
