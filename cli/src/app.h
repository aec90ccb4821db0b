#pragma once

namespace gctq::cli {

/// Parses the command line, runs the chosen subcommand, returns the exit code.
int Main(int argc, char** argv);

}  // namespace gctq::cli
