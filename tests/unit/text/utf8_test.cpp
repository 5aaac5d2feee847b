#include <doctest/doctest.h>

#include "text/utf8.h"
#include "text/wrap.h"

using namespace backplan;

TEST_CASE("decode_utf8 reads one code point and refuses what is not UTF-8") {
  char32_t cp = 0;
  CHECK(decode_utf8("a", 0, cp) == 1);
  CHECK(cp == U'a');
  CHECK(decode_utf8("\xC3\xA9", 0, cp) == 2);  // é
  CHECK(cp == 0xE9);
  CHECK(decode_utf8("\xE1\xBB\x85", 0, cp) == 3);  // ễ
  CHECK(cp == 0x1EC5);
  CHECK(decode_utf8("\xF0\x9F\x98\x80", 0, cp) == 4);  // 😀
  CHECK(cp == 0x1F600);
  CHECK(decode_utf8("\xC0\xAF", 0, cp) == 0);          // overlong '/'
  CHECK(decode_utf8("\xE0\x80\xAF", 0, cp) == 0);      // overlong, three bytes
  CHECK(decode_utf8("\xED\xA0\x80", 0, cp) == 0);      // a surrogate
  CHECK(decode_utf8("\xF4\x90\x80\x80", 0, cp) == 0);  // past U+10FFFF
  CHECK(decode_utf8("\xC3", 0, cp) == 0);              // cut short
  CHECK(decode_utf8("\x80", 0, cp) == 0);              // a lone continuation byte
}

TEST_CASE("first_invalid_utf8 finds the offset of the first bad byte") {
  CHECK_FALSE(first_invalid_utf8("Zo\xC3\xAB").has_value());
  CHECK(first_invalid_utf8("ab\xFF") == std::optional<std::size_t>(2));
  CHECK(is_valid_utf8(""));
  CHECK_FALSE(is_valid_utf8("\xC3("));
}

TEST_CASE("columns count code points, not bytes") {
  CHECK(columns("Zo\xC3\xAB") == 3);
  CHECK(code_points("Nguy\xE1\xBB\x85n") == 6);
}

TEST_CASE("one_line writes control characters as escapes") {
  CHECK(one_line("a\nb\tc\rd\x01\x7f") == "a\\nb\\tc\\rd\\x01\\x7f");
  CHECK(has_control_character("a\tb"));
  CHECK_FALSE(has_control_character("Zo\xC3\xAB"));
}

TEST_CASE("wrap breaks between words and counts columns, not bytes") {
  CHECK(wrap("\xC3\xA9\xC3\xA9 \xC3\xA9\xC3\xA9 \xC3\xA9\xC3\xA9", 8, "- ", "  ") ==
        "- \xC3\xA9\xC3\xA9 \xC3\xA9\xC3\xA9\n  \xC3\xA9\xC3\xA9");
  CHECK(wrap("x averyveryverylongword y", 10, "", "") == "x\naveryveryv\nerylongwor\nd y");
  CHECK(wrap("https://example.org/a/b/c", 12, "- ", "  ") == "- https://ex\n  ample.org/\n  a/b/c");
  CHECK(wrap("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3, "", "") ==
        "\xC3\xA9\xC3\xA9\xC3\xA9\n\xC3\xA9\xC3\xA9");  // cut between code points
  CHECK(prefix_bytes("\xC3\xA9"
                     "a",
                     1) == 2);
  CHECK(prefix_bytes("ab", 5) == 2);
}

TEST_CASE("a table pads its columns and wraps the last one") {
  CHECK(table({"ID", "NAME"}, {{"a", "First"}, {"bb", "Second thing"}}, 40) ==
        "ID  NAME\na   First\nbb  Second thing\n");
  CHECK(table({"ID", "NAME"}, {{"a", "one two three"}}, 20) ==
        "ID\n    NAME\na\n    one two three\n");
}
