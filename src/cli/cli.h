#pragma once
// The command line: CLI11 lives in this one translation unit (cli.cpp); each subcommand's
// work is in its own cmd_*.cpp.

namespace backplan {

// Parses the arguments, runs the command and returns the process exit code. Every error is
// reported here as one line on stderr.
int run_cli(int argc, const char* const* argv);

}  // namespace backplan
