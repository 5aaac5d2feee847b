#pragma once
// Output formats, shared by the commands.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/names.h"

namespace backplan {

// pdf: drawn by the pdf layer (pdf/pdf_handout.h), not by render().
enum class Format { text, json, markdown, html, pdf };
inline constexpr auto kFormatNames = make_names<Format>({{Format::text, "text"},
                                                         {Format::json, "json"},
                                                         {Format::markdown, "markdown"},
                                                         {Format::html, "html"},
                                                         {Format::pdf, "pdf"}});

}  // namespace backplan
