#include <doctest/doctest.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <utility>
#include <vector>

#include "batch/slug.h"

using namespace backplan;

TEST_CASE("slugs: lowercase ASCII words joined by '-', accents folded") {
  CHECK(slugify("Sam Jones") == "sam-jones");
  CHECK(slugify("  Smith, \"Jo\"  ") == "smith-jo");
  CHECK(slugify("José María Núñez") == "jose-maria-nunez");
  CHECK(slugify("Łukasz Żółć") == "lukasz-zolc");
  CHECK(slugify("Straße Ærø Œuvre Ştefan") == "strasse-aero-oeuvre-stefan");
  CHECK(slugify("Anne-Marie  O'Neil 3rd") == "anne-marie-o-neil-3rd");
  CHECK(slugify("李小龙 Bruce") == "bruce");
  CHECK(slugify("Zoë×2") == "zoe-2");
  // Latin Extended-B and Latin Extended Additional: Vietnamese, Welsh.
  CHECK(slugify("Nguyễn Văn An") == "nguyen-van-an");
  CHECK(slugify("Trần Thị Hương, Phạm Đức Lưu") == "tran-thi-huong-pham-duc-luu");
  CHECK(slugify("Ẁyn ǅemal ǼSir") == "wyn-dzemal-aesir");
}

TEST_CASE("slugs: hostile names give a plain stem or nothing") {
  CHECK(slugify("../../x") == "x");
  CHECK(slugify("/etc/passwd") == "etc-passwd");
  CHECK(slugify(".") == "");
  CHECK(slugify("..") == "");
  CHECK(slugify("") == "");
  CHECK(slugify("李小龙") == "");
  CHECK(slugify("a\nb\tc\x01"
                "d\x7f") == "a-b-c-d");
  CHECK(slugify("\xff\xfe"
                "bad\xc3") == "bad");
  CHECK(slugify(".hidden") == "hidden");
  CHECK(slugify("-leading--and-trailing-") == "leading-and-trailing");
}

TEST_CASE("slugs: long names are cut at a word boundary, or at the limit") {
  CHECK(slugify(std::string(300, 'a')) == std::string(kMaxSlugLength, 'a'));
  std::string words;
  for (int i = 0; i < 30; ++i) words += "word ";
  // 11 words of 4 letters and their separators make 54 characters; a 12th would pass 60.
  CHECK(slugify(words) == "word-word-word-word-word-word-word-word-word-word-word-word");
  CHECK(slugify(std::string(50, 'b') + " " + std::string(50, 'c')) == std::string(50, 'b'));
  CHECK(slugify(std::string(20, 'b') + " " + std::string(50, 'c')) ==
        std::string(20, 'b') + "-" + std::string(39, 'c'));
}

TEST_CASE("slug registry: unique names, -2 -3 on collisions, index reserved, fallbacks") {
  SlugRegistry slugs;
  std::vector<std::string> got;
  for (const auto& [name, line] : std::vector<std::pair<std::string, int>>{{"Sam", 2},
                                                                           {"sam", 3},
                                                                           {"SAM!", 4},
                                                                           {"Sam 2", 5},
                                                                           {"Index", 6},
                                                                           {"index", 7},
                                                                           {"..", 8},
                                                                           {"李", 9},
                                                                           {"Client 8", 10},
                                                                           {"Sam", 11}}) {
    got.push_back(slugs.claim(name, line));
  }
  CHECK(fmt::format("{}", fmt::join(got, " ")) ==
        "sam sam-2 sam-3 sam-2-2 index-2 index-3 client-8 client-9 client-8-2 sam-4");
}

TEST_CASE("slug registry: thousands of the same name stay unique and grow the table") {
  SlugRegistry slugs;
  std::string last;
  for (int i = 1; i <= 5000; ++i) last = slugs.claim("Ann", i);
  CHECK(last == "ann-5000");
  CHECK(slugs.claim("Ann 17", 1) == "ann-17-2");
  CHECK(slugs.claim("Bo", 1) == "bo");
}
