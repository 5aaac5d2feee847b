#pragma once
// `backplan list KIND`: what the library knows.

#include <optional>
#include <string>
#include <vector>

#include "model/library.h"
#include "model/names.h"

namespace backplan {

enum class ListKind { exercises, equipment, conditions, regions, routines, sources };
inline constexpr auto kListKindNames = make_names<ListKind>({{ListKind::exercises, "exercises"},
                                                             {ListKind::equipment, "equipment"},
                                                             {ListKind::conditions, "conditions"},
                                                             {ListKind::regions, "regions"},
                                                             {ListKind::routines, "routines"},
                                                             {ListKind::sources, "sources"}});
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

}  // namespace backplan
