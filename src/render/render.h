#pragma once
// The one way to render a plan: the format picks the renderer.

#include <optional>
#include <string>

#include "model/format.h"
#include "model/plan.h"
#include "render/handout.h"

namespace backplan {

struct RenderOptions {
  bool color = false;               // text: ANSI colour and emphasis
  int width = 80;                   // text: the columns to fit
  std::optional<std::string> date;  // markdown and html: YYYY-MM-DD in the header; none: none
  bool brief = false;  // steps, doses and times only; notices and the emergency signs stay
  ClinicInfo clinic;   // markdown and html: who gave the handout, the review date, a note
  bool from_saved_profile = false;        // text: the plan started from the saved profile: say so
  const FigureMarkup* figures = nullptr;  // html: each step's figure (handout.h)
};

std::string render(const Plan& plan, Format format, const RenderOptions& options);

// ".html", ".md", ".txt", ".json": a rendered file's extension.
// The format a file name asks for, from its extension (any case): .json, .md or .markdown,
// .html or .htm, .txt; nullopt for any other name.
std::optional<Format> format_for_file(const std::string& path);

const char* file_extension(Format format);

}  // namespace backplan
