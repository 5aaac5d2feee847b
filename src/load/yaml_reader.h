#pragma once
// Typed reading of a YamlNode tree: every problem becomes a Diagnostic with the node's
// position, and reading goes on so that one pass reports every problem in a file.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/yaml_tree.h"
#include "model/diagnostics.h"
#include "model/names.h"

namespace backplan {

class YamlReader {
 public:
  YamlReader(std::string path, DiagnosticSink& sink) : path_(std::move(path)), sink_(sink) {}

  const std::string& path() const { return path_; }
  Location at(const YamlNode& node) const { return {path_, node.line, node.column}; }
  void error(const YamlNode& node, std::string message) {
    sink_.error(at(node), std::move(message));
  }

  // Each returns nothing (after reporting) when the node is not of the asked type.
  std::optional<std::string> text(const YamlNode& node, std::string_view field);
  std::optional<std::string> id(const YamlNode& node, std::string_view field);
  std::optional<int> integer(const YamlNode& node, std::string_view field, int lo, int hi);
  std::optional<bool> boolean(const YamlNode& node, std::string_view field);
  // One of `choices`, returned as its index.
  std::optional<std::size_t> choice(const YamlNode& node, std::string_view field,
                                    const std::vector<std::string>& choices);
  // One of a table's names, returned as its value.
  template <typename E, std::size_t N>
  std::optional<E> choice(const YamlNode& node, std::string_view field,
                          const NameTable<E, N>& table) {
    if (auto i = choice(node, field, table.names())) return table.entries()[*i].value;
    return std::nullopt;
  }
  // A list (a single value counts as a list of one when `allow_single`).
  std::vector<const YamlNode*> list(const YamlNode& node, std::string_view field,
                                    bool allow_single = false);
  std::vector<std::string> text_list(const YamlNode& node, std::string_view field);
  std::vector<std::string> id_list(const YamlNode& node, std::string_view field);
  bool is_mapping(const YamlNode& node, std::string_view what);

 private:
  std::string path_;
  DiagnosticSink& sink_;
};

// The fields of one mapping: reports unknown and missing keys.
class Fields {
 public:
  Fields(YamlReader& reader, const YamlNode& mapping, std::string_view what,
         std::initializer_list<std::string_view> allowed)
      : Fields(reader, mapping, what, std::vector<std::string_view>(allowed)) {}
  Fields(YamlReader& reader, const YamlNode& mapping, std::string_view what,
         const std::vector<std::string_view>& allowed);
  Fields(YamlReader& reader, const YamlNode& mapping, std::string_view what,
         const std::vector<std::string>& allowed)
      : Fields(reader, mapping, what,
               std::vector<std::string_view>(allowed.begin(), allowed.end())) {}

  // The value of `key`, or nullptr when absent.
  const YamlNode* get(std::string_view key) const;
  // The value of `key`; reports "missing 'key'" when absent.
  const YamlNode* required(std::string_view key) const;
  bool has(std::string_view key) const { return get(key) != nullptr; }
  // The keys present that are in `keys`.
  std::vector<std::string> present(std::initializer_list<std::string_view> keys) const;

 private:
  YamlReader& reader_;
  const YamlNode& mapping_;
  std::string what_;
};

// Is `text` a kebab-case id: lowercase letters and digits in words joined by '-'?
bool is_kebab_id(std::string_view text);

}  // namespace backplan
