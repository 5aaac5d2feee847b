#include "batch/roster.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <utility>

#include "batch/csv.h"
#include "load/yaml_tree.h"
#include "resolve/fields.h"
#include "resolve/profile.h"
#include "text/suggest.h"
#include "text/utf8.h"

namespace backplan {

namespace {

constexpr std::size_t kMaxYamlItemBytes = 64 * 1024;

// ---- Text helpers ----------------------------------------------------------------------------

// A name worth showing in the index even when its row is skipped.
std::optional<std::string> printable_name(std::string_view text) {
  if (text.empty() || !is_valid_utf8(text) || has_control_character(text) ||
      code_points(text) > kMaxNameLength) {
    return std::nullopt;
  }
  return std::string(text);
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

std::string ascii_lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// ---- CSV rows --------------------------------------------------------------------------------

// The raw value a cell gives: its text as it is; a list split on ';' (or ',').
void set_cell(RawProfile& raw, Field field, std::string value) {
  switch (field) {
    case Field::name:
      raw.name = std::move(value);
      break;
    case Field::age:
      raw.age = std::move(value);
      break;
    case Field::floor:
      raw.floor = std::move(value);
      break;
    case Field::equipment:
      raw.equipment = split_items({value}, ";,");
      break;
    case Field::conditions:
      raw.conditions = split_items({value}, ";,");
      break;
    case Field::avoid:
      raw.avoid = split_items({value}, ";,");
      break;
    case Field::minutes:
      raw.minutes = std::move(value);
      break;
    case Field::cleared:
      raw.cleared = std::move(value);
      break;
    case Field::routine:
      raw.routine = std::move(value);
      break;
    case Field::level:
      raw.level = std::move(value);
      break;
    case Field::clinic:
      raw.clinic = std::move(value);
      break;
    case Field::clinician:
      raw.clinician = std::move(value);
      break;
    case Field::contact:
      raw.contact = std::move(value);
      break;
    case Field::review_date:
      raw.review_date = std::move(value);
      break;
    case Field::notes:
      // A spreadsheet cell may hold several lines (Alt+Enter); the handout prints one.
      for (char& c : value) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      raw.notes = std::move(value);
      break;
  }
}

class CsvRoster : public RosterReader {
 public:
  CsvRoster(std::istream& in, std::string path, const Library& lib)
      : reader_(in, CsvReader::Separator::detect), path_(std::move(path)), lib_(lib) {}

  bool next(RosterRow& row) override {
    if (!header_read_) read_header();
    CsvRecord record;
    if (!reader_.next(record)) return false;
    convert(record, row);
    return true;
  }

  std::uint64_t bytes_read() const override { return reader_.bytes_read(); }

  std::vector<std::string> take_notes() override { return std::exchange(notes_, {}); }

 private:
  void read_header() {
    header_read_ = true;
    CsvRecord header;
    if (!reader_.next(header)) {
      throw Error::in_file({path_}, fmt::format("the roster is empty; its first line names the "
                                                "columns, such as {}",
                                                fmt::join(roster_columns(), ",")));
    }
    const Location at{path_, header.line};
    if (header.error) throw Error::in_file(at, *header.error);
    if (reader_.separator() == ';') {
      notes_.push_back(fmt::format("note: {}: columns are separated by ';'", path_));
    } else if (reader_.separator() == '\t') {
      notes_.push_back(fmt::format("note: {}: columns are separated by tabs", path_));
    }
    const auto& valid = roster_columns();
    std::vector<std::string> ignored;
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const std::string name = ascii_lower(trim(header.fields[i]));
      if (name.empty()) {
        throw Error::in_file(at, fmt::format("column {} of the header has no name; valid: {}",
                                             i + 1, fmt::join(valid, ", ")));
      }
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
        throw Error::in_file(at, fmt::format("column '{}' appears twice", one_line(name)));
      }
      seen.push_back(name);
      const auto column = kFieldNames.parse(name);
      if (!column) {
        const auto guess = closest(name, valid);
        ignored.push_back(fmt::format("'{}'{}", one_line(name),
                                      guess ? fmt::format(" (did you mean '{}'?)", *guess) : ""));
      }
      columns_.push_back(column);
    }
    if (!ignored.empty()) {
      notes_.push_back(fmt::format("warning: {}: ignoring unknown column{} {}; valid: {}", at.path,
                                   ignored.size() == 1 ? "" : "s", fmt::join(ignored, ", "),
                                   fmt::join(valid, ", ")));
    }
    if (std::find(columns_.begin(), columns_.end(), Field::name) == columns_.end()) {
      throw Error::in_file(at, fmt::format("the header has no 'name' column; every client needs "
                                           "a name (columns: {})",
                                           fmt::join(valid, ", ")));
    }
  }

