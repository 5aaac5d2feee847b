#include "cli/cli.h"

int main(int argc, char** argv) {
  return backplan::run_cli(argc, argv);
}
