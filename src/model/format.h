#pragma once
// Output formats, shared by the commands.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/names.h"

namespace backplan {

enum class Format { text, json, markdown, html };
inline constexpr auto kFormatNames = make_names<Format>({{Format::text, "text"},
                                                         {Format::json, "json"},
                                                         {Format::markdown, "markdown"},
                                                         {Format::html, "html"}});

}  // namespace backplan
