// libFuzzer harness: the roster readers on arbitrary bytes, against the built-in library. The
// same bytes are read as a CSV roster (with its separator detection: ',', ';' or tab; a byte
// order mark; CRLF) and as a YAML roster; every row that reads without problems is resolved and
// planned, and its plan rendered, so the planner sees every client a roster can give it.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <variant>

#include "batch/roster.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"
#include "plan/planner.h"
#include "render/render_json.h"
#include "render/render_text.h"
#include "resolve/profile.h"

namespace {

void read_all(const std::string& text, backplan::RosterFormat format,
              const backplan::Library& lib) {
  std::istringstream in(text);
  const auto roster = format == backplan::RosterFormat::csv
                          ? backplan::csv_roster(in, "fuzz.csv", lib)
                          : backplan::yaml_roster(in, "fuzz.yaml", lib);
  try {
    backplan::RosterRow row;
    while (roster->next(row)) {
      (void)roster->take_notes();
      if (!row.problems.empty()) continue;
      const backplan::Profile profile = backplan::resolve_profile(lib, row.input, {});
      const backplan::PlanResult result = backplan::make_plan(lib, profile);
      if (const auto* plan = std::get_if<backplan::Plan>(&result)) {
        (void)backplan::render_json(*plan);
        (void)backplan::render_text(*plan, {});
      }
    }
  } catch (const backplan::Error&) {
    // A roster that cannot be read as a whole is a correct answer.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const backplan::Library lib = backplan::load_library_or_throw({});
  const std::string text(reinterpret_cast<const char*>(data), size);
  read_all(text, backplan::RosterFormat::csv, lib);
  read_all(text, backplan::RosterFormat::yaml, lib);
  return 0;
}
