#include "batch/csv.h"

#include <fmt/format.h>

#include <string>
#include <utility>

namespace backplan {

int CsvReader::get() {
  if (ahead_at_ < ahead_.size()) {
    ++bytes_;
    return static_cast<unsigned char>(ahead_[ahead_at_++]);
  }
  const int c = in_.sbumpc();
  if (c == std::char_traits<char>::eof()) return -1;
  ++bytes_;
  return c;
}

int CsvReader::peek() {
  if (ahead_at_ < ahead_.size()) return static_cast<unsigned char>(ahead_[ahead_at_]);
  const int c = in_.sgetc();
  return c == std::char_traits<char>::eof() ? -1 : c;
}

// Reads the first record ahead (to its first line end outside quotes, at most kMaxRecordBytes)
// and counts the candidate separators outside quotes.
void CsvReader::detect_separator() {
  bool quoted = false;
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  std::size_t tabs = 0;
  while (ahead_.size() <= kMaxRecordBytes) {
    const int c = in_.sbumpc();
    if (c == std::char_traits<char>::eof()) break;
    ahead_ += static_cast<char>(c);
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') {
      if (ahead_.size() > 1 && ahead_.find_first_not_of("\r\n") != std::string::npos) break;
      continue;  // blank lines before the first record
    }
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (semicolons > commas && semicolons >= tabs) {
    separator_ = ';';
  } else if (tabs > commas && tabs > semicolons) {
    separator_ = '\t';
  }
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
    if (detect_) detect_separator();
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
      if (after != separator_ && after != '\n' && after != '\r' && after != -1) {
        fail(
            fmt::format("field {} has text after its closing quote; quote the whole field and "
                        "double any quote inside it",
                        record.fields.size()));
      }
    }
    // Unquoted text (or what follows a closing quote): up to the next separator or line end. A
    // quote inside unquoted text is kept as it is.
    for (;;) {
      const int c = peek();
      if (c == -1 || c == separator_ || c == '\n' || c == '\r') break;
      get();
      append(field, static_cast<char>(c));
    }
    const int c = get();
    if (c == separator_) continue;
    if (c == '\r' && peek() == '\n') get();
    if (c != -1) ++line_;
    return true;
  }
}

}  // namespace backplan
