#pragma once
// Text laid out for a terminal or a plain-text file: word wrapping and simple tables. Widths
// are counted in columns (text/utf8.h), not bytes.

#include <string>
#include <vector>

namespace backplan {

// Word-wraps `text` to `width` columns: the first line starts with `first`, the rest with
// `rest`. A word longer than a line stays whole.
std::string wrap(const std::string& text, int width, const std::string& first,
                 const std::string& rest);

// `s` padded with spaces to `width` columns.
std::string pad(const std::string& s, int width);

// A table whose last column wraps; the other columns are as wide as their widest cell. When the
// last column would get fewer than 24 columns, it goes on its own line, indented by 4. One
// block of lines per row; the first block is the head.
std::vector<std::string> table_rows(const std::vector<std::string>& head,
                                    const std::vector<std::vector<std::string>>& rows, int width);

// The blocks of table_rows, joined.
std::string table(const std::vector<std::string>& head,
                  const std::vector<std::vector<std::string>>& rows, int width);

}  // namespace backplan
