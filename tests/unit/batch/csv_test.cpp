#include <doctest/doctest.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sstream>
#include <string>

#include "batch/csv.h"
#include "text/utf8.h"

using namespace backplan;

namespace {

// Every record of `text`, one per line: "LINE: [field|field] !error".
std::string csv(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord record;
  std::string out;
  while (reader.next(record)) {
    out += std::to_string(record.line) + ": [" +
           one_line(fmt::format("{}", fmt::join(record.fields, "|"))) + "]";
    if (record.error) out += " !" + *record.error;
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("CSV: plain fields, empty fields, a trailing comma, no final line break") {
  CHECK(csv("a,b,c\n1,,3\n,,\nx,y,") == "1: [a|b|c]\n2: [1||3]\n3: [||]\n4: [x|y|]\n");
}

TEST_CASE("CSV: quoted commas, doubled quotes and an empty quoted field") {
  CHECK(csv("name,note\n\"Smith, Jo\",\"said \"\"hi\"\"\"\n\"\",\"\"\"\"\n") ==
        "1: [name|note]\n2: [Smith, Jo|said \"hi\"]\n3: [|\"]\n");
}

TEST_CASE("CSV: line breaks inside quotes move the line count on") {
  CHECK(csv("a,b\n\"one\ntwo\nthree\",x\nnext,y\n") ==
        "1: [a|b]\n2: [one\\ntwo\\nthree|x]\n5: [next|y]\n");
}

TEST_CASE("CSV: CRLF line ends, also inside quotes, and a lone CR") {
  CHECK(csv("a,b\r\n\"1\r\n2\",3\r\nc,d\re,f\r\n") ==
        "1: [a|b]\n2: [1\\n2|3]\n4: [c|d]\n5: [e|f]\n");
}

TEST_CASE("CSV: a byte order mark is dropped; blank lines are skipped") {
  CHECK(csv("\xEF\xBB\xBFname,age\n\n\r\nSam,5\n\n") == "1: [name|age]\n4: [Sam|5]\n");
  CHECK(csv("\xEF\xBBname\n") ==
        "1: [name] !the file starts with a broken byte order mark; save it as UTF-8\n");
  CHECK(csv("") == "");
}

TEST_CASE("CSV: ragged rows come back as they are (the roster checks the count)") {
  CHECK(csv("a,b,c\n1\n1,2,3,4\n") == "1: [a|b|c]\n2: [1]\n3: [1|2|3|4]\n");
}

TEST_CASE("CSV: a quote that is never closed is an error on the row where it opens") {
  CHECK(csv("a,b\n1,2\n\"open,3\n4,5\n") ==
        "1: [a|b]\n2: [1|2]\n3: [open,3\\n4,5\\n] !a quote is never closed: the rest of the "
        "roster was read as part of this row\n");
}

TEST_CASE("CSV: text after a closing quote is an error; a quote inside unquoted text is kept") {
  CHECK(csv("\"Sam\" Jones,1\nO\"Brien,2\n") ==
        "1: [Sam Jones|1] !field 1 has text after its closing quote; quote the whole field and "
        "double any quote inside it\n2: [O\"Brien|2]\n");
}

TEST_CASE("CSV: a row longer than the limit is an error, and reading goes on after it") {
  const std::string big(CsvReader::kMaxRecordBytes + 10, 'x');
  const std::string text = "a\n\"" + big + "\"\nnext\n";
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord record;
  REQUIRE(reader.next(record));
  REQUIRE(reader.next(record));
  CHECK(record.line == 2);
  CHECK(record.fields.at(0).size() == CsvReader::kMaxRecordBytes);
  CHECK(record.error.value_or("") ==
        "this row is longer than 64 KiB (a quote that is never closed?)");
  REQUIRE(reader.next(record));
  CHECK(record.line == 3);
  CHECK(record.fields == std::vector<std::string>{"next"});
  CHECK_FALSE(reader.next(record));
  CHECK(reader.bytes_read() == text.size());
}
