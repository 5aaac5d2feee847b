#include <doctest/doctest.h>

#include <chrono>
#include <ostream>
#include <string>

#include "load/yaml_tree.h"
#include "model/diagnostics.h"

using namespace backplan;
using namespace std::string_literals;

namespace {

// The one-line message parse_yaml throws for `text`, or "(no error)".
std::string parse_error(std::string_view text, const YamlLimits& limits = {}) {
  try {
    parse_yaml(text, "t.yaml", limits);
  } catch (const Error& e) {
    return e.message();
  }
  return "(no error)";
}

// The value of `key` in a mapping node, or nullptr.
const YamlNode* value_of(const YamlNode& mapping, const std::string& key) {
  for (const auto& [k, v] : mapping.entries) {
    if (k->value == key) return v.get();
  }
  return nullptr;
}

// "a: &a [x, ...]", then eight more anchors of ten aliases each to the one before.
std::string alias_bomb() {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += (i > 0 ? ", *"s : "*"s) + static_cast<char>(c - 1);
    text += "]\n";
  }
  return text;
}

}  // namespace

TEST_CASE("a mapping keeps its entries in file order with 1-based positions") {
  const auto root = parse_yaml("top:\n  list:\n    - one\n    - {k: v}\n", "t.yaml");
  REQUIRE(root->kind == YamlNode::Kind::mapping);
  CHECK(root->line == 1);
  CHECK(root->column == 1);
  const YamlNode* top = value_of(*root, "top");
  REQUIRE(top != nullptr);
  CHECK(top->kind == YamlNode::Kind::mapping);
  CHECK(top->line == 2);
  CHECK(top->column == 3);
  const YamlNode* list = value_of(*top, "list");
  REQUIRE(list != nullptr);
  REQUIRE(list->kind == YamlNode::Kind::sequence);
  CHECK(list->line == 3);
  CHECK(list->column == 5);
  REQUIRE(list->items.size() == 2);
  CHECK(list->items[0]->value == "one");
  CHECK(list->items[0]->line == 3);
  CHECK(list->items[0]->column == 7);
  const YamlNode& inner = *list->items[1];
  REQUIRE(inner.kind == YamlNode::Kind::mapping);
  CHECK(inner.line == 4);
  CHECK(inner.column == 7);
  REQUIRE(inner.entries.size() == 1);
  CHECK(inner.entries[0].first->line == 4);
  CHECK(inner.entries[0].first->column == 8);
  CHECK(inner.entries[0].second->value == "v");
  CHECK(inner.entries[0].second->column == 11);
}

TEST_CASE("entries keep the order of the file, not alphabetical order") {
  const auto root = parse_yaml("zeta: 1\nalpha: 2\nmid: 3\n", "t.yaml");
  REQUIRE(root->entries.size() == 3);
  CHECK(root->entries[0].first->value == "zeta");
  CHECK(root->entries[1].first->value == "alpha");
  CHECK(root->entries[2].first->value == "mid");
}

TEST_CASE("quoted scalars are marked quoted and plain ones are not") {
  const auto root = parse_yaml("a: \"yes\"\nb: yes\nc: 'x'\nd: |\n  block\n", "t.yaml");
  REQUIRE(root->entries.size() == 4);
  CHECK(value_of(*root, "a")->value == "yes");
  CHECK(value_of(*root, "a")->quoted);
  CHECK(value_of(*root, "b")->value == "yes");
  CHECK_FALSE(value_of(*root, "b")->quoted);
  CHECK(value_of(*root, "c")->quoted);
  CHECK(value_of(*root, "d")->value == "block\n");
  CHECK_FALSE(root->entries[0].first->quoted);
}

TEST_CASE("null values and '~' are null nodes, not scalars") {
  const auto root = parse_yaml("a: ~\nb: null\n", "t.yaml");
  CHECK(value_of(*root, "a")->kind == YamlNode::Kind::null);
  CHECK(value_of(*root, "b")->kind == YamlNode::Kind::null);
  CHECK(value_of(*root, "a")->line == 1);
  CHECK(value_of(*root, "a")->column == 4);
}

// yaml-cpp places an empty value at the next token; the tree places it just after its key.
TEST_CASE("an empty value is placed on its key's line") {
  const auto root = parse_yaml("a:\nb: 1\n", "t.yaml");
  const YamlNode* a = value_of(*root, "a");
  REQUIRE(a != nullptr);
  CHECK(a->kind == YamlNode::Kind::null);
  CHECK(a->line == 1);
  CHECK(a->column == 3);
}

