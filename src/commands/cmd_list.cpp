#include "commands/cmd_list.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "commands/library_json.h"
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

std::string equipment_note(const Library& lib, const Equipment& e) {
  std::string out = e.name;
  std::vector<std::string> notes;
  if (!e.stand_ins.empty())
    notes.push_back(fmt::format("stand-ins: {}", fmt::join(ref_ids(e.stand_ins), ", ")));
  if (has_ref(lib.settings.assumed_equipment, e.id)) notes.push_back("always assumed");
  if (has_ref(lib.settings.default_equipment, e.id)) notes.push_back("in the default kit");
  if (!notes.empty()) out += fmt::format(" ({})", fmt::join(notes, "; "));
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
    case ListKind::sources:
      for (const auto& src : lib.sources) rows.push_back({src.id, citation(src)});
      return table({"ID", "CITATION"}, rows, width);
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

// Every field the YAML has (commands/library_json.h), plus what the library says about it
// (equipment: `assumed`, `default`; conditions: `red_flag`; sources: `citation`).
std::string list_json(const Library& lib, ListKind kind) {
  json items = json::array();
  switch (kind) {
    case ListKind::exercises:
      for (const auto& x : lib.exercises) items.push_back(exercise_json(x));
      break;
    case ListKind::equipment:
      for (const auto& e : lib.equipment) items.push_back(equipment_json(lib, e));
      break;
    case ListKind::conditions:
      for (const auto& c : lib.conditions) items.push_back(condition_json(c));
      break;
    case ListKind::regions:
      for (const auto& r : lib.regions) items.push_back(region_json(r));
      break;
    case ListKind::routines:
      for (const auto& r : lib.routines) items.push_back(routine_json(r));
      break;
    case ListKind::sources:
      for (const auto& src : lib.sources) items.push_back(source_json(src));
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
    case ListKind::sources:
      return all_ids(lib.sources);
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
  if (options.kind.empty()) {
    // `backplan list` alone: what it can list.
    write_output("-",
                 "backplan list KIND lists one of:\n"
                 "  exercises    every exercise: id, phase, position, name\n"
                 "  equipment    the tools --equipment takes, their firmness and stand-ins\n"
                 "  conditions   what --condition takes, the automatic ones and the red flags\n"
                 "  regions      the body regions --avoid takes\n"
                 "  routines     the routines --routine takes\n"
                 "  sources      the publications the advice rests on\n"
                 "For example: backplan list conditions\n");
    return static_cast<int>(ExitCode::ok);
  }
  // Any case, and one of a kind as well as many (`list exercise`).
  std::string word = options.kind;
  for (char& c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto kind = kListKindNames.parse(word);
  if (!kind && word != "equipment") kind = kListKindNames.parse(word + "s");
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

}  // namespace backplan
