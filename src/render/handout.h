#pragma once
// Printable handouts (markdown, html): what they need beyond the plan, and the wording both share.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/format.h"
#include "model/plan.h"

namespace backplan {

// Exercise figures as inline SVG markup, by exercise id (the commands draw them from the library).
using FigureMarkup = std::map<std::string, std::string>;

struct HandoutOptions {
  std::optional<std::string> date;  // YYYY-MM-DD, printed in the header; none: no date
  bool brief = false;  // steps, doses and times only; notices and the emergency signs stay
  ClinicInfo clinic;
  const FigureMarkup* figures = nullptr;  // html: each step's figure beside it; none: no figures
};

// "Riverside Physio · Sam Lee, physiotherapist · 020 7946 0000": the clinic's line; and the
// review date and the note, each a line of their own (escaped by `escape`).
std::vector<std::string> clinic_lines(const ClinicInfo& clinic,
                                      std::string (*escape)(const std::string&));

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

// A red-flag client's one-page sheet in a batch, instead of a plan: what was reported and what
// to do about it, the emergency signs, and room for the clinician who sees them.
struct ReportedFlag {
  std::string name;  // "Fever or feeling unwell with back pain"
  std::string what_to_do;
};
struct Referral {
  std::optional<std::string> person;
  std::vector<ReportedFlag> reported;
  std::vector<std::string> stop_if;  // the emergency signs every plan lists
};

// The heading of a referral sheet, in every format.
inline constexpr const char* kReferralTitle = "Please see a clinician before you start";

std::string render_referral_html(const Referral& referral, const HandoutOptions& options);
std::string render_referral_markdown(const Referral& referral, const HandoutOptions& options);
std::string render_referral_text(const Referral& referral, const HandoutOptions& options);
// By format; JSON has no referral sheet (the batch index carries the red flags), so empty.
std::string render_referral(const Referral& referral, Format format, const HandoutOptions& options);

}  // namespace backplan
