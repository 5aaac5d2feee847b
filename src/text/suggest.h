#pragma once
// "Did you mean ...?" for unknown names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backplan {

// The choice closest to `word` by edit distance, when it is close enough to be a typo.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& choices);

// "unknown KIND 'WORD' (did you mean 'X'?)"; for a word that is part of several choices,
// "unknown KIND 'back'; did you mean one of lower-back, mid-back, upper-back?"; with nothing
// close, "unknown KIND 'WORD'; valid: a, b, c".
std::string unknown_message(std::string_view kind, std::string_view word,
                            const std::vector<std::string>& choices);

}  // namespace backplan
