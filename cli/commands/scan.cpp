#include <fmt/format.h>

#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {

RunFn RegisterScan(CLI::App& app) {
  app.add_subcommand("scan", "Analyse local transcript files (keywords, sentiment, PII masking)");
  return [] {
    fmt::print(stderr, "gctq scan: not implemented yet\n");
    return kExitInternal;
  };
}

}  // namespace gctq::cli
