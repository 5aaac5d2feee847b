#pragma once
// Calendar days written YYYY-MM-DD (Gregorian), as --date and the diary take them.

#include <optional>
#include <string>
#include <string_view>

namespace backplan {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// The day `text` names, when it is written YYYY-MM-DD, from 1900 on, and really exists
// (2026-02-30 does not).
std::optional<CivilDate> parse_iso_date(std::string_view text);

inline bool is_iso_date(std::string_view text) {
  return parse_iso_date(text).has_value();
}

// What is wrong with `text` as a --date, finishing "--date: ...": "must be a date written
// YYYY-MM-DD, not 'x'", "2026-02-30 does not exist: February 2026 has 28 days", ...; unset when
// parse_iso_date() takes it.
std::optional<std::string> iso_date_problem(std::string_view text);

int days_in_month(int year, int month);

// 0 = Sunday.
int weekday(const CivilDate& date);

CivilDate next_day(const CivilDate& date);

// Days since 1970-01-01 (negative before), for counting days between dates, and back.
long day_number(const CivilDate& date);
CivilDate from_day_number(long days);

}  // namespace backplan
