#include "commands/handout_figures.h"

#include "figure/figure.h"
#include "figure/svg.h"

namespace backplan {

const FigureMarkup& HandoutFigures::for_plan(const Plan& plan) {
  for (const auto& phase : plan.phases) {
    for (const auto& step : phase.steps) {
      if (markup_.count(step.id)) continue;
      const figure::Drawing drawing = figure::draw_exercise(lib_, step.id);
      if (!drawing.items.empty()) markup_[step.id] = figure::to_svg(drawing, false);
    }
  }
  return markup_;
}

}  // namespace backplan
