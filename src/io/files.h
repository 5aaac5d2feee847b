#pragma once
// Reading the file system: whole text files, directory listings, existence, directories.

#include <cstddef>
#include <string>
#include <vector>

namespace backplan {

// Reads a whole file; throws Error (bad_data) naming the path when it is missing, unreadable,
// a directory or larger than `max_bytes`.
std::string read_text_file(const std::string& path, std::size_t max_bytes);

// Whether `path` is a directory (following links).
bool is_directory(const std::string& path);

// The names in a directory (not "." or ".."), sorted; throws Error (bad_data) when it cannot be
// read.
std::vector<std::string> list_directory(const std::string& path);

// Whether a file exists at `path`: anything but "no such file" (ENOENT, ENOTDIR) counts, so
// that loading a directory or an unreadable file reports the problem.
bool file_exists(const std::string& path);

// mkdir -p for the directory part of `path`; throws Error (cannot_write) naming `path` and the
// directory that could not be made.
void make_parent_directories(const std::string& path);

}  // namespace backplan
