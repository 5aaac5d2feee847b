#pragma once
// Shell completion: the names behind `backplan __complete` and the scripts
// `backplan completions SHELL` prints. The command line's shape (CommandSpec) is read from the
// CLI11 app in cli.cpp, so the options completed are the options declared there.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/library.h"

namespace backplan {

// The shape of the command line, for completion (cli.cpp fills it from CLI11).
struct OptionSpec {
  std::vector<std::string> names;  // "--output", "-o"
  bool takes_value = false;
  std::string value_name = {};  // what the help calls the value: FILE, DIR, PATH, LIST, ...
};

struct PositionalSpec {
  std::string value_name;  // KIND, SHELL, ID, ROSTER, PATH
  bool repeats = false;    // takes any number of words
};

struct CommandSpec {
  std::string name;
  std::vector<OptionSpec> options;
  std::vector<CommandSpec> subcommands;
  std::vector<PositionalSpec> positionals = {};
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
