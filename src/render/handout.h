#pragma once
// Printable handouts (markdown, html): what they need beyond the plan, and the wording both share.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "model/plan.h"

namespace backplan {

struct HandoutOptions {
  std::optional<std::string> date;  // YYYY-MM-DD, printed in the header; none: no date
  bool brief = false;  // steps, doses and times only; notices and the emergency signs stay
};

// "STOP", "CLEARANCE", "CHECK", "NOTE": how a notice's level is labelled (as in the text output).
std::string notice_label(NoticeLevel level);

// "age 70 · no floor work · Tennis ball · Osteoporosis": the person's circumstances in one line.
std::string profile_summary(const Plan& plan);

// A column of the pain diary: {"Sat", "21 Nov"}, or {"Day 1", ""} when the handout has no date.
struct DiaryDay {
  std::string weekday;
  std::string date;
};

// The pain diary's seven days, from `date` (a valid YYYY-MM-DD) on; numbered without one.
std::array<DiaryDay, 7> diary_days(const std::optional<std::string>& date);

}  // namespace backplan
