#include "commands/cmd_list.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "io/output.h"
#include "io/terminal.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"
#include "model/format.h"
#include "render/render_text.h"
#include "resolve/profile.h"
#include "text/suggest.h"
#include "text/utf8.h"
#include "text/wrap.h"

namespace backplan {

namespace {

using json = nlohmann::ordered_json;

std::string ids_text(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += id + "\n";
  return out;
}

template <typename T>
std::vector<std::string> all_ids(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.id);
  return out;
}

std::vector<std::string> ref_ids(const std::vector<Ref>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.id);
  return out;
}

bool has_ref(const std::vector<Ref>& refs, const std::string& id) {
  return std::any_of(refs.begin(), refs.end(), [&](const Ref& r) { return r.id == id; });
}

json when_json(const std::optional<When>& w) {
  if (!w) return nullptr;
  switch (w->kind) {
    case When::Kind::always:
      return {{"always", true}};
    case When::Kind::age_at_least:
      return {{"age_at_least", w->age}};
    case When::Kind::no_floor:
      return {{"floor", false}};
  }
  return nullptr;
}

std::string equipment_note(const Library& lib, const Equipment& e) {
  std::string out = e.name;
  std::vector<std::string> notes;
  if (!e.stand_ins.empty()) notes.push_back("stand-ins: " + join(ref_ids(e.stand_ins)));
  if (has_ref(lib.settings.assumed_equipment, e.id)) notes.push_back("always assumed");
  if (has_ref(lib.settings.default_equipment, e.id)) notes.push_back("in the default kit");
  if (!notes.empty()) out += " (" + join(notes, "; ") + ")";
  return out;
}

std::string list_text(const Library& lib, ListKind kind, int width) {
  std::vector<std::vector<std::string>> rows;
  switch (kind) {
    case ListKind::exercises:
      for (const auto& x : lib.exercises) {
        rows.push_back(
            {x.id, std::string(to_string(x.phase)), std::string(to_string(x.position)), x.name});
      }
      return table({"ID", "PHASE", "POSITION", "NAME"}, rows, width);
    case ListKind::equipment:
      for (const auto& e : lib.equipment) {
        rows.push_back(
            {e.id, e.firmness ? std::string(to_string(*e.firmness)) : "-", equipment_note(lib, e)});
      }
      return table({"ID", "FIRMNESS", "NAME"}, rows, width);
    case ListKind::regions:
      for (const auto& r : lib.regions) rows.push_back({r.id, r.name});
      return table({"ID", "NAME"}, rows, width);
    case ListKind::routines:
      for (const auto& r : lib.routines) {
        rows.push_back({r.id, r.description.empty() ? r.name : r.name + ". " + r.description});
      }
      return table({"ID", "NAME"}, rows, width);
    case ListKind::conditions: {
      // Three groups, so the automatic ones and the red flags stand out; one table keeps the
      // columns aligned across them.
      std::vector<std::vector<std::string>> chosen, automatic, red;
      for (const auto& c : lib.conditions) {
        const std::string gate(to_string(c.gate));
        if (c.when) {
          automatic.push_back(
              {c.id, gate, fmt::format("{}; applies {}", c.name, to_string(*c.when))});
        } else if (c.gate == Gate::stop) {
          red.push_back({c.id, gate, c.name});
        } else {
          chosen.push_back({c.id, gate, c.name});
        }
      }
      std::vector<std::vector<std::string>> all;
      for (const auto* group : {&chosen, &automatic, &red})
        all.insert(all.end(), group->begin(), group->end());
      const auto blocks = table_rows({"ID", "GATE", "NAME"}, all, width);
      std::string out;
      std::size_t row = 1;  // blocks[0] is the head
      auto group = [&](const std::string& title, std::size_t count) {
        if (count == 0) return;
        if (!out.empty()) out += "\n";
        out += wrap(title, width, "", "") + "\n" + blocks[0];
        for (std::size_t i = 0; i < count; ++i) out += blocks[row++];
      };
      group("Conditions you can name with --condition:", chosen.size());
      group("Automatic: these apply by themselves.", automatic.size());
      group("Red flags (--condition): no plan; seek care.", red.size());
      return out;
    }
  }
  return "";
}

