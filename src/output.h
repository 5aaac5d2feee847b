#pragma once
// Writing results: to standard output, or to a file atomically (temporary file + rename), so
// a reader never sees a half-written file.

#include <string>

namespace backplan {

// Writes `content` to `path` atomically. "-" means standard output. Throws Error
// (cannot_write) naming the path.
void write_output(const std::string& path, const std::string& content);

}  // namespace backplan
