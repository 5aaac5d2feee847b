#pragma once
// The YAML files of routines/, embedded at build time by cmake/embed.cmake.

#include <string_view>
#include <vector>

namespace backplan {

struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

const std::vector<EmbeddedFile>& embedded_library_files();

}  // namespace backplan
