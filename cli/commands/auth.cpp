#include <fmt/format.h>

#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {

RunFn RegisterAuth(CLI::App& app) {
  app.add_subcommand("auth", "Check credentials and permissions against the org");
  return [] {
    fmt::print(stderr, "gctq auth: not implemented yet\n");
    return kExitInternal;
  };
}

}  // namespace gctq::cli