std::string list_json(const Library& lib, ListKind kind) {
  json items = json::array();
  switch (kind) {
    case ListKind::exercises:
      for (const auto& x : lib.exercises) {
        items.push_back({{"id", x.id},
                         {"name", x.name},
                         {"phase", std::string(to_string(x.phase))},
                         {"position", std::string(to_string(x.position))},
                         {"equipment", ref_ids(x.equipment)},
                         {"pressure_on", ref_ids(x.pressure_on)},
                         {"tags", x.tags},
                         {"alternatives", ref_ids(x.alternatives)}});
      }
      break;
    case ListKind::equipment:
      for (const auto& e : lib.equipment) {
        items.push_back(
            {{"id", e.id},
             {"name", e.name},
             {"firmness", e.firmness ? json(std::string(to_string(*e.firmness))) : json(nullptr)},
             {"stand_ins", ref_ids(e.stand_ins)},
             {"assumed", has_ref(lib.settings.assumed_equipment, e.id)},
             {"default", has_ref(lib.settings.default_equipment, e.id)}});
      }
      break;
    case ListKind::conditions:
      for (const auto& c : lib.conditions) {
        items.push_back({{"id", c.id},
                         {"name", c.name},
                         {"gate", std::string(to_string(c.gate))},
                         {"red_flag", c.gate == Gate::stop},
                         {"when", when_json(c.when)}});
      }
      break;
    case ListKind::regions:
      for (const auto& r : lib.regions) items.push_back({{"id", r.id}, {"name", r.name}});
      break;
    case ListKind::routines:
      for (const auto& r : lib.routines) {
        items.push_back({{"id", r.id}, {"name", r.name}, {"description", r.description}});
      }
      break;
  }
  const json out = {
      {"format", "backplan-list-1"}, {"kind", kListKindNames.name(kind)}, {"items", items}};
  return out.dump(2) + "\n";
}

// The values a flag or list kind accepts, as `--format ids` prints them.
std::vector<std::string> accepted_ids(const Library& lib, ListKind kind) {
  switch (kind) {
    case ListKind::exercises:
      return all_ids(lib.exercises);
    case ListKind::equipment:
      return equipment_choices(lib);
    case ListKind::conditions:
      return condition_choices(lib);
    case ListKind::regions:
      return region_choices(lib);
    case ListKind::routines:
      return routine_choices(lib);
  }
  return {};
}

}  // namespace

std::string render_list(const Library& lib, ListKind kind, ListFormat format, int width) {
  switch (format) {
    case ListFormat::text:
      return list_text(lib, kind, width);
    case ListFormat::json:
      return list_json(lib, kind);
    case ListFormat::ids:
      return ids_text(accepted_ids(lib, kind));
  }
  return "";
}

int run_list(const ListOptions& options) {
  const auto kind = kListKindNames.parse(options.kind);
  if (!kind) {
    throw Error(ExitCode::usage,
                fmt::format("{}; see 'backplan list --help'",
                            unknown_message("kind", options.kind, kListKindNames.names())));
  }
  const auto format = kListFormatNames.parse(options.format);
  if (!format) {
    throw Error::flag("--format",
                      unknown_message("format", options.format, kListFormatNames.names()));
  }
  const Library lib = load_library_or_throw(options.routines);
  write_output("-", render_list(lib, *kind, *format, stdout_width()));
  return static_cast<int>(ExitCode::ok);
}

// ---- completion ----

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
  auto values = [&](const std::string& option,
                    const std::string& word) -> std::vector<std::string> {
    if (option == "--equipment")
      return matching_list_item(with_none(equipment_choices(lib())), word);
    if (option == "--condition")
      return matching_list_item(with_none(condition_choices(lib())), word);
    if (option == "--avoid") return matching_list_item(with_none(region_choices(lib())), word);
    if (option == "--routine") return matching(routine_choices(lib()), word);
    if (option == "--format") {
      return matching(cmd->name == "list" ? kListFormatNames.names() : kFormatNames.names(), word);
    }
    if (option == "--roster-format") return matching({"csv", "yaml"}, word);
    if (option == "--out") return {"::dirs"};
    if (option == "--profile" || option == "--routines" || option == "--output" || option == "-o")
      return {"::files"};
    return {};
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
  if (cmd->name == "list" && positionals == 0) return matching(kListKindNames.names(), cur);
  if (cmd->name == "completions" && positionals == 0) return matching(completion_shells(), cur);
  if (cmd->name == "show" && positionals == 0) {
    const Library l = lib();
    std::vector<std::string> ids = all_ids(l.exercises);
    for (const auto& c : l.conditions) ids.push_back(c.id);
    for (const auto& e : l.equipment) ids.push_back(e.id);
    return matching(ids, cur);
  }
  if (cmd->name == "validate" || (cmd->name == "batch" && positionals == 0)) return {"::files"};
  return {};
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
