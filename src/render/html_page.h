#pragma once
// The look of every printed sheet (the handout, the referral sheet, the progress report): one
// stylesheet and one document head, so they all read alike.

#include <string>

namespace backplan {

// The sheets' style: 11 pt and up, margins that suit A4 and US Letter alike.
extern const char* const kSheetStyle;

// The page up to <body>: the document head with the sheets' style, and `extra_style` after it.
std::string page_head(const std::string& title, const std::string& extra_style = "");

}  // namespace backplan
