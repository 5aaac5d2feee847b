#pragma once
// A YAML reader that keeps what yaml-cpp's node API loses: every node's position, duplicate
// keys (yaml-cpp 0.7 keeps the last silently), and a guard against aliases that contain
// themselves, alias bombs and deep nesting. Files are turned into this tree first; the typed
// readers (library, profile) work on the tree.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostics.h"

namespace backplan {

struct YamlNode;
using YamlNodePtr = std::shared_ptr<const YamlNode>;

struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  int line = 0;                    // 1-based
  int column = 0;                  // 1-based
  std::string value;               // scalars: the text
  bool quoted = false;             // scalars: written in quotes (so "yes" stays a string)
  std::vector<YamlNodePtr> items;  // sequences
  std::vector<std::pair<YamlNodePtr, YamlNodePtr>>
      entries;             // mappings, in file order; keys are scalars
  std::size_t weight = 1;  // nodes in this subtree with aliases expanded (saturates)
};

// What kind of node it is, in the words an error message uses ("a list", "a mapping", ...).
std::string_view describe(YamlNode::Kind kind);

struct YamlLimits {
  std::size_t max_bytes = 1024 * 1024;  // larger files are refused
  int max_depth = 64;                   // nesting of lists and mappings
  std::size_t max_nodes = 200000;       // nodes after expanding aliases
};

// Parses one YAML document. Throws Error (bad_data) with "path:line:col: error: ..." on
// anything that is not a single, well-formed document within the limits: syntax errors,
// invalid UTF-8, NUL bytes, duplicate keys, non-scalar keys, self-containing aliases.
// An empty file gives a null root.
YamlNodePtr parse_yaml(std::string_view text, const std::string& path,
                       const YamlLimits& limits = {});

}  // namespace backplan