  void convert(const CsvRecord& record, RosterRow& row) {
    row = RosterRow{};
    row.line = record.line;
    const Location at{path_, record.line};
    for (std::size_t i = 0; i < columns_.size() && i < record.fields.size(); ++i) {
      if (columns_[i] == Field::name) row.name = printable_name(trim(record.fields[i]));
    }
    if (record.error) {
      row.problems.push_back({at, *record.error});
      return;
    }
    if (record.fields.size() != columns_.size()) {
      row.problems.push_back(
          {at, fmt::format("this row has {} field{} but the header has {} column{}",
                           record.fields.size(), record.fields.size() == 1 ? "" : "s",
                           columns_.size(), columns_.size() == 1 ? "" : "s")});
      return;
    }
    // One problem per column at most, reported in column order.
    std::vector<FieldProblem> problems;
    RawProfile raw;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (!columns_[i]) continue;  // a column it ignores
      const Field column = *columns_[i];
      std::string value = trim(record.fields[i]);
      if (value.empty()) continue;
      if (!is_valid_utf8(value)) {
        problems.push_back({column, "not valid UTF-8 text; save the roster as UTF-8", {}});
        continue;
      }
      set_cell(raw, column, std::move(value));
    }
    if (!raw.name && std::none_of(problems.begin(), problems.end(),
                                  [](const auto& p) { return p.field == Field::name; })) {
      problems.push_back({Field::name, "is empty; every client needs a name", {}});
    }
    Validated checked = validate(raw, lib_, TextOrigin::typed);
    for (auto& p : checked.problems) {
      const bool seen = std::any_of(problems.begin(), problems.end(),
                                    [&](const auto& q) { return q.field == p.field; });
      if (!seen) problems.push_back(std::move(p));
    }
    std::stable_sort(problems.begin(), problems.end(),
                     [](const auto& a, const auto& b) { return a.field < b.field; });
    for (const auto& p : problems) {
      row.problems.push_back({at, field_message(p.field, one_line(p.message))});
    }
    row.input = std::move(checked.input);
  }

  CsvReader reader_;
  std::string path_;
  const Library& lib_;
  bool header_read_ = false;
  std::vector<std::optional<Field>> columns_;  // unset: a column it ignores
  std::vector<std::string> notes_;
};

// ---- YAML rows -------------------------------------------------------------------------------

class YamlRoster : public RosterReader {
 public:
  YamlRoster(std::istream& in, std::string path, const Library& lib)
      : in_(in), path_(std::move(path)), lib_(lib) {}

