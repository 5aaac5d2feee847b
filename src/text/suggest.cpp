#include "text/suggest.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace backplan {

namespace {

// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

}  // namespace

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& choices) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& choice : choices) {
    const std::size_t d = edit_distance(word, choice);
    if (!best || d < best_distance) {
      best = choice;
      best_distance = d;
    }
  }
  // A typo is a few edits away, relative to the word's length; a prefix also counts.
  const std::size_t allowed = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
  if (best && best_distance <= allowed) return best;
  if (word.size() >= 3) {
    for (const auto& choice : choices) {
      if (choice.compare(0, word.size(), word) == 0) return choice;
    }
  }
  return std::nullopt;
}

std::string unknown_message(std::string_view kind, std::string_view word,
                            const std::vector<std::string>& choices) {
  if (auto guess = closest(word, choices)) {
    return fmt::format("unknown {} '{}' (did you mean '{}'?)", kind, word, *guess);
  }
  // A word that is part of some choices' names (`back`: lower-back, mid-back, upper-back).
  std::vector<std::string> with_word;
  if (!word.empty() && word.find('-') == std::string_view::npos) {
    for (const auto& choice : choices) {
      for (std::size_t start = 0; start <= choice.size();) {
        std::size_t end = choice.find('-', start);
        if (end == std::string::npos) end = choice.size();
        if (std::string_view(choice).substr(start, end - start) == word) {
          with_word.push_back(choice);
          break;
        }
        start = end + 1;
      }
    }
  }
  if (with_word.size() == 1) {
    return fmt::format("unknown {} '{}' (did you mean '{}'?)", kind, word, with_word.front());
  }
  if (!with_word.empty()) {
    return fmt::format("unknown {} '{}'; did you mean one of {}?", kind, word,
                       fmt::join(with_word, ", "));
  }
  return fmt::format("unknown {} '{}'; valid: {}", kind, word, fmt::join(choices, ", "));
}

}  // namespace backplan
