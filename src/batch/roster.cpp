#include "batch/roster.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "load/yaml_tree.h"
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

enum Column { kName, kAge, kFloor, kEquipment, kConditions, kAvoid, kMinutes, kCleared, kRoutine };

std::optional<bool> parse_yes_no(const std::string& text) {
  const std::string v = ascii_lower(text);
  if (v == "yes" || v == "true" || v == "1") return true;
  if (v == "no" || v == "false" || v == "0") return false;
  return std::nullopt;
}

std::vector<std::string> split_semicolons(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(';', start);
    items.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return items;
}

// The column a read_profile_flags error is about, from its "--flag: " prefix.
std::optional<Column> column_of_flag(std::string_view flag) {
  if (flag == "--name") return kName;
  if (flag == "--age") return kAge;
  if (flag == "--equipment") return kEquipment;
  if (flag == "--condition") return kConditions;
  if (flag == "--avoid") return kAvoid;
  if (flag == "--minutes") return kMinutes;
  if (flag == "--routine") return kRoutine;
  return std::nullopt;
}

void clear_column(ProfileFlags& flags, Column column) {
  switch (column) {
    case kName:
      flags.name.reset();
      break;
    case kAge:
      flags.age.reset();
      break;
    case kEquipment:
      flags.equipment.clear();
      break;
    case kConditions:
      flags.conditions.clear();
      break;
    case kAvoid:
      flags.avoid.clear();
      break;
    case kMinutes:
      flags.minutes.reset();
      break;
    case kRoutine:
      flags.routine.reset();
      break;
    case kFloor:
    case kCleared:
      break;
  }
}

class CsvRoster : public RosterReader {
 public:
  CsvRoster(std::istream& in, std::string path, const Library& lib)
      : reader_(in), path_(std::move(path)), lib_(lib) {}

  bool next(RosterRow& row) override {
    if (!header_read_) read_header();
    CsvRecord record;
    if (!reader_.next(record)) return false;
    convert(record, row);
    return true;
  }

  std::uint64_t bytes_read() const override { return reader_.bytes_read(); }

 private:
  void read_header() {
    header_read_ = true;
    CsvRecord header;
    if (!reader_.next(header)) {
      throw Error::in_file({path_}, fmt::format("the roster is empty; its first line names the "
                                                "columns, such as {}",
                                                join(roster_columns(), ",")));
    }
    const Location at{path_, header.line};
    if (header.error) throw Error::in_file(at, *header.error);
    const auto& valid = roster_columns();
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const std::string name = ascii_lower(trim(header.fields[i]));
      if (name.empty()) {
        throw Error::in_file(
            at, fmt::format("column {} of the header has no name; valid: {}", i + 1, join(valid)));
      }
      const auto found = std::find(valid.begin(), valid.end(), name);
      if (found == valid.end()) {
        const auto guess = closest(name, valid);
        throw Error::in_file(
            at,
            fmt::format("unknown column '{}'{}; valid: {}", one_line(name),
                        guess ? fmt::format(" (did you mean '{}'?)", *guess) : "", join(valid)));
      }
      const auto column = static_cast<Column>(found - valid.begin());
      if (std::find(columns_.begin(), columns_.end(), column) != columns_.end()) {
        throw Error::in_file(at, fmt::format("column '{}' appears twice", name));
      }
      columns_.push_back(column);
    }
    if (std::find(columns_.begin(), columns_.end(), kName) == columns_.end()) {
      throw Error::in_file(at, fmt::format("the header has no 'name' column; every client needs "
                                           "a name (columns: {})",
                                           join(valid)));
    }
  }

  void convert(const CsvRecord& record, RosterRow& row) {
    row = RosterRow{};
    row.line = record.line;
    const Location at{path_, record.line};
    for (std::size_t i = 0; i < columns_.size() && i < record.fields.size(); ++i) {
      if (columns_[i] == kName) row.name = printable_name(trim(record.fields[i]));
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
    // Problems by column, reported in the order of roster_columns().
    std::vector<std::pair<Column, std::string>> problems;
    const auto& names = roster_columns();
    // "'age' must be ...", "'conditions': unknown condition ...", as in profile files.
    auto problem = [&](Column c, const std::string& what) {
      const bool verb = what.compare(0, 5, "must ") == 0 || what.compare(0, 6, "needs ") == 0 ||
                        what.compare(0, 3, "is ") == 0;
      problems.emplace_back(c, verb ? fmt::format("'{}' {}", names[c], what)
                                    : fmt::format("'{}': {}", names[c], what));
    };
    ProfileFlags flags;
    std::optional<bool> floor;
    std::optional<bool> cleared;
    bool has_name = false;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const Column column = columns_[i];
      const std::string value = trim(record.fields[i]);
      if (value.empty()) continue;
      if (!is_valid_utf8(value)) {
        problem(column, "not valid UTF-8 text; save the roster as UTF-8");
        continue;
      }
      switch (column) {
        case kName:
          flags.name = value;
          has_name = true;
          break;
        case kAge:
          flags.age = value;
          break;
        case kMinutes:
          flags.minutes = value;
          break;
        case kRoutine:
          flags.routine = value;
          break;
        case kEquipment:
          flags.equipment = split_semicolons(value);
          break;
        case kConditions:
          flags.conditions = split_semicolons(value);
          break;
        case kAvoid:
          flags.avoid = split_semicolons(value);
          break;
        case kFloor:
        case kCleared: {
          const auto yes = parse_yes_no(value);
          if (!yes) {
            problem(column, fmt::format("must be yes or no (or true/false, 1/0), not '{}'",
                                        one_line(value)));
          } else {
            (column == kFloor ? floor : cleared) = yes;
          }
          break;
        }
      }
    }
    if (!has_name && std::none_of(problems.begin(), problems.end(),
                                  [](const auto& p) { return p.first == kName; })) {
      problem(kName, "is empty; every client needs a name");
    }
    // The flags' own checks, so a roster says exactly what a flag would; each problem clears its
    // column and the check runs again, so every problem in the row is reported.
    for (int round = 0; round < 16; ++round) {
      try {
        row.input = read_profile_flags(flags, lib_);
        break;
      } catch (const Error& e) {
        const std::string& message = e.message();
        const std::size_t colon = message.find(": ");
        const auto column =
            colon == std::string::npos ? std::nullopt : column_of_flag(message.substr(0, colon));
        if (!column) {
          problems.emplace_back(kName, one_line(message));
          break;
        }
        problem(*column, one_line(message.substr(colon + 2)));
        clear_column(flags, *column);
      }
    }
    row.input.floor = floor;
    row.input.cleared = cleared;
    std::stable_sort(problems.begin(), problems.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& p : problems) row.problems.push_back({at, std::move(p.second)});
  }

  CsvReader reader_;
  std::string path_;
  const Library& lib_;
  bool header_read_ = false;
  std::vector<Column> columns_;
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

