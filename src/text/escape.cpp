#include "text/escape.h"

#include <string_view>

namespace backplan {

std::string html_escape(const std::string& text) {
  constexpr std::string_view kSpecial = "&<>\"'";
  std::size_t start = 0;
  std::size_t at = text.find_first_of(kSpecial.data(), 0, kSpecial.size());
  if (at == std::string::npos) return text;  // most text has nothing to escape
  std::string out;
  out.reserve(text.size() + 16);
  for (; at != std::string::npos;
       at = text.find_first_of(kSpecial.data(), start, kSpecial.size())) {
    out.append(text, start, at - start);
    switch (text[at]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += "&#39;";
        break;
    }
    start = at + 1;
  }
  out.append(text, start, std::string::npos);
  return out;
}

namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string markdown_escape(const std::string& text) {
  // One line, without the leading and trailing blanks that could make code blocks or hard breaks.
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  const std::size_t first = flat.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  flat = flat.substr(first, flat.find_last_not_of(' ') - first + 1);

  std::string out;
  // A leading "-", "+" or "=" would start a list, thematic break or setext underline;
  // "12." or "12)" an ordered list.
  std::size_t digits = 0;
  while (digits < flat.size() && digits < 9 && flat[digits] >= '0' && flat[digits] <= '9') ++digits;
  const bool ordered_marker =
      digits > 0 && digits < flat.size() && (flat[digits] == '.' || flat[digits] == ')');
  if (flat[0] == '-' || flat[0] == '+' || flat[0] == '=') out += '\\';
  for (std::size_t i = 0; i < flat.size(); ++i) {
    const char c = flat[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '~':
      case '#':
        out += '\\';
        break;
      case '&':
        // Only "&name;", "&#123;" and the like are entity references.
        if (i + 1 < flat.size() && (is_ascii_alnum(flat[i + 1]) || flat[i + 1] == '#')) out += '\\';
        break;
      default:
        if (ordered_marker && i == digits) out += '\\';
        break;
    }
    out += c;
  }
  return out;
}

std::string csv_escape(const std::string& text, bool guard_formula) {
  std::string s = text;
  if (guard_formula && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) {
    s = "'" + s;
  }
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace backplan