  bool next(RosterRow& row) override {
    std::string line;
    while (!done_) {
      if (!std::getline(in_, line)) {
        if (in_.bad()) throw Error::in_file({path_}, "cannot read: read failed");
        done_ = true;
        break;
      }
      bytes_ += line.size() + 1;
      ++line_;
      if (line_ == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (take_line(line, row)) return true;
    }
    if (in_item_) {
      in_item_ = false;
      finish_item(row);
      return true;
    }
    return false;
  }

  std::uint64_t bytes_read() const override { return bytes_; }

 private:
  // Handles one line; true when it completed an item into `row`.
  bool take_line(const std::string& line, RosterRow& row) {
    const auto first = line.find_first_not_of(" \t");
    const bool blank = first == std::string::npos;
    const bool comment = !blank && line[first] == '#';
    const bool indented = !blank && first > 0;
    const bool item = line.size() >= 1 && line[0] == '-' &&
                      (line.size() == 1 || line[1] == ' ' || line[1] == '\t');
    if (item) {
      bool completed = false;
      if (in_item_) {
        finish_item(row);
        completed = true;
      }
      if (ended_) {
        throw Error::in_file({path_, line_, 1},
                             "a client after the end of the document ('...'); a roster is one "
                             "list");
      }
      in_item_ = true;
      skipping_ = false;
      item_line_ = line_;
      item_error_.reset();
      chunk_ = " " + line.substr(1) + "\n";
      return completed;
    }
    if (blank || comment || (indented && in_item_)) {
      if (in_item_ && !skipping_) {
        if (chunk_.size() + line.size() + 1 > kMaxYamlItemBytes) {
          Diagnostic too_big;
          too_big.where = Location{path_, item_line_, 1};
          too_big.message =
              fmt::format("this client takes more than {} KiB", kMaxYamlItemBytes / 1024);
          item_error_ = std::move(too_big);
          skipping_ = true;
        } else {
          chunk_ += line;
          chunk_ += '\n';
        }
      }
      return false;
    }
    // Something at the start of a line that does not start a client.
    if (!started_any() && line.compare(0, 3, "---") == 0 && (line.size() == 3 || line[3] == ' ') &&
        !seen_document_start_) {
      seen_document_start_ = true;
      return false;
    }
    if (!started_any() && line[0] == '%') return false;  // a YAML directive
    if (line.compare(0, 3, "...") == 0 && (line.size() == 3 || line[3] == ' ')) {
      ended_ = true;
      if (in_item_) {
        in_item_ = false;
        finish_item(row);
        return true;
      }
      return false;
    }
    if (!started_any() || ended_) {
      throw Error::in_file({path_, line_, static_cast<int>(blank ? 1 : first + 1)},
                           "a roster is a list of profiles: each client starts with '- ' at the "
                           "start of a line");
    }
    // Inside the list, a line at the left edge that is not a new client: the current client is
    // malformed; skip to the next one.
    if (in_item_ && !skipping_) {
      Diagnostic stray;
      stray.where = Location{path_, line_, 1};
      stray.message = "expected '- ' starting the next client, or an indented field of this one";
      item_error_ = std::move(stray);
      skipping_ = true;
    }
    return false;
  }

  bool started_any() const { return item_line_ > 0; }

  void finish_item(RosterRow& row) {
    row = RosterRow{};
    row.line = item_line_;
    if (item_error_) {
      row.problems.push_back(*item_error_);
      return;
    }
    const int offset = item_line_ - 1;
    auto shifted = [&](Location where) {
      where.path = path_;
      where.line = where.line > 0 ? where.line + offset : item_line_;
      return where;
    };
    YamlNodePtr root;
    try {
      YamlLimits limits;
      limits.max_bytes = kMaxYamlItemBytes;
      root = parse_yaml(chunk_, path_, limits);
    } catch (const Error& e) {
      if (e.diagnostic()) {
        row.problems.push_back({shifted(e.diagnostic()->where), e.diagnostic()->message});
      } else {
        Diagnostic problem;
        problem.where = Location{path_, item_line_, 0};
        problem.message = e.message();
        row.problems.push_back(std::move(problem));
      }
      return;
    }
    DiagnosticSink sink;
    row.input = read_profile(*root, path_, lib_, sink);
    for (const auto& d : sink.items())
      row.problems.push_back({shifted(d.where), one_line(d.message)});
    if (root->kind == YamlNode::Kind::mapping) {
      const bool has_name = std::any_of(root->entries.begin(), root->entries.end(),
                                        [](const auto& e) { return e.first->value == "name"; });
      if (!has_name) {
        Diagnostic unnamed;
        unnamed.where = Location{path_, root->line + offset, root->column};
        unnamed.message = "missing 'name'; every client needs a name";
        row.problems.insert(row.problems.begin(), std::move(unnamed));
      }
    }
    std::stable_sort(row.problems.begin(), row.problems.end(), [](const auto& a, const auto& b) {
      return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    if (row.input.name) row.name = printable_name(*row.input.name);
  }

  std::istream& in_;
  std::string path_;
  const Library& lib_;
  std::uint64_t bytes_ = 0;
  int line_ = 0;
  bool done_ = false;
  bool ended_ = false;
  bool seen_document_start_ = false;
  bool in_item_ = false;
  bool skipping_ = false;
  int item_line_ = 0;
  std::optional<Diagnostic> item_error_;
  std::string chunk_;
};

}  // namespace

// ---- Rosters ---------------------------------------------------------------------------------

std::optional<RosterFormat> roster_format_from_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  const std::string extension = ascii_lower(std::string(path.substr(dot + 1)));
  return kRosterFormatNames.parse(extension == "yml" ? "yaml" : extension);
}

const std::vector<std::string>& roster_columns() {
  static const std::vector<std::string> columns = kFieldNames.names();
  return columns;
}

std::unique_ptr<RosterReader> csv_roster(std::istream& in, std::string path, const Library& lib) {
  return std::make_unique<CsvRoster>(in, std::move(path), lib);
}

std::unique_ptr<RosterReader> yaml_roster(std::istream& in, std::string path, const Library& lib) {
  return std::make_unique<YamlRoster>(in, std::move(path), lib);
}

// ---- Slugs -----------------------------------------------------------------------------------
}  // namespace backplan