// ---- Slugs -----------------------------------------------------------------------------------

// ASCII spellings of Latin-1 letters U+00C0..U+00FF; nullptr: a separator (× and ÷).
const std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};

struct FoldRange {
  char32_t first;
  char32_t last;
  const char* ascii;
};

// Latin Extended-A (U+0100..U+017F) and the Romanian comma-below letters.
const FoldRange kLatinExtended[] = {
    {0x0100, 0x0105, "a"}, {0x0106, 0x010D, "c"},  {0x010E, 0x0111, "d"}, {0x0112, 0x011B, "e"},
    {0x011C, 0x0123, "g"}, {0x0124, 0x0127, "h"},  {0x0128, 0x0131, "i"}, {0x0132, 0x0133, "ij"},
    {0x0134, 0x0135, "j"}, {0x0136, 0x0138, "k"},  {0x0139, 0x0142, "l"}, {0x0143, 0x014B, "n"},
    {0x014C, 0x0151, "o"}, {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"}, {0x015A, 0x0161, "s"},
    {0x0162, 0x0167, "t"}, {0x0168, 0x0173, "u"},  {0x0174, 0x0175, "w"}, {0x0176, 0x0178, "y"},
    {0x0179, 0x017E, "z"}, {0x017F, 0x017F, "s"},  {0x0218, 0x0219, "s"}, {0x021A, 0x021B, "t"}};

// What a code point becomes in a slug: letters, "" for a word separator, nullptr: dropped.
const char* fold(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char* ascii = kLatin1[cp - 0xC0];
    return ascii ? ascii : "";
  }
  for (const auto& range : kLatinExtended) {
    if (cp >= range.first && cp <= range.last) return range.ascii;
  }
  // No-break space, the Latin-1 punctuation and the general punctuation block separate words.
  if ((cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F)) return "";
  return nullptr;
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

}  // namespace

// ---- CSV reader ------------------------------------------------------------------------------

int CsvReader::get() {
  const int c = in_.sbumpc();
  if (c == std::char_traits<char>::eof()) return -1;
  ++bytes_;
  return c;
}

