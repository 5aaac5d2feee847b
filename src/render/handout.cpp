#include <fmt/format.h>
#include <fmt/ranges.h>

#include <vector>

#include "render/handout.h"
#include "text/date.h"

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
  parts.push_back(fmt::format("{} level", to_string(plan.level)));
  return fmt::format("{}", fmt::join(parts, " · "));
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
