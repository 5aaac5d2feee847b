#pragma once
// `backplan list KIND`: what the library knows. Also what shell completion needs: the names
// behind `backplan __complete` and the scripts `backplan completions SHELL` prints.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/library.h"
#include "model/names.h"

namespace backplan {

enum class ListKind { exercises, equipment, conditions, regions, routines };
inline constexpr auto kListKindNames = make_names<ListKind>({{ListKind::exercises, "exercises"},
                                                             {ListKind::equipment, "equipment"},
                                                             {ListKind::conditions, "conditions"},
                                                             {ListKind::regions, "regions"},
                                                             {ListKind::routines, "routines"}});
enum class ListFormat { text, json, ids };
inline constexpr auto kListFormatNames = make_names<ListFormat>(
    {{ListFormat::text, "text"}, {ListFormat::json, "json"}, {ListFormat::ids, "ids"}});

// The listing itself: a pure function of the library. Text wraps at `width` columns.
std::string render_list(const Library& lib, ListKind kind, ListFormat format, int width);

struct ListOptions {
  std::string kind;
  std::string format = "text";
  std::vector<std::string> routines;  // extra library paths, on top of the built-in one
};

// Runs the command; returns the exit code. Errors are thrown as Error.
int run_list(const ListOptions& options);

// The shape of the command line, for completion (cli.cpp fills it from CLI11).
struct OptionSpec {
  std::vector<std::string> names;  // "--output", "-o"
  bool takes_value = false;
};

struct CommandSpec {
  std::string name;
  std::vector<OptionSpec> options;
  std::vector<CommandSpec> subcommands;
};

// What may come next. `words` are the words after the program name, the last one being the one
// under the cursor (possibly empty). Gives the candidates that start with it, or the single
// word "::files" or "::dirs" when the shell should complete a path. `library` is asked for only
// when library ids are needed; `--routines` paths among `words` are passed to it.
std::vector<std::string> complete_words(
    const CommandSpec& root, const std::vector<std::string>& words,
    const std::function<Library(const std::vector<std::string>&)>& library);

// `backplan __complete -- WORDS...`: the candidates, one per line; always exit code 0.
int run_complete(const CommandSpec& root, const std::vector<std::string>& words);

const std::vector<std::string>& completion_shells();  // bash, zsh, fish
// The completion script for a shell, or nullopt for an unknown shell.
std::optional<std::string> completion_script(std::string_view shell);

// `backplan completions SHELL`.
int run_completions(const std::string& shell);

}  // namespace backplan
