#pragma once
// The one way to render a plan: the format picks the renderer.

#include <optional>
#include <string>

#include "model/format.h"
#include "model/plan.h"

namespace backplan {

struct RenderOptions {
  bool color = false;               // text: ANSI colour and emphasis
  int width = 80;                   // text: the columns to fit
  std::optional<std::string> date;  // markdown and html: YYYY-MM-DD in the header; none: none
  bool from_saved_profile = false;  // text: the plan started from the saved profile: say so
};

std::string render(const Plan& plan, Format format, const RenderOptions& options);

// ".html", ".md", ".txt", ".json": a rendered file's extension.
const char* file_extension(Format format);

}  // namespace backplan