TEST_CASE("an empty file, or one with only comments, gives a null root at 1:1") {
  for (const char* text : {"", "# just a comment\n"}) {
    CAPTURE(text);
    const auto root = parse_yaml(text, "t.yaml");
    REQUIRE(root != nullptr);
    CHECK(root->kind == YamlNode::Kind::null);
    CHECK(root->line == 1);
    CHECK(root->column == 1);
  }
}

TEST_CASE("one document with a '---' start or '...' end marker is accepted") {
  CHECK(parse_yaml("---\na: 1\n", "t.yaml")->entries.size() == 1);
  CHECK(parse_yaml("a: 1\n...\n", "t.yaml")->entries.size() == 1);
}

TEST_CASE("a second document is rejected") {
  const std::string message =
      "t.yaml: error: more than one YAML document ('---'): put everything in one";
  CHECK(parse_error("a: 1\n---\nb: 2\n") == message);
  CHECK(parse_error("a: 1\n---\n") == message);
}

TEST_CASE("duplicate keys are rejected with the second key's position") {
  CHECK(parse_error("name: a\nage: 3\nname: b\n") == "t.yaml:3:1: error: duplicate key 'name'");
  CHECK(parse_error("x:\n  a: 1\n  b: 2\n  a: 3\n") == "t.yaml:4:3: error: duplicate key 'a'");
  CHECK(parse_error("{a: 1, a: 2}") == "t.yaml:1:8: error: duplicate key 'a'");
  CHECK(parse_error("a: 1\n\"a\": 2\n") == "t.yaml:2:1: error: duplicate key 'a'");
}

TEST_CASE("parse errors carry the bad_data exit code and the location apart from the text") {
  try {
    parse_yaml("x:\n  a: 1\n  a: 2\n", "lib.yaml");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::bad_data);
    REQUIRE(e.diagnostic().has_value());
    CHECK(e.diagnostic()->where.path == "lib.yaml");
    CHECK(e.diagnostic()->where.line == 3);
    CHECK(e.diagnostic()->where.column == 3);
    CHECK(e.diagnostic()->message == "duplicate key 'a'");
  }
}

TEST_CASE("the same key in two different mappings is not a duplicate") {
  const auto root = parse_yaml("a:\n  id: 1\nb:\n  id: 2\n", "t.yaml");
  CHECK(root->entries.size() == 2);
}

TEST_CASE("a key that is a list or a mapping is rejected") {
  CHECK(parse_error("? [a, b]\n: 1\n") ==
        "t.yaml:1:3: error: a key must be a single value, not a list");
  CHECK(parse_error("{[a]: 1}\n") == "t.yaml:1:2: error: a key must be a single value, not a list");
  CHECK(parse_error("? {a: 1}\n: 2\n") ==
        "t.yaml:1:3: error: a key must be a single value, not a mapping");
}

TEST_CASE("an alias stands for its anchored node, with the anchor's position") {
  const auto root = parse_yaml("a: &x [1, 2]\nb: *x\n", "t.yaml");
  const YamlNode* b = value_of(*root, "b");
  REQUIRE(b != nullptr);
  REQUIRE(b->kind == YamlNode::Kind::sequence);
  CHECK(b->items.size() == 2);
  CHECK(b->line == 1);
  CHECK(b->column == 4);
  CHECK(root->weight == 9);  // the mapping, two keys, and the three-node list twice
}

TEST_CASE("an alias inside the node it names is rejected as a loop") {
  const std::string message =
      "t.yaml:1:8: error: this alias refers to a node that contains it (a loop)";
  CHECK(parse_error("a: &a [*a]\n") == message);
  CHECK(parse_error("a: &a {b: *a}\n") ==
        "t.yaml:1:11: error: this alias refers to a node that contains it (a loop)");
}

TEST_CASE("an alias to an undefined anchor is a syntax error at the alias") {
  CHECK(parse_error("a: *nope\n") ==
        "t.yaml:1:4: error: YAML syntax: the referenced anchor is not defined");
}

