#pragma once
// Rosters for `backplan batch`: a list of clients, one profile each, read one client at a time
// so that memory does not grow with the roster. Two formats: CSV (a header row naming the
// columns, RFC 4180 quoting) and YAML (a list of profiles, each item starting with "- " at the
// start of a line). Every row is checked with the same rules as the flags and profile files.

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
#include "resolve/profile.h"

namespace backplan {

// ---- CSV -------------------------------------------------------------------------------------

// One record of a CSV file, fields unquoted.
struct CsvRecord {
  int line = 0;                      // the 1-based line the record starts on
  std::vector<std::string> fields;   // quoted fields: quotes removed, "" -> ", CRLF -> LF
  std::optional<std::string> error;  // a record that breaks the CSV rules: what is wrong
};

// Reads RFC 4180 CSV one record at a time: quoted fields with commas, doubled quotes and line
// breaks, CRLF or LF line ends, a UTF-8 byte order mark at the start. Blank lines are skipped.
// A record with a syntax error (text after a closing quote, a quote that is never closed, a
// record longer than kMaxRecordBytes) still comes back, with `error` set, so the caller can skip
// it and go on.
class CsvReader {
 public:
  static constexpr std::size_t kMaxRecordBytes = 64 * 1024;

  explicit CsvReader(std::istream& in) : in_(*in.rdbuf()) {}

  // The next record; false at the end of the input.
  bool next(CsvRecord& record);
  // Bytes consumed so far (for progress).
  std::uint64_t bytes_read() const { return bytes_; }

 private:
  int get();   // next byte or -1
  int peek();  // next byte without consuming it, or -1

  std::streambuf& in_;
  std::uint64_t bytes_ = 0;
  int line_ = 1;
  bool started_ = false;
};

// ---- Rows ------------------------------------------------------------------------------------

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

// The columns a CSV roster may have: the fields of a profile file.
const std::vector<std::string>& roster_columns();

// Reads a roster one client at a time.
class RosterReader {
 public:
  virtual ~RosterReader() = default;
  // The next client; false at the end. Throws Error (bad_data) only when the roster as a whole
  // cannot be read (a bad CSV header, a YAML roster that is not a list, a read error).
  virtual bool next(RosterRow& row) = 0;
  virtual std::uint64_t bytes_read() const = 0;
};

// `path` is how messages name the roster. Both read `in` lazily; `lib` must outlive the reader.
// The CSV header is read (and checked) by the first call to next().
std::unique_ptr<RosterReader> csv_roster(std::istream& in, std::string path, const Library& lib);
std::unique_ptr<RosterReader> yaml_roster(std::istream& in, std::string path, const Library& lib);

// ---- File names ------------------------------------------------------------------------------

inline constexpr std::size_t kMaxSlugLength = 60;

// A file-name stem for `name`: lowercase ASCII letters and digits in words joined by '-'.
// Latin letters with accents are folded (é -> e, ß -> ss, Ł -> l); other characters either
// separate words (spaces, punctuation, '/', '.') or are dropped (other scripts, invalid UTF-8).
// At most kMaxSlugLength characters, cut at a word boundary when there is one. May be empty.
std::string slugify(std::string_view name);

// Hands out file-name stems that are unique within one run, keeping only an 8-byte hash per
// name handed out. "index" is reserved for the index file.
class SlugRegistry {
 public:
  SlugRegistry();
  // The slug of `name`, or "client-LINE" when that is empty, with "-2", "-3", ... added when the
  // stem is already taken.
  std::string claim(std::string_view name, int line);

 private:
  // value: 0 = free; otherwise the last suffix tried for this stem as a base (1 = only the stem).
  std::uint32_t* find(std::uint64_t key, bool insert);
  void grow();

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t used_ = 0;
};

}  // namespace backplan
