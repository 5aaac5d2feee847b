#pragma once
// File-name stems for the clients of a roster.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace backplan {

inline constexpr std::size_t kMaxSlugLength = 60;

// A file-name stem for `name`: lowercase ASCII letters and digits in words joined by '-'.
// Latin letters with accents are folded (é -> e, ß -> ss, Ł -> l); other characters either
// separate words (spaces, punctuation, '/', '.') or are dropped (other scripts, invalid UTF-8).
// At most kMaxSlugLength characters, cut at a word boundary when there is one. May be empty.
std::string slugify(std::string_view name);

// Hands out file-name stems that are unique within one run, keeping only an 8-byte hash per
// name handed out. "index" is reserved for the index file.
class SlugRegistry {
 public:
  SlugRegistry();
  // The slug of `name`, or "client-LINE" when that is empty, with "-2", "-3", ... added when the
  // stem is already taken.
  std::string claim(std::string_view name, int line);

 private:
  // value: 0 = free; otherwise the last suffix tried for this stem as a base (1 = only the stem).
  std::uint32_t* find(std::uint64_t key, bool insert);
  void grow();

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t used_ = 0;
};

}  // namespace backplan
