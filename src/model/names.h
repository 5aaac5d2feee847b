#pragma once
// Every enum <-> text mapping is one table, read both ways: to print a value and to parse it,
// and to list the choices in error messages and completions.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backplan {

template <typename E>
struct NameOf {
  E value;
  std::string_view name;
};

template <typename E, std::size_t N>
class NameTable {
 public:
  constexpr explicit NameTable(const std::array<NameOf<E>, N>& entries) : entries_(entries) {}

  // The name of `value`; empty for a value the table lacks (a bug the tests catch).
  constexpr std::string_view name(E value) const {
    for (const auto& e : entries_) {
      if (e.value == value) return e.name;
    }
    return {};
  }

  constexpr std::optional<E> parse(std::string_view name) const {
    for (const auto& e : entries_) {
      if (e.name == name) return e.value;
    }
    return std::nullopt;
  }

  // The names in table order, for "valid: ..." messages and completion.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    out.reserve(N);
    for (const auto& e : entries_) out.emplace_back(e.name);
    return out;
  }

  constexpr const std::array<NameOf<E>, N>& entries() const { return entries_; }

 private:
  std::array<NameOf<E>, N> entries_;
};

// Deduces the table's type from a braced list: make_names<Phase>({{...}, {...}}).
template <typename E, std::size_t N>
constexpr NameTable<E, N> make_names(const NameOf<E> (&entries)[N]) {
  std::array<NameOf<E>, N> a{};
  for (std::size_t i = 0; i < N; ++i) a[i] = entries[i];
  return NameTable<E, N>(a);
}

}  // namespace backplan
