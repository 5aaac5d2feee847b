#pragma once
// Plan -> CommonMark handout: the same content as the text output.

#include <string>

#include "model/plan.h"
#include "render/handout.h"

namespace backplan {

std::string render_markdown(const Plan& plan, const HandoutOptions& options);

}  // namespace backplan
