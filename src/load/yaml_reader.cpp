#include "load/yaml_reader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cerrno>
#include <cstdlib>

#include "text/suggest.h"

namespace backplan {

bool is_kebab_id(std::string_view text) {
  if (text.empty() || text.size() > 64 || text.front() == '-' || text.back() == '-') return false;
  char previous = 0;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

std::optional<std::string> YamlReader::text(const YamlNode& node, std::string_view field) {
  if (node.kind != YamlNode::Kind::scalar) {
    error(node, fmt::format("'{}' must be text, not {}", field, describe(node.kind)));
    return std::nullopt;
  }
  if (node.value.empty()) {
    error(node, fmt::format("'{}' must not be empty", field));
    return std::nullopt;
  }
  for (const char c : node.value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t') {
      error(node, fmt::format("'{}' contains a control character", field));
      return std::nullopt;
    }
  }
  return node.value;
}

std::optional<std::string> YamlReader::id(const YamlNode& node, std::string_view field) {
  auto value = text(node, field);
  if (!value) return std::nullopt;
  if (!is_kebab_id(*value)) {
    error(node,
          fmt::format("'{}' must be a kebab-case id (like 'cat-camel'), not '{}'", field, *value));
    return std::nullopt;
  }
  return value;
}

std::optional<int> YamlReader::integer(const YamlNode& node, std::string_view field, int lo,
                                       int hi) {
  if (node.kind != YamlNode::Kind::scalar || node.value.empty()) {
    error(node, fmt::format("'{}' must be a whole number from {} to {}, not {}", field, lo, hi,
                            describe(node.kind)));
    return std::nullopt;
  }
  if (node.quoted) {
    error(node, fmt::format("'{}' must be a whole number from {} to {}, not text in quotes", field,
                            lo, hi));
    return std::nullopt;
  }
  const std::string& s = node.value;
  std::size_t start = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digits = start < s.size();
  for (std::size_t i = start; i < s.size(); ++i) digits = digits && (s[i] >= '0' && s[i] <= '9');
  errno = 0;
  const long long v = digits ? std::strtoll(s.c_str(), nullptr, 10) : 0;
  if (!digits || errno == ERANGE || v < lo || v > hi) {
    error(node,
          fmt::format("'{}' must be a whole number from {} to {}, not '{}'", field, lo, hi, s));
    return std::nullopt;
  }
  return static_cast<int>(v);
}

std::optional<bool> YamlReader::boolean(const YamlNode& node, std::string_view field) {
  if (node.kind == YamlNode::Kind::scalar && !node.quoted) {
    if (node.value == "true") return true;
    if (node.value == "false") return false;
  }
  error(node, fmt::format("'{}' must be true or false", field));
  return std::nullopt;
}

std::optional<std::size_t> YamlReader::choice(const YamlNode& node, std::string_view field,
                                              const std::vector<std::string>& choices) {
  auto value = text(node, field);
  if (!value) return std::nullopt;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (choices[i] == *value) return i;
  }
  error(node, fmt::format("'{}': {}", field, unknown_message("value", *value, choices)));
  return std::nullopt;
}

std::vector<const YamlNode*> YamlReader::list(const YamlNode& node, std::string_view field,
                                              bool allow_single) {
  std::vector<const YamlNode*> out;
  if (node.kind == YamlNode::Kind::sequence) {
    for (const auto& item : node.items) out.push_back(item.get());
  } else if (allow_single && node.kind == YamlNode::Kind::scalar) {
    out.push_back(&node);
  } else {
    error(node, fmt::format("'{}' must be a list, not {}", field, describe(node.kind)));
  }
  return out;
}

std::vector<std::string> YamlReader::text_list(const YamlNode& node, std::string_view field) {
  std::vector<std::string> out;
  for (const YamlNode* item : list(node, field)) {
    if (auto value = text(*item, field)) out.push_back(*value);
  }
  return out;
}

std::vector<std::string> YamlReader::id_list(const YamlNode& node, std::string_view field) {
  std::vector<std::string> out;
  for (const YamlNode* item : list(node, field)) {
    if (auto value = id(*item, field)) out.push_back(*value);
  }
  return out;
}

bool YamlReader::is_mapping(const YamlNode& node, std::string_view what) {
  if (node.kind == YamlNode::Kind::mapping) return true;
  error(node, fmt::format("{} must be a mapping of fields, not {}", what, describe(node.kind)));
  return false;
}

Fields::Fields(YamlReader& reader, const YamlNode& mapping, std::string_view what,
               std::initializer_list<std::string_view> allowed)
    : Fields(reader, mapping, what, std::vector<std::string>(allowed.begin(), allowed.end())) {}

Fields::Fields(YamlReader& reader, const YamlNode& mapping, std::string_view what,
               const std::vector<std::string>& names)
    : reader_(reader), mapping_(mapping), what_(what) {
  for (const auto& [key, value] : mapping_.entries) {
    bool known = false;
    for (const auto& name : names) known = known || key->value == name;
    if (!known) {
      const std::string field = fmt::format("field '{}' in {}", key->value, what_);
      if (auto guess = closest(key->value, names)) {
        reader_.error(*key, fmt::format("unknown {} (did you mean '{}'?)", field, *guess));
      } else {
        reader_.error(*key, fmt::format("unknown {}; valid: {}", field, fmt::join(names, ", ")));
      }
    }
  }
}

const YamlNode* Fields::get(std::string_view key) const {
  for (const auto& [k, v] : mapping_.entries) {
    if (k->value == key) return v.get();
  }
  return nullptr;
}

const YamlNode* Fields::required(std::string_view key) const {
  const YamlNode* value = get(key);
  if (!value) reader_.error(mapping_, fmt::format("{} is missing '{}'", what_, key));
  return value;
}

std::vector<std::string> Fields::present(std::initializer_list<std::string_view> keys) const {
  std::vector<std::string> out;
  for (const auto key : keys) {
    if (get(key)) out.emplace_back(key);
  }
  return out;
}

}  // namespace backplan
