#pragma once
// The diary read into a progress state: where each ladder of a routine stands and why, by the
// library's progression policy. Pure: the diary is read from its file elsewhere and passed in.

#include <string>
#include <utility>
#include <vector>

#include "model/diary.h"
#include "model/library.h"
#include "model/progress.h"
#include "text/date.h"

namespace backplan {

// Where each ladder (slot) of `routine` stands for a plan made on `today`, from the sessions of
// that routine logged up to and including `today`; the flare-up advice and the adherence line
// (which counts sessions of any routine). A diary written against an older library falls back
// to the first step of a ladder and says so. `routine` must be one of the library's routines.
Progress progress_from(const Library& lib, const std::string& routine, const Diary& diary,
                       const CivilDate& today);

// `text` with each {name} replaced by its value.
std::string fill_in(std::string text,
                    const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace backplan
