// Writing results: AtomicFile and write_output.
#include <doctest/doctest.h>

#include <dirent.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/output.h"
#include "model/diagnostics.h"
#include "scratch_dir.h"

using namespace backplan;

namespace {

using test::ScratchDir;

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("a committed AtomicFile takes its name with what was put in it") {
  ScratchDir dir;
  const std::string target = dir.path() + "/x.txt";
  {
    AtomicFile file(target);
    file.put("one\n");
    file.put("two\n");
    CHECK(dir.names().size() == 1);  // the temporary file only
    CHECK(is_temp_name(dir.names().at(0)));
    file.commit();
  }
  CHECK(dir.names() == std::vector<std::string>{"x.txt"});
  CHECK(contents(target) == "one\ntwo\n");
}

TEST_CASE("an uncommitted AtomicFile leaves nothing behind") {
  ScratchDir dir;
  {
    AtomicFile file(dir.path() + "/x.txt");
    file.put("never seen");
  }
  CHECK(dir.names().empty());
}

TEST_CASE("append_contents_of copies another file's contents so far") {
  ScratchDir dir;
  const std::string target = dir.path() + "/index.txt";
  AtomicFile body(target);
  body.put("b1\n");
  body.put("b2\n");
  {
    AtomicFile index(target);
    index.put("head\n");
    index.append_contents_of(body);
    index.put("foot\n");
    index.commit(Sync::deferred);
  }
  CHECK(contents(target) == "head\nb1\nb2\nfoot\n");
  body.put("b3\n");  // still open, at its end
}

TEST_CASE("write_output replaces a file atomically") {
  ScratchDir dir;
  const std::string target = dir.path() + "/x";
  write_output(target, "first");
  write_output(target, "second", Sync::deferred);
  CHECK(contents(target) == "second");
  CHECK(dir.names() == std::vector<std::string>{"x"});
}

TEST_CASE("writing into a missing directory is an Error naming the target") {
  ScratchDir dir;
  const std::string missing = dir.path() + "/nowhere";
  try {
    AtomicFile file(missing + "/x");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::cannot_write);
    CHECK(e.message() == "cannot write '" + missing + "/x': No such file or directory");
  }
  CHECK_THROWS_AS(write_output(missing + "/x", "text"), Error);
  CHECK(dir.names().empty());
}

TEST_CASE("temporary file names") {
  CHECK(is_temp_name(".backplan-a1B2c3"));
  CHECK_FALSE(is_temp_name(".backplan-a1B2c"));
  CHECK_FALSE(is_temp_name(".backplan-a1B2c3d"));
  CHECK_FALSE(is_temp_name(".backplan-a1B.c3"));
  CHECK_FALSE(is_temp_name("backplan-a1B2c3x"));
}