TEST_CASE("an alias bomb stops quickly at the first value over the limit") {
  const auto start = std::chrono::steady_clock::now();
  // a holds 11 nodes, b 111, ... e 111111; the second *e in f passes 200000.
  CHECK(parse_error(alias_bomb()) ==
        "t.yaml:6:12: error: more than 200000 values once aliases are expanded (an alias bomb?)");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("the alias limit counts expanded values against max_nodes") {
  YamlLimits limits;
  limits.max_nodes = 10;
  // The list in b holds 9 values once expanded; adding it to the root passes 10.
  CHECK(parse_error("a: &a [1, 2, 3]\nb: [*a, *a]\n", limits) ==
        "t.yaml:2:4: error: more than 10 values once aliases are expanded (an alias bomb?)");
  CHECK(parse_error("a: &a [1, 2]\nb: *a\n", limits) == "(no error)");
}

TEST_CASE("nesting up to the depth limit is accepted and one level more is rejected") {
  CHECK(parse_error(std::string(64, '[') + std::string(64, ']')) == "(no error)");
  CHECK(parse_error(std::string(65, '[') + std::string(65, ']')) ==
        "t.yaml:1:65: error: nested deeper than 64 levels");
  CHECK(parse_error(std::string(200, '[') + std::string(200, ']')) ==
        "t.yaml:1:65: error: nested deeper than 64 levels");
  YamlLimits limits;
  limits.max_depth = 2;
  CHECK(parse_error("a:\n  b:\n    c: 1\n", limits) ==
        "t.yaml:3:5: error: nested deeper than 2 levels");
}

// With unclosed '[' yaml-cpp reports each '[' twice (as a list and as a possible flow-map key),
// so the depth limit is reached at half the brackets. The file is broken either way; the limit
// still stops it early, which is what matters.
TEST_CASE("unclosed deep nesting is stopped by the depth limit") {
  CHECK(parse_error(std::string(200, '[')) == "t.yaml:1:33: error: nested deeper than 64 levels");
  CHECK(parse_error(std::string(64, '[')) == "t.yaml:1:33: error: nested deeper than 64 levels");
}

TEST_CASE("an invalid UTF-8 byte is rejected at its line and column") {
  const std::string message = "t.yaml:2:12: error: invalid UTF-8: save the file as UTF-8 text";
  CHECK(parse_error("a: b\nname: caf\xC3\xA9 \xFF\n") == message);  // the é counts as one column
  CHECK(parse_error("a: \xC3") == "t.yaml:1:4: error: invalid UTF-8: save the file as UTF-8 text");
  CHECK(parse_error("a: \xC0\xAF") ==  // an overlong '/'
        "t.yaml:1:4: error: invalid UTF-8: save the file as UTF-8 text");
  CHECK(parse_error("a: \xED\xA0\x80") ==  // a UTF-16 surrogate
        "t.yaml:1:4: error: invalid UTF-8: save the file as UTF-8 text");
  CHECK(parse_error("a: caf\xC3\xA9\n") == "(no error)");
}

TEST_CASE("a NUL byte is rejected at its line and column") {
  CHECK(parse_error("a: 1\nb: x\0y\n"s) ==
        "t.yaml:2:5: error: a NUL byte: this is not a text file");
}

TEST_CASE("syntax errors give yaml-cpp's message at the place it was found") {
  CHECK(parse_error("a:\n  b: 1\n c: 2\n") ==
        "t.yaml:3:2: error: YAML syntax: end of map not found");
  CHECK(parse_error("a: [1, 2\n") ==
        "t.yaml:2:1: error: YAML syntax: end of sequence flow not found");
  CHECK(parse_error("a: {b: 1\n") == "t.yaml:2:1: error: YAML syntax: end of map flow not found");
}

TEST_CASE("a tab in the indentation is reported as a tab, at the tab") {
  const std::string message = "error: a tab in the indentation: YAML indents with spaces only";
  CHECK(parse_error("a:\n  b: 1\n\tc: 2\n") == "t.yaml:3:1: " + message);
  CHECK(parse_error("a:\n\tb: 1\n") == "t.yaml:2:1: " + message);
  CHECK(parse_error("a:\n\t- 1\n") == "t.yaml:2:1: " + message);
  CHECK(parse_error("a:\n  \tb: 1\n") == "t.yaml:2:3: " + message);
  CHECK(parse_error("a:\tb\n") == "(no error)");  // a tab after the colon is only a space
}

TEST_CASE("text over the size limit is refused before parsing") {
  YamlLimits limits;
  limits.max_bytes = 1024;
  CHECK(parse_error(std::string(1025, 'a'), limits) ==
        "t.yaml: error: file is larger than the 1 KiB limit");
  CHECK(parse_error(std::string(1024, 'a'), limits) == "(no error)");
  CHECK(parse_error(std::string(1024 * 1024 + 1, '#')) ==
        "t.yaml: error: file is larger than the 1024 KiB limit");
}

TEST_CASE("describe names node kinds in message words") {
  CHECK(describe(YamlNode::Kind::null) == "nothing");
  CHECK(describe(YamlNode::Kind::scalar) == "a single value");
  CHECK(describe(YamlNode::Kind::sequence) == "a list");
  CHECK(describe(YamlNode::Kind::mapping) == "a mapping");
}
