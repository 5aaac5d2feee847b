#pragma once
// `backplan show ID`: one exercise, condition or piece of equipment from the library, with
// everything that connects to it (stand-ins, alternatives, the condition rules that reach it).

#include <string>
#include <vector>

#include "model/library.h"

namespace backplan {

// Every id `show` takes: exercises, conditions, equipment and sources, in that order.
std::vector<std::string> show_ids(const Library& lib);

// The description: a pure function of the library, wrapped at `width` columns. Throws Error
// (usage) with "did you mean" for an id the library does not have.
std::string render_show(const Library& lib, const std::string& id, int width, bool json = false);

// An exercise's figure as SVG. Throws Error (usage) for an id that is not an exercise, or one
// without a figure.
std::string render_show_svg(const Library& lib, const std::string& id);

struct ShowOptions {
  std::string id;
  std::vector<std::string> routines;  // extra library paths, on top of the built-in one
  std::string format = "text";        // text, json or svg (an exercise's figure)
};

// Runs the command; returns the exit code. Errors are thrown as Error.
int run_show(const ShowOptions& options);

}  // namespace backplan
