#pragma once
// A drawing as an SVG document: deterministic bytes (numbers to 0.01 mm), no text.

#include <string>

#include "figure/figure.h"

namespace backplan::figure {

// A standalone SVG (with the XML declaration when `standalone`; without it, for inlining in an
// HTML handout, hidden from screen readers since the step's words say what it shows), sized in
// millimetres.
std::string to_svg(const Drawing& drawing, bool standalone = true);

}  // namespace backplan::figure
