#pragma once
// Writing results: to standard output, or to a file atomically (temporary file + rename), so
// a reader never sees a half-written file. This is the program's one way to write a file.

#include <cstdio>
#include <string>

namespace backplan {

// Whether a file is flushed to disk before it takes its name: `each` for a single result;
// `deferred` when the caller syncs the file system once after many files (batch).
enum class Sync { each, deferred };

// A file being written: a temporary file beside its target, named ".backplan-XXXXXX" (so that
// `batch --force` can clear away what a killed run left), that takes the target's name only
// when commit() succeeds. Removed when destroyed uncommitted. Errors throw Error (cannot_write)
// naming the target.
class AtomicFile {
 public:
  explicit AtomicFile(std::string target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void put(const std::string& text);
  // Appends everything `other` holds so far (it stays open and uncommitted).
  void append_contents_of(AtomicFile& other);
  // Flushes (and with Sync::each, syncs) the file, then renames it over the target.
  void commit(Sync sync = Sync::each);

 private:
  [[noreturn]] void fail(int error) const;

  std::string target_;
  std::string temp_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

// Writes `content` to `path` atomically. "-" means standard output. Throws Error
// (cannot_write) naming the path.
void write_output(const std::string& path, const std::string& content, Sync sync = Sync::each);

// Removes the file at `path` (a plan that must not be read as today's). Returns whether there was
// one; throws Error (cannot_write) naming `path` when it is there but cannot be removed.
bool remove_output(const std::string& path);

// The mode of a new result file: as readable as any other file the user writes (0666 & ~umask).
unsigned new_file_mode();

// ".backplan-" and six characters from mkstemp: a temporary file of AtomicFile.
bool is_temp_name(const std::string& name);

}  // namespace backplan
