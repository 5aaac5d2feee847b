#include "commands/handout_figures.h"

#include "figure/figure.h"
#include "figure/svg.h"

namespace backplan {

const FigureMarkup& HandoutFigures::for_plan(const Plan& plan) {
  if (!lib_.figure_model.defined) return markup_;
  for (const auto& phase : plan.phases) {
    for (const auto& step : phase.steps) {
      if (markup_.count(step.id)) continue;
      const Exercise* x = lib_.find_exercise(step.id);
      if (!x || !x->figure) continue;
      markup_[step.id] = figure::to_svg(figure::draw_figure(lib_.figure_model, *x->figure), false);
    }
  }
  return markup_;
}

}  // namespace backplan
