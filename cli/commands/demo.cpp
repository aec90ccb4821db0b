#include <fmt/format.h>

#include "gctq_emulator/emulator.h"
#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {
namespace {

int RunDemo() {
  gctq_emulator::EmulatorOptions options;
  gctq_emulator::Emulator emulator(options);
  std::string error;
  if (!emulator.Start(&error)) {
    fmt::print(stderr, "gctq demo: cannot start the embedded emulator: {}\n", error);
    return kExitInternal;
  }
  fmt::print("gctq demo: embedded Genesys Cloud emulator on {}\n", emulator.base_url());
  emulator.Stop();
  return kExitOk;
}

}  // namespace

RunFn RegisterDemo(CLI::App& app) {
  app.add_subcommand("demo", "Run the whole job against the embedded emulator (no credentials needed)");
  return [] { return RunDemo(); };
}

}  // namespace gctq::cli
