#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace gctq::cli {

/// Each subcommand file defines one `Register<Name>(CLI::App&)` that adds its subcommand and
/// returns the function to run when it is chosen.
using RunFn = std::function<int()>;

RunFn RegisterEmulator(CLI::App& app);
RunFn RegisterDemo(CLI::App& app);

}  // namespace gctq::cli
