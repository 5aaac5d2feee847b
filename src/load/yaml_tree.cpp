#include "load/yaml_tree.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <sstream>

#include "text/utf8.h"

namespace backplan {

std::string_view describe(YamlNode::Kind kind) {
  switch (kind) {
    case YamlNode::Kind::null:
      return "nothing";
    case YamlNode::Kind::scalar:
      return "a single value";
    case YamlNode::Kind::sequence:
      return "a list";
    case YamlNode::Kind::mapping:
      return "a mapping";
  }
  return "?";
}

namespace {

// Finds the first byte that is not valid UTF-8 (or a NUL); returns its 1-based line and column.
bool find_bad_byte(std::string_view text, int& line, int& column, bool& is_nul) {
  line = 1;
  column = 1;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    if (len == 0 || cp == 0) {
      is_nul = len != 0;
      return true;
    }
    if (cp == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return false;
}

// Raised inside the event handler; turned into an Error by parse_yaml.
struct Stop {
  int line;
  int column;
  std::string message;
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const YamlLimits& limits) : limits_(limits) {}

  YamlNodePtr root() const { return root_; }
  int documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark&) override { ++documents_; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto node = make(YamlNode::Kind::null, mark);
    // yaml-cpp places an empty value at the next token; place it just after its key instead.
    if (!stack_.empty() && stack_.back().pending_key &&
        stack_.back().pending_key->line != node->line) {
      const YamlNode& key = *stack_.back().pending_key;
      node->line = key.line;
      node->column = key.column + static_cast<int>(key.value.size()) + 1;
    }
    finish(node, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (open_anchors_.count(anchor) != 0) {
      throw Stop{mark.line + 1, mark.column + 1,
                 "this alias refers to a node that contains it (a loop)"};
    }
    const auto found = anchors_.find(anchor);
    if (found == anchors_.end()) {
      throw Stop{mark.line + 1, mark.column + 1, "this alias names no anchor"};
    }
    attach(found->second, mark);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    auto node = make(YamlNode::Kind::scalar, mark);
    node->value = value;
    node->quoted = (tag != "?");  // quoted, or tagged (!!str): text, never a number or bool
    finish(node, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(make(YamlNode::Kind::sequence, mark), anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(make(YamlNode::Kind::mapping, mark), anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    std::shared_ptr<YamlNode> node;
    YAML::anchor_t anchor;
    YamlNodePtr pending_key;  // mappings: a key waiting for its value
    std::set<std::string> keys;
  };

  std::shared_ptr<YamlNode> make(YamlNode::Kind kind, const YAML::Mark& mark) {
    auto node = std::make_shared<YamlNode>();
    node->kind = kind;
    node->line = mark.line + 1;
    node->column = mark.column + 1;
    return node;
  }

  void open(std::shared_ptr<YamlNode> node, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw Stop{node->line, node->column,
                 fmt::format("nested deeper than {} levels", limits_.max_depth)};
    }
    if (anchor != YAML::NullAnchor) open_anchors_.insert(anchor);
    stack_.push_back({std::move(node), anchor, nullptr, {}});
  }

  void close() {
    Open top = std::move(stack_.back());
    stack_.pop_back();
    if (top.anchor != YAML::NullAnchor) open_anchors_.erase(top.anchor);
    finish(top.node, top.anchor);
  }

  void finish(const std::shared_ptr<YamlNode>& node, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = node;
    YAML::Mark mark;
    mark.line = node->line - 1;
    mark.column = node->column - 1;
    attach(node, mark);
  }

  void attach(const YamlNodePtr& node, const YAML::Mark& mark) {
    const int line = mark.line + 1;
    const int column = mark.column + 1;
    if (stack_.empty()) {
      root_ = node;
      return;
    }
    Open& parent = stack_.back();
    YamlNode& into = *parent.node;
    into.weight = add_weight(into.weight, node->weight, line, column);
    if (into.kind == YamlNode::Kind::sequence) {
      into.items.push_back(node);
      return;
    }
    if (!parent.pending_key) {
      if (node->kind != YamlNode::Kind::scalar) {
        throw Stop{line, column,
                   fmt::format("a key must be a single value, not {}", describe(node->kind))};
      }
      if (!parent.keys.insert(node->value).second) {
        throw Stop{line, column, fmt::format("duplicate key '{}'", node->value)};
      }
      parent.pending_key = node;
      return;
    }
    into.entries.emplace_back(std::move(parent.pending_key), node);
    parent.pending_key = nullptr;
  }

  std::size_t add_weight(std::size_t a, std::size_t b, int line, int column) {
    const std::size_t sum = a + b;
    total_ = total_ + b;
    if (sum > limits_.max_nodes || total_ > limits_.max_nodes * 4) {
      throw Stop{line, column,
                 fmt::format("more than {} values once aliases are expanded (an alias bomb?)",
                             limits_.max_nodes)};
    }
    return sum;
  }

  const YamlLimits& limits_;
  std::vector<Open> stack_;
  std::map<YAML::anchor_t, YamlNodePtr> anchors_;
  std::set<YAML::anchor_t> open_anchors_;
  YamlNodePtr root_;
  int documents_ = 0;
  std::size_t total_ = 0;
};

}  // namespace

YamlNodePtr parse_yaml(std::string_view text, const std::string& path, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    throw Error::in_file(
        {path}, fmt::format("file is larger than the {} KiB limit", limits.max_bytes / 1024));
  }
  int line = 0;
  int column = 0;
  bool is_nul = false;
  if (find_bad_byte(text, line, column, is_nul)) {
    throw Error::in_file({path, line, column}, is_nul
                                                   ? "a NUL byte: this is not a text file"
                                                   : "invalid UTF-8: save the file as UTF-8 text");
  }
  // yaml-cpp reports a tab in the indentation as a puzzling syntax error; say what it is.
  line = 1;
  for (std::size_t i = 0; i < text.size(); ++line) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::size_t k = i;
    while (k < end && text[k] == ' ') ++k;
    if (k < end && text[k] == '\t') {
      throw Error::in_file({path, line, static_cast<int>(k - i) + 1},
                           "a tab in the indentation: YAML indents with spaces only");
    }
    i = end + 1;
  }
  std::istringstream in{std::string(text)};
  TreeBuilder builder(limits);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder) && parser.HandleNextDocument(builder)) {
      throw Error::in_file({path}, "more than one YAML document ('---'): put everything in one");
    }
  } catch (const Stop& stop) {
    throw Error::in_file({path, stop.line, stop.column}, stop.message);
  } catch (const YAML::DeepRecursion& e) {
    throw Error::in_file({path, e.mark.line + 1, e.mark.column + 1},
                         fmt::format("nested deeper than {} levels", limits.max_depth));
  } catch (const YAML::Exception& e) {
    if (e.mark.is_null()) throw Error::in_file({path}, "YAML syntax: " + e.msg);
    throw Error::in_file({path, e.mark.line + 1, e.mark.column + 1}, "YAML syntax: " + e.msg);
  }
  if (!builder.root()) {
    auto empty = std::make_shared<YamlNode>();
    empty->line = 1;
    empty->column = 1;
    return empty;
  }
  return builder.root();
}

}  // namespace backplan
