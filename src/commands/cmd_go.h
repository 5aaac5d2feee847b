#pragma once
// `backplan go`: today's plan as a guided session in the terminal (a timer for every hold, rep,
// pass and rest, a breathing pacer on release work), then one diary session with the steps done
// and skipped and the pains before and during. The session itself is src/session/ (pure); this
// is the edge: the questions, the clock, the keys and the screen.

#include <optional>
#include <string>

#include "commands/plan_pipeline.h"
#include "diary/dates.h"

namespace backplan {

struct GoOptions {
  PlanSource plan;  // the same flags as `plan`
  std::optional<std::string> diary;
  bool speak = false;  // spoken cues through espeak-ng
  LocalNow now;        // the clock, read at the edge
};

// Returns the exit code; errors are thrown as Error.
int run_go(const GoOptions& options);

}  // namespace backplan
