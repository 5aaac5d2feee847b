#include "batch/slug.h"

#include <fmt/format.h>

#include <array>

#include "text/utf8.h"

namespace backplan {

namespace {

// ASCII spellings of Latin-1 letters U+00C0..U+00FF; nullptr: a separator (× and ÷).
const std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};

struct FoldRange {
  char32_t first;
  char32_t last;
  const char* ascii;
};

// Latin Extended-A (U+0100..U+017F), Latin Extended-B (U+0180..U+024F: Vietnamese o and u with
// horn, the Romanian comma-below letters, ...) and Latin Extended Additional (U+1E00..U+1EFF:
// Vietnamese and Welsh letters with two marks, such as ễ and ẁ), in code point order.
const FoldRange kLatinExtended[] = {
    {0x0100, 0x0105, "a"},  {0x0106, 0x010D, "c"},  {0x010E, 0x0111, "d"},  {0x0112, 0x011B, "e"},
    {0x011C, 0x0123, "g"},  {0x0124, 0x0127, "h"},  {0x0128, 0x0131, "i"},  {0x0132, 0x0133, "ij"},
    {0x0134, 0x0135, "j"},  {0x0136, 0x0138, "k"},  {0x0139, 0x0142, "l"},  {0x0143, 0x014B, "n"},
    {0x014C, 0x0151, "o"},  {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"},  {0x015A, 0x0161, "s"},
    {0x0162, 0x0167, "t"},  {0x0168, 0x0173, "u"},  {0x0174, 0x0175, "w"},  {0x0176, 0x0178, "y"},
    {0x0179, 0x017E, "z"},  {0x017F, 0x017F, "s"},  {0x0180, 0x0183, "b"},  {0x0187, 0x0188, "c"},
    {0x0189, 0x018C, "d"},  {0x0191, 0x0192, "f"},  {0x0193, 0x0193, "g"},  {0x0197, 0x0197, "i"},
    {0x0198, 0x0199, "k"},  {0x019A, 0x019A, "l"},  {0x019D, 0x019E, "n"},  {0x019F, 0x01A1, "o"},
    {0x01A4, 0x01A5, "p"},  {0x01AB, 0x01AE, "t"},  {0x01AF, 0x01B0, "u"},  {0x01B2, 0x01B2, "v"},
    {0x01B3, 0x01B4, "y"},  {0x01B5, 0x01B6, "z"},  {0x01C4, 0x01C6, "dz"}, {0x01C7, 0x01C9, "lj"},
    {0x01CA, 0x01CC, "nj"}, {0x01CD, 0x01CE, "a"},  {0x01CF, 0x01D0, "i"},  {0x01D1, 0x01D2, "o"},
    {0x01D3, 0x01DC, "u"},  {0x01DE, 0x01E1, "a"},  {0x01E2, 0x01E3, "ae"}, {0x01E6, 0x01E7, "g"},
    {0x01E8, 0x01E9, "k"},  {0x01EA, 0x01ED, "o"},  {0x01F0, 0x01F0, "j"},  {0x01F1, 0x01F3, "dz"},
    {0x01F4, 0x01F5, "g"},  {0x01F8, 0x01F9, "n"},  {0x01FA, 0x01FB, "a"},  {0x01FC, 0x01FD, "ae"},
    {0x01FE, 0x01FF, "o"},  {0x0200, 0x0203, "a"},  {0x0204, 0x0207, "e"},  {0x0208, 0x020B, "i"},
    {0x020C, 0x020F, "o"},  {0x0210, 0x0213, "r"},  {0x0214, 0x0217, "u"},  {0x0218, 0x0219, "s"},
    {0x021A, 0x021B, "t"},  {0x021E, 0x021F, "h"},  {0x0226, 0x0227, "a"},  {0x0228, 0x0229, "e"},
    {0x022A, 0x0231, "o"},  {0x0232, 0x0233, "y"},  {0x0243, 0x0243, "b"},  {0x0246, 0x0247, "e"},
    {0x0248, 0x0249, "j"},  {0x024C, 0x024D, "r"},  {0x024E, 0x024F, "y"},  {0x1E00, 0x1E01, "a"},
    {0x1E02, 0x1E07, "b"},  {0x1E08, 0x1E09, "c"},  {0x1E0A, 0x1E13, "d"},  {0x1E14, 0x1E1D, "e"},
    {0x1E1E, 0x1E1F, "f"},  {0x1E20, 0x1E21, "g"},  {0x1E22, 0x1E2B, "h"},  {0x1E2C, 0x1E2F, "i"},
    {0x1E30, 0x1E35, "k"},  {0x1E36, 0x1E3D, "l"},  {0x1E3E, 0x1E43, "m"},  {0x1E44, 0x1E4B, "n"},
    {0x1E4C, 0x1E53, "o"},  {0x1E54, 0x1E57, "p"},  {0x1E58, 0x1E5F, "r"},  {0x1E60, 0x1E69, "s"},
    {0x1E6A, 0x1E71, "t"},  {0x1E72, 0x1E7B, "u"},  {0x1E7C, 0x1E7F, "v"},  {0x1E80, 0x1E89, "w"},
    {0x1E8A, 0x1E8D, "x"},  {0x1E8E, 0x1E8F, "y"},  {0x1E90, 0x1E95, "z"},  {0x1E96, 0x1E96, "h"},
    {0x1E97, 0x1E97, "t"},  {0x1E98, 0x1E98, "w"},  {0x1E99, 0x1E99, "y"},  {0x1E9A, 0x1E9A, "a"},
    {0x1E9B, 0x1E9B, "s"},  {0x1E9E, 0x1E9E, "ss"}, {0x1EA0, 0x1EB7, "a"},  {0x1EB8, 0x1EC7, "e"},
    {0x1EC8, 0x1ECB, "i"},  {0x1ECC, 0x1EE3, "o"},  {0x1EE4, 0x1EF1, "u"},  {0x1EF2, 0x1EF9, "y"}};

// What a code point becomes in a slug: letters, "" for a word separator, nullptr: dropped.
const char* fold(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char* ascii = kLatin1[cp - 0xC0];
    return ascii ? ascii : "";
  }
  for (const auto& range : kLatinExtended) {
    if (cp >= range.first && cp <= range.last) return range.ascii;
  }
  // No-break space, the Latin-1 punctuation and the general punctuation block separate words.
  if ((cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F)) return "";
  return nullptr;
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

}  // namespace

std::string slugify(std::string_view name) {
  std::string out;
  bool separate = false;
  auto add = [&](std::string_view letters) {
    if (letters.empty()) {
      separate = true;
      return;
    }
    if (separate && !out.empty()) out += '-';
    separate = false;
    out += letters;
  };
  for (std::size_t i = 0; i < name.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(name, i, cp);
    if (len == 0) {  // invalid UTF-8: dropped
      ++i;
      continue;
    }
    i += len;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        add(std::string_view(&c, 1));
      } else {
        separate = true;
      }
      continue;
    }
    if (const char* ascii = fold(cp)) add(ascii);
    if (out.size() > 4 * kMaxSlugLength) break;  // plenty to cut from
  }
  if (out.size() > kMaxSlugLength) {
    const std::size_t cut = out.rfind('-', kMaxSlugLength);
    out.resize(cut != std::string::npos && cut >= kMaxSlugLength / 2 ? cut : kMaxSlugLength);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out;
}

