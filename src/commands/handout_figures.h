#pragma once
// The exercise figures an HTML handout shows beside its steps, drawn from the library's pose data
// (figure/) and kept as inline SVG: a batch draws each exercise once for all its clients.

#include <string>

#include "model/library.h"
#include "model/plan.h"
#include "render/handout.h"

namespace backplan {

class HandoutFigures {
 public:
  explicit HandoutFigures(const Library& lib) : lib_(lib) {}

  // The figures of every step of `plan` (and of the plans before): each drawn the first time.
  // An exercise without a figure has none (never another's).
  const FigureMarkup& for_plan(const Plan& plan);

 private:
  const Library& lib_;
  FigureMarkup markup_;
};

}  // namespace backplan
