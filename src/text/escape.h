#pragma once
// Making text from a profile, a roster or a routine file literal in HTML and Markdown.

#include <string>

namespace backplan {

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(const std::string& text);

// Makes `text` (a name, cue or reason from the user or a YAML file) literal Markdown: inline
// markup (* _ ` [ ] < > ~ \ # and entity-like &) is backslash-escaped, a leading list, heading
// or thematic-break marker is neutralised, and line breaks become spaces, so the text stays one
// plain run wherever it is placed.
std::string markdown_escape(const std::string& text);

// One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, its quotes
// doubled. With `guard_formula`, text a spreadsheet would run as a formula (starting with =, +, -
// or @) starts with an apostrophe; numbers are written without it.
std::string csv_escape(const std::string& text, bool guard_formula = true);

}  // namespace backplan
