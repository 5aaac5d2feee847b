#include "commands/completion.h"

#include <fmt/format.h>

#include <algorithm>

#include "batch/roster.h"
#include "commands/cmd_list.h"
#include "commands/cmd_show.h"
#include "io/output.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"
#include "model/format.h"
#include "pdf/pdf_handout.h"
#include "render/history.h"
#include "resolve/fields.h"
#include "text/suggest.h"

namespace backplan {

namespace {

const OptionSpec* find_option(const CommandSpec& cmd, const std::string& name) {
  for (const auto& opt : cmd.options) {
    if (std::find(opt.names.begin(), opt.names.end(), name) != opt.names.end()) return &opt;
  }
  return nullptr;
}

const CommandSpec* find_command(const std::vector<CommandSpec>& commands, const std::string& name) {
  for (const auto& c : commands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> matching(const std::vector<std::string>& choices,
                                  const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& c : choices) {
    if (starts_with(c, prefix) && std::find(out.begin(), out.end(), c) == out.end())
      out.push_back(c);
  }
  return out;
}

// Completes the last item of a comma-separated list: "a,b,c" -> "a,b," + choices for "c".
std::vector<std::string> matching_list_item(std::vector<std::string> choices,
                                            const std::string& word) {
  const std::size_t comma = word.rfind(',');
  const std::string head = comma == std::string::npos ? "" : word.substr(0, comma + 1);
  const std::string tail = comma == std::string::npos ? word : word.substr(comma + 1);
  std::vector<std::string> given;
  for (std::size_t start = 0; start < head.size();) {
    const std::size_t end = head.find(',', start);
    given.push_back(head.substr(start, end - start));
    start = end + 1;
  }
  if (!given.empty())
    choices.erase(std::remove(choices.begin(), choices.end(), "none"), choices.end());
  std::vector<std::string> out;
  for (const auto& c : matching(choices, tail)) {
    if (std::find(given.begin(), given.end(), c) == given.end()) out.push_back(head + c);
  }
  return out;
}

std::vector<std::string> with_none(std::vector<std::string> ids) {
  ids.push_back("none");
  return ids;
}

}  // namespace

std::vector<std::string> complete_words(
    const CommandSpec& root, const std::vector<std::string>& words,
    const std::function<Library(const std::vector<std::string>&)>& library) {
  if (words.empty()) return {};
  const std::string cur = words.back();
  const std::vector<std::string> before(words.begin(), words.end() - 1);

  // Which command: the first word when it names one, else `plan`, the default.
  const CommandSpec* cmd = nullptr;
  std::size_t i = 0;
  bool chose_command = false;
  if (!before.empty()) {
    cmd = find_command(root.subcommands, before[0]);
    if (cmd) {
      i = 1;
      chose_command = true;
    }
  }
  if (!cmd) cmd = find_command(root.subcommands, "plan");
  if (!cmd) return {};
  bool chose_sub = cmd->subcommands.empty();
  if (!chose_sub && i < before.size()) {
    if (const CommandSpec* sub = find_command(cmd->subcommands, before[i])) {
      cmd = sub;
      ++i;
      chose_sub = true;
    }
  }

  // Walk the rest: which option waits for a value, how many positionals were given, and which
  // --routines paths to load the library with.
  std::vector<std::string> routines;
  const OptionSpec* waiting = nullptr;
  std::string waiting_name;
  int positionals = 0;
  bool options_done = false;
  for (; i < before.size(); ++i) {
    const std::string& w = before[i];
    if (waiting) {
      if (waiting_name == "--routines") routines.push_back(w);
      waiting = nullptr;
      continue;
    }
    if (!options_done && w == "--") {
      options_done = true;
    } else if (!options_done && w.size() > 1 && w[0] == '-') {
      const std::size_t eq = w.find('=');
      const std::string name = w.substr(0, eq);
      const OptionSpec* opt = find_option(*cmd, name);
      if (opt && opt->takes_value && eq == std::string::npos) {
        waiting = opt;
        waiting_name = name;
      } else if (name == "--routines" && eq != std::string::npos) {
        routines.push_back(w.substr(eq + 1));
      }
    } else {
      ++positionals;
    }
  }

  auto lib = [&] { return library(routines); };
  auto paths = [](const std::string& value_name) -> std::vector<std::string> {
    if (value_name == "DIR") return {"::dirs"};
    if (value_name == "FILE" || value_name == "PATH" || value_name == "ROSTER") return {"::files"};
    return {};
  };
  auto values = [&](const std::string& option,
                    const std::string& word) -> std::vector<std::string> {
    if (option == "--equipment")
      return matching_list_item(with_none(equipment_choices(lib())), word);
    if (option == "--condition")
      return matching_list_item(with_none(condition_choices(lib())), word);
    if (option == "--avoid") return matching_list_item(with_none(region_choices(lib())), word);
    if (option == "--routine") return matching(routine_choices(lib()), word);
    if (option == "--level") return matching(kLevelNames.names(), word);
    if (option == "--format") {
      if (cmd->name == "show") return matching({"text", "json", "svg"}, word);
      if (cmd->name == "history") return matching(kHistoryFormatNames.names(), word);
      if (cmd->name == "export") return matching({"json", "csv"}, word);  // `diary export`
      return matching(cmd->name == "list" ? kListFormatNames.names() : kFormatNames.names(), word);
    }
    if (option == "--roster-format") return matching(kRosterFormatNames.names(), word);
    if (option == "--paper") return matching(kPaperNames.names(), word);
    const OptionSpec* opt = find_option(*cmd, option);
    return opt ? paths(opt->value_name) : std::vector<std::string>{};
  };

  if (waiting) return values(waiting_name, cur);
  if (!options_done && starts_with(cur, "--") && cur.find('=') != std::string::npos) {
    const std::string name = cur.substr(0, cur.find('='));
    const OptionSpec* opt = find_option(*cmd, name);
    if (!opt || !opt->takes_value) return {};
    auto out = values(name, cur.substr(name.size() + 1));
    if (out.size() == 1 && starts_with(out[0], "::")) return out;
    for (auto& v : out) v = name + "=" + v;
    return out;
  }
  if (!options_done && !cur.empty() && cur[0] == '-') {
    std::vector<std::string> names;
    for (const auto& opt : cmd->options) {
      for (const auto& n : opt.names) {
        if (starts_with(n, "--")) names.push_back(n);
      }
    }
    if (!chose_command) {
      for (const auto& opt : root.options) {
        for (const auto& n : opt.names) {
          if (starts_with(n, "--")) names.push_back(n);
        }
      }
      std::sort(names.begin(), names.end());
    }
    return matching(names, cur);
  }
  if (!chose_command && before.empty()) {
    std::vector<std::string> names;
    for (const auto& c : root.subcommands) names.push_back(c.name);
    return matching(names, cur);
  }
  if (!chose_sub) {
    std::vector<std::string> names;
    for (const auto& c : cmd->subcommands) names.push_back(c.name);
    return matching(names, cur);
  }
  // Positionals.
  if (cmd->positionals.empty()) return {};
  const auto n = static_cast<std::size_t>(positionals);
  if (n >= cmd->positionals.size() && !cmd->positionals.back().repeats) return {};
  const std::string& kind = cmd->positionals[std::min(n, cmd->positionals.size() - 1)].value_name;
  if (kind == "KIND") return matching(kListKindNames.names(), cur);
  if (kind == "SHELL") return matching(completion_shells(), cur);
  if (kind == "ID") return matching(show_ids(lib()), cur);
  if (kind == "FIELD") return matching(kFieldNames.names(), cur);  // `profile unset FIELD`
  if (kind == "COMMAND") {                                         // `help COMMAND`
    std::vector<std::string> names;
    for (const auto& c : root.subcommands) names.push_back(c.name);
    return matching(names, cur);
  }
  return paths(kind);
}

int run_complete(const CommandSpec& root, const std::vector<std::string>& words) {
  std::string out;
  try {
    const auto library = [](const std::vector<std::string>& routines) {
      try {
        return load_library_or_throw(routines);
      } catch (const Error&) {
        return load_library_or_throw({});  // a broken --routines: complete from the built-in one
      }
    };
    for (const auto& word : complete_words(root, words, library)) out += word + "\n";
  } catch (const std::exception&) {
    return static_cast<int>(ExitCode::ok);  // completion never complains
  }
  try {
    write_output("-", out);
  } catch (const Error&) {
  }
  return static_cast<int>(ExitCode::ok);
}

const std::vector<std::string>& completion_shells() {
  static const std::vector<std::string> shells{"bash", "zsh", "fish"};
  return shells;
}

namespace {

// Every script asks the binary the user typed: `backplan __complete -- WORDS...` prints the
// candidates, or "::files" / "::dirs" for a path. So the names always follow the library,
// including any --routines on the command line.
constexpr const char* kBash = R"(# bash completion for backplan -*- shell-script -*-
# Generated by 'backplan completions bash'. The names come from backplan itself at completion
# time (backplan __complete), so they always match the routine library.

_backplan() {
  local bin=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} i w joined=no
  bin=${bin/#\~/$HOME}
  # Glue "--opt=value" back together: bash splits words at '=' (COMP_WORDBREAKS).
  local words=()
  for ((i = 1; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if [[ $w == "=" && ${#words[@]} -gt 0 ]]; then
      words[${#words[@]}-1]+="="
      joined=yes
    elif [[ $joined == yes ]]; then
      words[${#words[@]}-1]+=$w
      joined=no
    else
      words+=("$w")
    fi
  done
  [[ $cur == "=" ]] && cur=""
  local out
  out=$("$bin" __complete -- "${words[@]}" 2>/dev/null) || return 0
  COMPREPLY=()
  case $out in
    ::files)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      ;;
    ::dirs)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      ;;
    *)
      [[ -n $out ]] && mapfile -t COMPREPLY <<<"$out"
      # Readline replaces only the text after the last '=' of the word.
      local last=${words[${#words[@]}-1]}
      if [[ $last == *=* && $COMP_WORDBREAKS == *=* ]]; then
        local pre=${last%"${last##*=}"}
        for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]=${COMPREPLY[i]#"$pre"}; done
      fi
      ;;
  esac
  return 0
}
complete -F _backplan backplan
)";

constexpr const char* kZsh = R"(#compdef backplan
# zsh completion for backplan. Generated by 'backplan completions zsh'. The names come from
# backplan itself at completion time (backplan __complete), so they always match the routine
# library.

_backplan() {
  local out
  local -a candidates
  out=$(${words[1]} __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null) || return 1
  case $out in
    ::files) _files ;;
    ::dirs) _files -/ ;;
    *)
      [[ -n $out ]] || return 1
      candidates=("${(@f)out}")
      compadd -Q -- "${candidates[@]}"
      ;;
  esac
}

if [[ $funcstack[1] == _backplan ]]; then
  _backplan "$@"
else
  compdef _backplan backplan
fi
)";

constexpr const char* kFish =
    R"(# fish completion for backplan. Generated by 'backplan completions fish'. The names come from
# backplan itself at completion time (backplan __complete), so they always match the routine
# library.

function __backplan_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l out ($tokens[1] __complete -- $tokens[2..] $current 2>/dev/null)
    switch "$out"
        case '::files'
            __fish_complete_path $current
        case '::dirs'
            __fish_complete_directories $current
        case '*'
            printf '%s\n' $out
    end
end

complete -c backplan -f -a '(__backplan_complete)'
)";

}  // namespace

std::optional<std::string> completion_script(std::string_view shell) {
  if (shell == "bash") return std::string(kBash);
  if (shell == "zsh") return std::string(kZsh);
  if (shell == "fish") return std::string(kFish);
  return std::nullopt;
}

int run_completions(const std::string& shell) {
  const auto script = completion_script(shell);
  if (!script) {
    throw Error(ExitCode::usage, fmt::format("{}; see 'backplan completions --help'",
                                             unknown_message("shell", shell, completion_shells())));
  }
  write_output("-", *script);
  return static_cast<int>(ExitCode::ok);
}

}  // namespace backplan
