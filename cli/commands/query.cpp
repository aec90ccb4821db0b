#include <fmt/format.h>

#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {

RunFn RegisterQuery(CLI::App& app) {
  app.add_subcommand("query", "Find matching conversations, fetch transcripts and sentiment, analyse them");
  return [] {
    fmt::print(stderr, "gctq query: not implemented yet\n");
    return kExitInternal;
  };
}

}  // namespace gctq::cli
