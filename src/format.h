#pragma once
// Output formats, shared by the commands.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backplan {

enum class Format { text, json, markdown, html };

inline std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "markdown") return Format::markdown;
  if (name == "html") return Format::html;
  return std::nullopt;
}

inline const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names{"text", "json", "markdown", "html"};
  return names;
}

}  // namespace backplan
