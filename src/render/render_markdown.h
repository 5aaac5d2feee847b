#pragma once
// Plan -> CommonMark handout: the same content as the text output.

#include <string>

#include "model/plan.h"
#include "render/handout.h"

namespace backplan {

std::string render_markdown(const Plan& plan, const HandoutOptions& options);

// Makes `text` (a name, cue or reason from the user or a YAML file) literal Markdown: inline
// markup (* _ ` [ ] < > ~ \ # and entity-like &) is backslash-escaped, a leading list, heading
// or thematic-break marker is neutralised, and line breaks become spaces, so the text stays one
// plain run wherever it is placed.
std::string markdown_escape(const std::string& text);

}  // namespace backplan
