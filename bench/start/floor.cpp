// The start-time floor: a program that links and touches the same libraries as backplan (fmt,
// yaml-cpp, CLI11), and does next to nothing. bench/start/run compares backplan with it.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <CLI/CLI.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  CLI::App app("floor");
  int age = 0;
  app.add_option("--age", age, "age");
  CLI11_PARSE(app, argc, argv);
  const YAML::Node node = YAML::Load("minutes: 20");
  std::fputs(fmt::format("{} {}\n", node["minutes"].as<int>(), age).c_str(), stdout);
  return 0;
}
