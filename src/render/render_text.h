#pragma once
// Plan -> text for a terminal: fits the width, colour only when asked.

#include <string>

#include "model/plan.h"
#include "render/view.h"  // dose_in_words, duration_in_words
#include "text/wrap.h"

namespace backplan {

struct TextOptions {
  bool color = false;
  int width = 80;
  bool brief = false;  // steps, doses and times only; notices and the emergency signs stay
  bool from_saved_profile = false;  // the plan started from the saved profile: say so
};

std::string render_text(const Plan& plan, const TextOptions& options);

}  // namespace backplan
