#include <doctest/doctest.h>

#include <string>

#include "commands/cmd_goals.h"
#include "model/diagnostics.h"

using namespace backplan;

namespace {

template <typename F>
std::string error_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    return std::to_string(static_cast<int>(e.code())) + " " + e.message();
  }
  return "no error";
}

const LocalNow kNow{{2026, 3, 10}, 9 * 60};

}  // namespace

TEST_CASE("whole_flag: whole numbers in range, each problem naming the flag") {
  CHECK(whole_flag("--pain-before", "0", 0, 10) == 0);
  CHECK(whole_flag("--pain-before", "10", 0, 10) == 10);
  CHECK(whole_flag("N", "-3", -5, 5) == -3);
  const std::string range = "2 --pain-before: must be a whole number from 0 to 10, not ";
  CHECK(error_of([] { whole_flag("--pain-before", "11", 0, 10); }) == range + "'11'");
  CHECK(error_of([] { whole_flag("--pain-before", "abc", 0, 10); }) == range + "'abc'");
  CHECK(error_of([] { whole_flag("--pain-before", "3.5", 0, 10); }) == range + "'3.5'");
  CHECK(error_of([] { whole_flag("--pain-before", "", 0, 10); }) == range + "''");
  CHECK(error_of([] { whole_flag("--pain-before", "99999999999", 0, 10); }) ==
        range + "'99999999999'");
}

TEST_CASE("date_flag: today by default, a real day, never after today") {
  CHECK(date_flag(std::nullopt, kNow).day == 10);
  CHECK(date_flag(std::string("2026-03-10"), kNow).day == 10);
  CHECK(date_flag(std::string("2025-12-31"), kNow).year == 2025);
  CHECK(error_of([] { date_flag(std::string("2026-03-11"), kNow); }) ==
        "2 --date: 2026-03-11 is in the future (today is 2026-03-10)");
  CHECK(error_of([] { date_flag(std::string("2026-02-30"), kNow); }) ==
        "2 --date: 2026-02-30 does not exist: February 2026 has 28 days");
}
