#pragma once
// What `plan` and `batch` share for --format pdf: the paper, and the terminal check.

#include <optional>
#include <string>

#include "pdf/pdf_handout.h"

namespace backplan {

// The paper a locale prints on: Letter for the territories that use it (US, Canada, Mexico,
// Chile, Colombia, Venezuela, the Philippines, Puerto Rico), else A4. `locale` is a locale
// name as in LC_PAPER ("en_US.UTF-8"); none or "C"/"POSIX": A4.
Paper paper_for_locale(const std::optional<std::string>& locale);

// --paper as given, else the one LC_ALL, LC_PAPER or LANG (the first that is set) prints on.
// Throws Error (usage) naming --paper for a value that is neither a4 nor letter.
Paper resolve_paper(const std::optional<std::string>& flag);

// Throws Error (usage) naming --format when a PDF would go to a terminal (`output` "-").
void refuse_pdf_to_terminal(const std::string& output);

}  // namespace backplan
