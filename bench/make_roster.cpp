// Writes a made-up CSV roster of N clients to standard output, for timing `backplan batch`:
//   backplan_make_roster N
// Names repeat (60 first names x 60 surnames), so file-name collisions are common; the tools,
// conditions, regions and routines come from the built-in library; about 1 client in 100 has a
// red flag. The same N always gives the same roster.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "load/library_loader.h"
#include "resolve/profile.h"
#include "text/suggest.h"

using namespace backplan;

namespace {

struct Random {
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  std::uint32_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state >> 33);
  }
  std::size_t below(std::size_t n) { return next() % n; }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
};

const char* const kFirst[] = {
    "Ann",   "Bob",   "Cara", "Dev",  "Eli",  "Fay",   "Gus",   "Hana",  "Ivo",   "Jo",
    "Kai",   "Lena",  "Mo",   "Nia",  "Otto", "Pia",   "Quin",  "Rosa",  "Sam",   "Tess",
    "Uma",   "Vic",   "Wes",  "Xena", "Yuri", "Zoë",   "Åsa",   "José",  "Łucja", "Øyvind",
    "Amir",  "Bea",   "Cruz", "Dana", "Emil", "Flora", "Gita",  "Hugo",  "Iris",  "Jonas",
    "Kemal", "Lior",  "Maya", "Nils", "Olga", "Paulo", "Rania", "Sören", "Tomás", "Ulla",
    "Vera",  "Wanda", "Xiu",  "Yara", "Zeno", "Anouk", "Björn", "Chloé", "Dario", "Elif"};
const char* const kLast[] = {
    "Smith",    "Jones",     "García", "Müller",   "Rossi",   "Nowak",   "Kim",     "Nguyen",
    "Silva",    "Dubois",    "Novák",  "Olsen",    "Kaya",    "Cohen",   "Ivanova", "Singh",
    "Tanaka",   "Brown",     "Ahmed",  "Lopez",    "Bauer",   "Costa",   "Horvat",  "Jensen",
    "Kowalski", "Li",        "Moreau", "Nakamura", "O'Brien", "Patel",   "Quinn",   "Reyes",
    "Schmidt",  "Torres",    "Ueda",   "Varga",    "Weber",   "Xavier",  "Yilmaz",  "Zhang",
    "Adams",    "Berg",      "Chen",   "Diaz",     "Evans",   "Fischer", "Gomez",   "Hansen",
    "Ito",      "Jovanović", "Khan",   "Larsen",   "Meyer",   "Nielsen", "Ortiz",   "Park",
    "Ramos",    "Sato",      "Tran",   "Wright"};

// `count` distinct ids from `pool`, joined by ';'.
std::string pick(Random& r, const std::vector<std::string>& pool, std::size_t count) {
  std::vector<std::string> out;
  while (out.size() < count && out.size() < pool.size()) {
    const std::string& id = pool[r.below(pool.size())];
    bool seen = false;
    for (const auto& o : out) seen = seen || o == id;
    if (!seen) out.push_back(id);
  }
  return fmt::format("{}", fmt::join(out, ";"));
}

// A CSV field, quoted when it has to be.
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || std::atol(argv[1]) <= 0) {
    std::fputs("usage: backplan_make_roster N\n", stderr);
    return 2;
  }
  const long n = std::atol(argv[1]);
  const Library lib = load_library_or_throw({});
  std::vector<std::string> conditions, red_flags;
  for (const auto& c : lib.conditions) {
    if (c.when) continue;
    (c.gate == Gate::stop ? red_flags : conditions).push_back(c.id);
  }
  const auto equipment = equipment_choices(lib);
  const auto regions = region_choices(lib);
  const auto routines = routine_choices(lib);
  const int minutes[] = {10, 15, 20, 20, 30, 45};
  Random r;
  std::string out = "name,age,floor,equipment,conditions,avoid,minutes,cleared,routine\n";
  for (long i = 0; i < n; ++i) {
    const std::string name =
        fmt::format("{} {}", kFirst[r.below(std::size(kFirst))], kLast[r.below(std::size(kLast))]);
    std::string conds = pick(r, conditions, r.below(3));
    if (r.chance(1)) conds += (conds.empty() ? "" : ";") + red_flags[r.below(red_flags.size())];
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{}\n", field(name), 25 + r.below(66), r.chance(85) ? "yes" : "no",
        r.chance(10) ? std::string("none") : pick(r, equipment, 1 + r.below(3)), conds,
        r.chance(15) ? pick(r, regions, 1) : std::string(), minutes[r.below(std::size(minutes))],
        r.chance(20) ? "yes" : "", routines[r.below(routines.size())]);
    if (out.size() > (1 << 16)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
