#include <fmt/format.h>

#include <vector>

#include "render/handout.h"
#include "text/suggest.h"

namespace backplan {

namespace {

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return days[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
}

// 0 = Sunday (Sakamoto's method, Gregorian calendar).
int weekday(int year, int month, int day) {
  static const int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (month < 3) year -= 1;
  return (year + year / 4 - year / 100 + year / 400 + offsets[month - 1] + day) % 7;
}

}  // namespace

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lengths[p]; ++i) {
      const char c = text[static_cast<std::size_t>(starts[p] + i)];
      if (c < '0' || c > '9') return false;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const int year = parts[0];
  const int month = parts[1];
  const int day = parts[2];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

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

std::string handout_title(const Plan& plan) {
  return plan.profile.name ? fmt::format("{} for {}", plan.routine_name, *plan.profile.name)
                           : plan.routine_name;
}

std::string profile_summary(const Plan& plan) {
  const Profile& p = plan.profile;
  std::vector<std::string> parts;
  if (p.age) parts.push_back(fmt::format("age {}", *p.age));
  parts.push_back(p.floor ? "floor work possible" : "no floor work");
  std::vector<std::string> kit;
  for (const auto& id : p.equipment) kit.push_back(plan.name_of(id));
  parts.push_back(kit.empty() ? "no tools" : join(kit) + (p.equipment_assumed ? " (assumed)" : ""));
  for (const auto& id : p.conditions) parts.push_back(plan.name_of(id));
  if (!p.avoid.empty()) {
    std::vector<std::string> areas;
    for (const auto& id : p.avoid) areas.push_back(plan.name_of(id));
    parts.push_back("keep off: " + join(areas));
  }
  if (p.cleared) parts.push_back("cleared by a clinician");
  return join(parts, " · ");
}

std::array<DiaryDay, 7> diary_days(const std::optional<std::string>& date) {
  std::array<DiaryDay, 7> days;
  if (!date || !is_iso_date(*date)) {
    for (std::size_t i = 0; i < 7; ++i) days[i] = {fmt::format("Day {}", i + 1), ""};
    return days;
  }
  static const char* const weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int year = std::stoi(date->substr(0, 4));
  int month = std::stoi(date->substr(5, 2));
  int day = std::stoi(date->substr(8, 2));
  for (std::size_t i = 0; i < 7; ++i) {
    days[i] = {weekdays[weekday(year, month, day)], fmt::format("{} {}", day, months[month - 1])};
    if (++day > days_in_month(year, month)) {
      day = 1;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
  }
  return days;
}

}  // namespace backplan
