#pragma once
// RFC 4180 CSV, read one record at a time so that memory does not grow with the file.

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace backplan {

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
//
// Fields are separated by commas, or, with Separator::detect, by whichever of ',', ';' and tab
// the first record (a header row) uses most outside quotes (',' when none or tied): European
// spreadsheets write ';'.
class CsvReader {
 public:
  static constexpr std::size_t kMaxRecordBytes = 64 * 1024;
  enum class Separator { comma, detect };

  explicit CsvReader(std::istream& in, Separator separator = Separator::comma)
      : in_(*in.rdbuf()), detect_(separator == Separator::detect) {}

  // The next record; false at the end of the input.
  bool next(CsvRecord& record);
  // Bytes consumed so far (for progress).
  std::uint64_t bytes_read() const { return bytes_; }
  // The field separator: ',' until the first record has been read with Separator::detect.
  char separator() const { return separator_; }

 private:
  int get();   // next byte or -1
  int peek();  // next byte without consuming it, or -1
  void detect_separator();

  std::streambuf& in_;
  bool detect_;
  char separator_ = ',';
  std::string ahead_;  // bytes read ahead to detect the separator, not yet consumed
  std::size_t ahead_at_ = 0;
  std::uint64_t bytes_ = 0;
  int line_ = 1;
  bool started_ = false;
};

}  // namespace backplan
