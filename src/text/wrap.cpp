#include "text/wrap.h"

#include <algorithm>

#include "text/utf8.h"

namespace backplan {

std::string wrap(const std::string& text, int width, const std::string& first,
                 const std::string& rest) {
  std::string out = first;
  int col = columns(first);
  const int rest_cols = columns(rest);
  bool line_has_word = false;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) break;
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    std::string word = text.substr(i, j - i);
    int w = columns(word);
    if (line_has_word && col + 1 + w > width) {
      out += "\n" + rest;
      col = rest_cols;
      line_has_word = false;
    }
    if (line_has_word) {
      out += ' ';
      ++col;
    }
    // A word longer than a whole line (a long web address) is cut at the line's end, so that no
    // line is wider than `width`.
    while (w > width - rest_cols && col + w > width && col < width) {
      const std::size_t cut = prefix_bytes(word, static_cast<std::size_t>(width - col));
      out += word.substr(0, cut) + "\n" + rest;
      word.erase(0, cut);
      w = columns(word);
      col = rest_cols;
    }
    out += word;
    col += w;
    line_has_word = true;
    i = j;
  }
  return out;
}

std::string pad(const std::string& s, int width) {
  return s + std::string(static_cast<std::size_t>(std::max(0, width - columns(s))), ' ');
}

std::vector<std::string> table_rows(const std::vector<std::string>& head,
                                    const std::vector<std::vector<std::string>>& rows, int width) {
  std::vector<int> widths(head.size(), 0);
  for (std::size_t c = 0; c < head.size(); ++c) widths[c] = columns(head[c]);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c + 1 < row.size(); ++c)
      widths[c] = std::max(widths[c], columns(row[c]));
  }
  int indent = 0;
  for (std::size_t c = 0; c + 1 < head.size(); ++c) indent += widths[c] + 2;
  const bool below = width - indent < 24;
  auto block = [&](const std::vector<std::string>& row) {
    std::string prefix;
    for (std::size_t c = 0; c + 1 < row.size(); ++c) {
      prefix += c + 2 < row.size() || !below ? pad(row[c], widths[c] + 2) : row[c];
    }
    if (below) return prefix + "\n" + wrap(row.back(), width, "    ", "    ") + "\n";
    return wrap(row.back(), width, prefix, std::string(static_cast<std::size_t>(indent), ' ')) +
           "\n";
  };
  std::vector<std::string> out{block(head)};
  for (const auto& row : rows) out.push_back(block(row));
  return out;
}

std::string table(const std::vector<std::string>& head,
                  const std::vector<std::vector<std::string>>& rows, int width) {
  std::string out;
  for (const auto& b : table_rows(head, rows, width)) out += b;
  return out;
}

}  // namespace backplan
