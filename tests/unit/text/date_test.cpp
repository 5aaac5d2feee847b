#include <doctest/doctest.h>

#include "text/date.h"

using namespace backplan;

TEST_CASE("dates must be real calendar days written YYYY-MM-DD") {
  CHECK(is_iso_date("2026-11-21"));
  CHECK(is_iso_date("2024-02-29"));
  CHECK_FALSE(is_iso_date("2026-02-30"));
  CHECK_FALSE(is_iso_date("2023-02-29"));
  CHECK_FALSE(is_iso_date("1900-02-29"));
  CHECK(is_iso_date("2000-02-29"));
  CHECK_FALSE(is_iso_date("2026-13-01"));
  CHECK_FALSE(is_iso_date("2026-1-01"));
  CHECK_FALSE(is_iso_date("21.11.2026"));
  CHECK_FALSE(is_iso_date(""));
}

TEST_CASE("the weekday and the next day follow the Gregorian calendar") {
  const CivilDate leap_day = *parse_iso_date("2024-02-29");
  CHECK(weekday(leap_day) == 4);  // a Thursday
  const CivilDate after = next_day(leap_day);
  CHECK((after.year == 2024 && after.month == 3 && after.day == 1));
  const CivilDate new_year = next_day(*parse_iso_date("2026-12-31"));
  CHECK((new_year.year == 2027 && new_year.month == 1 && new_year.day == 1));
  CHECK(weekday(new_year) == 5);  // a Friday
}
