// libFuzzer harness: `diary import` on arbitrary bytes. A document that reads is merged into a
// fresh diary file twice (the second merge must add nothing), read back, and exported again; the
// export must read back to the same export.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "diary/diary_json.h"
#include "diary/store.h"
#include "model/diagnostics.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path dir = [] {
    char name[] = "/tmp/fuzz-diary-XXXXXX";
    if (::mkdtemp(name) == nullptr) std::abort();
    return std::filesystem::path(name);
  }();
  const std::string text(reinterpret_cast<const char*>(data), size);
  backplan::Diary entries;
  try {
    entries = backplan::diary_from_json(text, "fuzz.json");
  } catch (const backplan::Error&) {
    return 0;  // a rejected file is a correct answer
  }
  const std::filesystem::path path = dir / "diary.sqlite";
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path.string() + suffix, ec);
  }
  try {
    backplan::merge_into_diary(path, entries);
  } catch (const backplan::Error& e) {
    if (e.code() != backplan::ExitCode::bad_data) std::abort();  // only "too many goals"
    return 0;
  }
  const backplan::MergeResult again = backplan::merge_into_diary(path, entries);
  if (again.added.sessions + again.added.measures + again.added.goals + again.added.ratings != 0) {
    std::abort();
  }
  const std::string exported = backplan::diary_to_json(backplan::read_diary(path));
  if (backplan::diary_to_json(backplan::diary_from_json(exported, "export.json")) != exported) {
    std::abort();
  }
  return 0;
}
