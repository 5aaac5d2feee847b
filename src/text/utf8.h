#pragma once
// UTF-8: the one decoder every part of the program uses, and what is built on it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace backplan {

// Decodes the code point at text[i] into `cp`; returns its length in bytes, or 0 for a byte
// that does not start a valid sequence (overlong forms, surrogates and values past U+10FFFF
// included).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp);

// The offset of the first byte that is not valid UTF-8, or nullopt when all of it is.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

inline bool is_valid_utf8(std::string_view text) {
  return !first_invalid_utf8(text).has_value();
}

// How many code points `text` holds (continuation bytes are not counted). This is also the
// width a terminal gives it: one column per code point.
std::size_t code_points(std::string_view text);
inline int columns(std::string_view text) {
  return static_cast<int>(code_points(text));
}

// The length in bytes of the first `n` code points of `text` (all of it when it has fewer).
std::size_t prefix_bytes(std::string_view text, std::size_t n);

// Whether `text` holds a C0 control character or DEL.
bool has_control_character(std::string_view text);

// `text` with control characters written as \n, \t, \r or \xNN, so a message stays one line.
std::string one_line(std::string_view text);

}  // namespace backplan
