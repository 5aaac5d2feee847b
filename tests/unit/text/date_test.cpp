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

TEST_CASE("a date that is written right but does not exist says so") {
  CHECK(iso_date_problem("2026-11-21") == std::nullopt);
  CHECK(iso_date_problem("2026-02-30") == "2026-02-30 does not exist: February 2026 has 28 days");
  CHECK(iso_date_problem("2024-04-31") == "2024-04-31 does not exist: April 2024 has 30 days");
  CHECK(iso_date_problem("2026-13-01") ==
        "2026-13-01 does not exist: the month is written 01 to 12");
  CHECK(iso_date_problem("2026-01-00") == "2026-01-00 does not exist: days start at 01");
  CHECK(iso_date_problem("1899-12-31") == "must be a date from 1900 on, not '1899-12-31'");
  CHECK(iso_date_problem("21/11/2026") == "must be a date written YYYY-MM-DD, not '21/11/2026'");
  CHECK(iso_date_problem("2026-1-01") == "must be a date written YYYY-MM-DD, not '2026-1-01'");
}
