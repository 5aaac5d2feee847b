#pragma once
// Writing results: to standard output, or to a file atomically (temporary file + rename), so
// a reader never sees a half-written file.

#include <string>

namespace backplan {

// Whether a file is flushed to disk before it takes its name: `each` for a single result;
// `deferred` when the caller syncs the file system once after many files (batch).
enum class Sync { each, deferred };

// Writes `content` to `path` atomically. "-" means standard output. Throws Error
// (cannot_write) naming the path.
void write_output(const std::string& path, const std::string& content, Sync sync = Sync::each);

// The mode of a new result file: as readable as any other file the user writes (0666 & ~umask).
unsigned new_file_mode();

}  // namespace backplan
