// libFuzzer harness: the profile loader on arbitrary bytes, against the built-in library; a
// profile that loads is resolved and planned, so the planner sees every profile it can read.
#include <cstddef>
#include <cstdint>
#include <string>

#include "load/library_loader.h"
#include "load/yaml_tree.h"
#include "model/diagnostics.h"
#include "plan/planner.h"
#include "render/render_json.h"
#include "render/render_text.h"
#include "resolve/profile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const backplan::Library lib = backplan::load_library_or_throw({});
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const backplan::YamlNodePtr root = backplan::parse_yaml(text, "fuzz.yaml");
    backplan::DiagnosticSink sink;
    const backplan::ProfileInput input = backplan::read_profile(*root, "fuzz.yaml", lib, sink);
    if (!sink.empty()) return 0;
    const backplan::Profile profile = backplan::resolve_profile(lib, input, {});
    const backplan::PlanResult result = backplan::make_plan(lib, profile);
    if (const auto* plan = std::get_if<backplan::Plan>(&result)) {
      (void)backplan::render_json(*plan);
      (void)backplan::render_text(*plan, {});
    }
  } catch (const backplan::Error&) {
    // A rejected file is a correct answer.
  }
  return 0;
}