int CsvReader::peek() {
  const int c = in_.sgetc();
  return c == std::char_traits<char>::eof() ? -1 : c;
}

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  record.error.reset();
  if (!started_) {
    started_ = true;
    // A UTF-8 byte order mark (spreadsheets write one) is not part of the first column's name.
    if (peek() == 0xEF) {
      get();
      if (peek() == 0xBB) {
        get();
        if (peek() == 0xBF) {
          get();
        } else {
          record.error = "the file starts with a broken byte order mark; save it as UTF-8";
        }
      } else {
        record.error = "the file starts with a broken byte order mark; save it as UTF-8";
      }
    }
  }
  // Blank lines between records are skipped.
  for (;;) {
    const int c = peek();
    if (c == -1) {
      if (record.error) {
        record.line = line_;
        record.fields.emplace_back();
        return true;
      }
      return false;
    }
    if (c == '\n' || c == '\r') {
      get();
      if (c == '\r' && peek() == '\n') get();
      ++line_;
      continue;
    }
    break;
  }
  record.line = line_;
  std::size_t size = 0;
  auto fail = [&](std::string message) {
    if (!record.error) record.error = std::move(message);
  };
  auto append = [&](std::string& field, char c) {
    if (++size > kMaxRecordBytes) {
      fail(fmt::format("this row is longer than {} KiB (a quote that is never closed?)",
                       kMaxRecordBytes / 1024));
      return;
    }
    field += c;
  };
  for (;;) {
    record.fields.emplace_back();
    std::string& field = record.fields.back();
    if (peek() == '"') {
      get();
      for (;;) {
        const int c = get();
        if (c == -1) {
          fail("a quote is never closed: the rest of the roster was read as part of this row");
          return true;
        }
        if (c == '"') {
          if (peek() == '"') {
            get();
            append(field, '"');
            continue;
          }
          break;
        }
        if (c == '\r' || c == '\n') {
          if (c == '\r' && peek() == '\n') get();
          ++line_;
          append(field, '\n');
          continue;
        }
        append(field, static_cast<char>(c));
      }
      const int after = peek();
      if (after != ',' && after != '\n' && after != '\r' && after != -1) {
        fail(
            fmt::format("field {} has text after its closing quote; quote the whole field and "
                        "double any quote inside it",
                        record.fields.size()));
      }
    }
    // Unquoted text (or what follows a closing quote): up to the next comma or line end. A
    // quote inside unquoted text is kept as it is.
    for (;;) {
      const int c = peek();
      if (c == -1 || c == ',' || c == '\n' || c == '\r') break;
      get();
      append(field, static_cast<char>(c));
    }
    const int c = get();
    if (c == ',') continue;
    if (c == '\r' && peek() == '\n') get();
    if (c != -1) ++line_;
    return true;
  }
}

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
  static const std::vector<std::string> columns{
      "name", "age", "floor", "equipment", "conditions", "avoid", "minutes", "cleared", "routine"};
  return columns;
}

std::unique_ptr<RosterReader> csv_roster(std::istream& in, std::string path, const Library& lib) {
  return std::make_unique<CsvRoster>(in, std::move(path), lib);
}

std::unique_ptr<RosterReader> yaml_roster(std::istream& in, std::string path, const Library& lib) {
  return std::make_unique<YamlRoster>(in, std::move(path), lib);
}

// ---- Slugs -----------------------------------------------------------------------------------

std::string slugify(std::string_view name) {
  std::string out;
  bool separate = false;
  auto add = [&](std::string_view letters) {
    if (letters.empty()) {
      separate = true;
      return;
    }
    if (separate && !out.empty()) out += '-';
    separate = false;
    out += letters;
  };
  for (std::size_t i = 0; i < name.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(name, i, cp);
    if (len == 0) {  // invalid UTF-8: dropped
      ++i;
      continue;
    }
    i += len;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        add(std::string_view(&c, 1));
      } else {
        separate = true;
      }
      continue;
    }
    if (const char* ascii = fold(cp)) add(ascii);
    if (out.size() > 4 * kMaxSlugLength) break;  // plenty to cut from
  }
  if (out.size() > kMaxSlugLength) {
    const std::size_t cut = out.rfind('-', kMaxSlugLength);
    out.resize(cut != std::string::npos && cut >= kMaxSlugLength / 2 ? cut : kMaxSlugLength);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out;
}

SlugRegistry::SlugRegistry() : keys_(1024, 0), values_(1024, 0) {
  *find(fnv1a("index"), true) = 1;
}

std::uint32_t* SlugRegistry::find(std::uint64_t key, bool insert) {
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(key) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return &values_[i];
    if (keys_[i] == 0) {
      if (!insert) return nullptr;
      if (2 * (used_ + 1) > keys_.size()) {
        grow();
        return find(key, insert);
      }
      keys_[i] = key;
      ++used_;
      return &values_[i];
    }
  }
}

void SlugRegistry::grow() {
  std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
  std::vector<std::uint32_t> values(values_.size() * 2, 0);
  keys.swap(keys_);
  values.swap(values_);
  used_ = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) *find(keys[i], true) = values[i];
  }
}

std::string SlugRegistry::claim(std::string_view name, int line) {
  std::string base = slugify(name);
  if (base.empty()) base = fmt::format("client-{}", line);
  const std::uint64_t base_key = fnv1a(base);
  std::uint32_t* state = find(base_key, true);
  if (*state == 0) {
    *state = 1;
    return base;
  }
  for (std::uint32_t k = *state + 1;; ++k) {
    std::string candidate = fmt::format("{}-{}", base, k);
    std::uint32_t* taken = find(fnv1a(candidate), true);
    if (*taken == 0) {
      *taken = 1;
      *find(base_key, false) = k;  // the table may have grown: look the stem up again
      return candidate;
    }
  }
}

}  // namespace backplan
