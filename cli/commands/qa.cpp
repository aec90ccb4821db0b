#include <fmt/format.h>

#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {

RunFn RegisterQa(CLI::App& app) {
  app.add_subcommand("qa", "Inspect and drive the QA-platform delivery outbox");
  return [] {
    fmt::print(stderr, "gctq qa: not implemented yet\n");
    return kExitInternal;
  };
}

}  // namespace gctq::cli
