#pragma once
// Dates and times of day as the diary writes them.

#include <optional>
#include <string>
#include <string_view>

#include "text/date.h"

namespace backplan {

// "2026-05-04".
std::string iso_date(const CivilDate& date);

// "07:05", from minutes after midnight.
std::string clock_time(int minute);

// Minutes after midnight from "HH:MM" (00:00 to 23:59); unset otherwise.
std::optional<int> parse_clock_time(std::string_view text);

// Whether `a` is before `b`.
bool before(const CivilDate& a, const CivilDate& b);

}  // namespace backplan

namespace backplan {

// The local date and time of day.
struct LocalNow {
  CivilDate date;
  int minute = 0;  // after midnight
};

// From the clock (the one place the diary's commands read it).
LocalNow local_now();

}  // namespace backplan
