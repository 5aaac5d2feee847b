#pragma once
// "What would help": the fewest tools to add that bring back the most of what a plan left out
// for want of a tool. Pure: it re-plans with each candidate.

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "model/library.h"
#include "model/plan.h"

namespace backplan {

// Tries each tool the person lacks that an exercise left out (or a version that could have
// stood in for it) needs, or a stand-in for such a tool (library order), then pairs of them if
// no single tool helps, and re-plans with it. The best is the one that brings back the most
// slots left out for a reason other than time; fewest tools first, ties by library order.
// A tool a condition rules out brings nothing back, so it is never suggested. Nothing when
// no tool helps, the plan is on hold, or nothing was left out for want of a tool.
std::optional<EquipmentSuggestion> suggest_equipment(const Library& lib, const Plan& plan);

// suggest_equipment for many plans of one library (a batch): plans made from the same
// circumstances (the profile but its name, and no diary) share one answer, so a roster of
// look-alike clients re-plans once per kind of client. It keeps at most `capacity` answers and
// starts afresh when full, so its memory does not grow with the roster.
class SuggestionCache {
 public:
  explicit SuggestionCache(const Library& lib, std::size_t capacity = 4096)
      : lib_(lib), capacity_(capacity) {}
  // The same as suggest_equipment(lib, plan); a plan that follows a diary is never shared.
  std::optional<EquipmentSuggestion> suggest(const Plan& plan);
  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }

 private:
  const Library& lib_;
  std::size_t capacity_;
  std::map<std::string, std::optional<EquipmentSuggestion>> answers_;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
};

}  // namespace backplan