SlugRegistry::SlugRegistry() : keys_(1024, 0), values_(1024, 0) {
  *find(fnv1a("index"), true) = 1;
}

std::uint32_t* SlugRegistry::find(std::uint64_t key, bool insert) {
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(key) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return &values_[i];
    if (keys_[i] == 0) {
      if (!insert) return nullptr;
      if (2 * (used_ + 1) > keys_.size()) {
        grow();
        return find(key, insert);
      }
      keys_[i] = key;
      ++used_;
      return &values_[i];
    }
  }
}

void SlugRegistry::grow() {
  std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
  std::vector<std::uint32_t> values(values_.size() * 2, 0);
  keys.swap(keys_);
  values.swap(values_);
  used_ = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != 0) *find(keys[i], true) = values[i];
  }
}

std::string SlugRegistry::claim(std::string_view name, int line) {
  std::string base = slugify(name);
  if (base.empty()) base = fmt::format("client-{}", line);
  const std::uint64_t base_key = fnv1a(base);
  std::uint32_t* state = find(base_key, true);
  if (*state == 0) {
    *state = 1;
    return base;
  }
  for (std::uint32_t k = *state + 1;; ++k) {
    std::string candidate = fmt::format("{}-{}", base, k);
    std::uint32_t* taken = find(fnv1a(candidate), true);
    if (*taken == 0) {
      *taken = 1;
      *find(base_key, false) = k;  // the table may have grown: look the stem up again
      return candidate;
    }
  }
}

}  // namespace backplan
