#pragma once
// A drawing in Unicode braille for the terminal (backplan go): each character cell holds 2 x 4
// dots, which are about square in a terminal's cells, so the figure keeps its proportions.

#include <string>
#include <vector>

#include "figure/figure.h"

namespace backplan::figure {

// The drawing scaled to fit `columns` x `rows` cells (keeping its proportions), as rows of
// braille characters, an empty cell a space; every row the same number of cells. Body strokes
// keep their width (at least one dot); the far limbs and an earlier, faded pose are drawn with
// every other dot, so they read lighter; props are outlines, so a roller or ball under the body
// stays apart from it. Empty when the drawing is empty or there is no room.
std::vector<std::string> to_braille(const Drawing& drawing, int columns, int rows);

}  // namespace backplan::figure
