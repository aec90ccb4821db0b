#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace gctq::cli {

/// Each subcommand file under commands/ defines one `Register<Name>(CLI::App&)` that adds its
/// subcommand (with its options) and returns the function to run when it is chosen.
using RunFn = std::function<int()>;

RunFn RegisterDemo(CLI::App& app);      // commands/demo.cpp
RunFn RegisterQuery(CLI::App& app);     // commands/query.cpp
RunFn RegisterScan(CLI::App& app);      // commands/scan.cpp
RunFn RegisterAuth(CLI::App& app);      // commands/auth.cpp   (auth check)
RunFn RegisterQa(CLI::App& app);        // commands/qa.cpp     (qa status|replay|deliver)
RunFn RegisterAudit(CLI::App& app);     // commands/audit.cpp  (audit verify)
RunFn RegisterEmulator(CLI::App& app);  // commands/emulator.cpp

}  // namespace gctq::cli
