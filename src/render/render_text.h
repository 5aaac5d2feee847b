#pragma once
// Plan -> text for a terminal: fits the width, colour only when asked.

#include <string>

#include "model/plan.h"
#include "text/wrap.h"

namespace backplan {

struct TextOptions {
  bool color = false;
  int width = 80;
};

std::string render_text(const Plan& plan, const TextOptions& options);

// "3 rounds of 5, 3, 1 holds of 10 s on each side" — a dose in words.
std::string dose_in_words(const StepDose& dose, Phase phase);

// "45 s", "2 min", "2 min 30 s".
std::string duration_in_words(int seconds);

}  // namespace backplan
