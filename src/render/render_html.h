#pragma once
// Plan -> one self-contained, printable HTML page (inline CSS, no scripts, no external assets).

#include <string>

#include "model/plan.h"
#include "render/handout.h"

namespace backplan {

std::string render_html(const Plan& plan, const HandoutOptions& options);

}  // namespace backplan
