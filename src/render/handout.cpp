#include <fmt/format.h>
#include <fmt/ranges.h>

#include <vector>

#include "render/handout.h"
#include "render/view.h"
#include "text/date.h"
#include "text/escape.h"
#include "text/wrap.h"

namespace backplan {

std::string notice_label(NoticeLevel level) {
  switch (level) {
    case NoticeLevel::stop:
      return "STOP";
    case NoticeLevel::clearance:
      return "CLEARANCE";
    case NoticeLevel::notice:
      return "CHECK";
    case NoticeLevel::info:
      return "NOTE";
  }
  return "NOTE";
}

std::string profile_summary(const Plan& plan) {
  const Profile& p = plan.profile;
  std::vector<std::string> parts;
  if (p.age) parts.push_back(fmt::format("age {}", *p.age));
  parts.push_back(p.floor ? "floor work possible" : "no floor work");
  std::vector<std::string> kit;
  for (const auto& id : p.equipment) kit.push_back(plan.name_of(id));
  parts.push_back(kit.empty() ? "no tools"
                              : fmt::format("{}", fmt::join(kit, ", ")) +
                                    (p.equipment_assumed ? " (assumed)" : ""));
  for (const auto& id : p.conditions) {
    // "Hip replacement (surgical approach: posterior, weeks since surgery: 6)".
    std::vector<std::string> answers;
    if (auto it = p.details.find(id); it != p.details.end()) {
      for (const auto& v : it->second) {
        answers.push_back(fmt::format("{}: {}", plan.name_of(id + "/" + v.detail),
                                      v.value.empty() ? "not given" : v.value));
      }
    }
    parts.push_back(answers.empty()
                        ? plan.name_of(id)
                        : fmt::format("{} ({})", plan.name_of(id), fmt::join(answers, ", ")));
  }
  if (!p.avoid.empty()) {
    std::vector<std::string> areas;
    for (const auto& id : p.avoid) areas.push_back(plan.name_of(id));
    parts.push_back(fmt::format("keep off: {}", fmt::join(areas, ", ")));
  }
  if (p.cleared) parts.push_back("cleared by a clinician");
  for (Today t : p.today)
    parts.push_back(t == Today::flare ? "flare-up day" : "soon after getting up");
  // A condition or the day can hold the level below the one asked for: say so.
  std::string level = fmt::format("{} level", to_string(plan.level));
  if (plan.level < p.level) {
    level += p.level_assumed ? " today" : fmt::format(" today (you chose {})", to_string(p.level));
  }
  parts.push_back(level);
  return fmt::format("{}", fmt::join(parts, " · "));
}

std::vector<std::string> clinic_lines(const ClinicInfo& c,
                                      std::string (*escape)(const std::string&)) {
  std::vector<std::string> lines;
  std::vector<std::string> who;
  for (const auto* part : {&c.clinic, &c.clinician, &c.contact}) {
    if (*part) who.push_back(escape(**part));
  }
  if (!who.empty()) lines.push_back(fmt::format("From: {}", fmt::join(who, " · ")));
  if (c.review_date) lines.push_back("Next review: " + escape(*c.review_date));
  if (c.note) lines.push_back("Note: " + escape(*c.note));
  return lines;
}

std::string render_referral_markdown(const Referral& r, const HandoutOptions& options) {
  std::string out = "# " + std::string(kReferralTitle) +
                    (r.person ? ": " + markdown_escape(*r.person) : std::string()) + "\n";
  if (options.date) out += "\nDate: " + *options.date + "\n";
  out += "\nNo exercises for now: what you told us needs a clinician's check first.\n";
  out += "\n## What you reported\n\n";
  for (const auto& f : r.reported) out += "- " + markdown_escape(f.name) + "\n";
  out += "\n## What to do\n\n";
  for (const auto& f : r.reported)
    out += "- **" + markdown_escape(f.name) + ":** " + markdown_escape(f.what_to_do) + "\n";
  if (!r.stop_if.empty()) {
    out += fmt::format("\n## {}\n\n", kStopIfTitle);
    for (const auto& s : r.stop_if) out += "- " + markdown_escape(s) + "\n";
  }
  return out;
}

std::string render_referral_text(const Referral& r, const HandoutOptions& options) {
  std::string out =
      std::string(kReferralTitle) + (r.person ? ": " + *r.person : std::string()) + "\n";
  if (options.date) out += *options.date + "\n";
  out +=
      "\n" +
      wrap("No exercises for now: what you told us needs a clinician's check first.", 80, "", "") +
      "\n\nWhat you reported\n";
  for (const auto& f : r.reported) out += wrap(f.name, 80, "  - ", "    ") + "\n";
  out += "\nWhat to do\n";
  for (const auto& f : r.reported)
    out += wrap(f.name + ": " + f.what_to_do, 80, "  - ", "    ") + "\n";
  if (!r.stop_if.empty()) {
    out += fmt::format("\n{}\n", kStopIfTitle);
    for (const auto& s : r.stop_if) out += wrap(s, 80, "  - ", "    ") + "\n";
  }
  return out;
}

std::string render_referral(const Referral& referral, Format format,
                            const HandoutOptions& options) {
  switch (format) {
    case Format::html:
      return render_referral_html(referral, options);
    case Format::markdown:
      return render_referral_markdown(referral, options);
    case Format::text:
      return render_referral_text(referral, options);
    case Format::json:
    case Format::pdf:  // drawn by pdf/pdf_handout.h
      return {};
  }
  return {};
}

std::array<DiaryDay, 7> diary_days(const std::optional<std::string>& date) {
  std::array<DiaryDay, 7> days;
  const std::optional<CivilDate> start = date ? parse_iso_date(*date) : std::nullopt;
  if (!start) {
    for (std::size_t i = 0; i < 7; ++i) days[i] = {fmt::format("Day {}", i + 1), ""};
    return days;
  }
  static const char* const weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  CivilDate d = *start;
  for (std::size_t i = 0; i < 7; ++i, d = next_day(d)) {
    days[i] = {weekdays[weekday(d)], fmt::format("{} {}", d.day, months[d.month - 1])};
  }
  return days;
}

}  // namespace backplan
