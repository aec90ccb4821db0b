#include <fmt/format.h>

#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {

RunFn RegisterAudit(CLI::App& app) {
  app.add_subcommand("audit", "Verify a tamper-evident audit log");
  return [] {
    fmt::print(stderr, "gctq audit: not implemented yet\n");
    return kExitInternal;
  };
}

}  // namespace gctq::cli
