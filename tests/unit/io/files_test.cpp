#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/files.h"
#include "model/diagnostics.h"
#include "scratch_dir.h"

using namespace backplan;

namespace {

using test::ScratchDir;

}  // namespace

TEST_CASE("read_text_file returns a file's bytes unchanged") {
  ScratchDir dir;
  const std::string path = dir.path() + "/lib.yaml";
  const std::string text = "a: 1\r\nb: \xC3\xA9\n";
  std::ofstream(path, std::ios::binary) << text;
  CHECK(read_text_file(path, 1024) == text);
}

TEST_CASE("read_text_file refuses a directory, a missing path and a file over the limit") {
  ScratchDir dir;
  auto error = [](const std::string& path, std::size_t max_bytes) -> std::string {
    try {
      read_text_file(path, max_bytes);
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::bad_data);
      return e.message();
    }
    return "(no error)";
  };
  CHECK(error(dir.path(), 1024) == dir.path() + ": error: is a directory, not a file");
  CHECK(error(dir.path() + "/missing.yaml", 1024) ==
        dir.path() + "/missing.yaml: error: cannot read: No such file or directory");
  const std::string big = dir.path() + "/big.yaml";
  std::ofstream(big, std::ios::binary) << std::string(2000, 'a');
  CHECK(error(big, 1024) == big + ": error: file is larger than the 1 KiB limit");
  CHECK(error(big, 2000) == "(no error)");
}

TEST_CASE("list_directory gives the names sorted; make_parent_directories makes every level") {
  ScratchDir dir;
  make_parent_directories(dir.path() + "/a/b/c/file.txt");
  CHECK(is_directory(dir.path() + "/a/b/c"));
  std::ofstream(dir.path() + "/z.yaml") << "x";
  std::ofstream(dir.path() + "/m.yaml") << "x";
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"a", "m.yaml", "z.yaml"});
  CHECK(file_exists(dir.path() + "/m.yaml"));
  CHECK_FALSE(file_exists(dir.path() + "/nothing"));
  CHECK_FALSE(file_exists(dir.path() + "/m.yaml/below"));
}

TEST_CASE("make_parent_directories names the directory it cannot make") {
  ScratchDir dir;
  std::ofstream(dir.path() + "/file") << "x";
  const std::string target = dir.path() + "/file/sub/profile.yaml";
  try {
    make_parent_directories(target);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::cannot_write);
    CHECK(e.message() == "cannot write '" + target + "': cannot create the directory '" +
                             dir.path() + "/file': Not a directory");
  }
}
