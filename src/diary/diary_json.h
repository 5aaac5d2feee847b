#pragma once
// The diary as a file: JSON, format "backplan-diary-1" (schema/backplan-diary.schema.json), which
// `diary export` writes and `diary import` reads back without loss; and CSV, for a spreadsheet.

#include <string>

#include "model/diary.h"

namespace backplan {

inline constexpr const char* kDiaryFormat = "backplan-diary-1";

// Pretty-printed, keys in the documented order, ending with a newline.
std::string diary_to_json(const Diary& diary);

// Reads a "backplan-diary-1" document. Throws Error (bad_data), "path: error: where: what", for
// anything that does not follow the format, so that an import writes nothing from a bad file.
Diary diary_from_json(const std::string& text, const std::string& path);

// One row per session, measure, goal and rating, oldest first (RFC 4180, a header row; lists
// joined with "; "; text that a spreadsheet would read as a formula starts with an apostrophe).
std::string diary_to_csv(const Diary& diary);

}  // namespace backplan
