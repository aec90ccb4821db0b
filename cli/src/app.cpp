#include "src/app.h"

#include <fmt/format.h>

#include <vector>

#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {

int Main(int argc, char** argv) {
  CLI::App app{"gctq: query and analyse Genesys Cloud voice conversation transcripts"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gctq 0.1.0");
  std::vector<std::pair<CLI::App*, RunFn>> commands;
  auto const add = [&](RunFn (*reg)(CLI::App&)) {
    std::size_t before = app.get_subcommands({}).size();
    RunFn run = reg(app);
    auto subs = app.get_subcommands({});
    if (subs.size() > before) commands.emplace_back(subs.back(), std::move(run));
  };
  add(RegisterDemo);
  add(RegisterQuery);
  add(RegisterScan);
  add(RegisterAuth);
  add(RegisterQa);
  add(RegisterAudit);
  add(RegisterEmulator);
  try {
    app.parse(argc, argv);
  } catch (CLI::ParseError const& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [sub, run] : commands) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}

}  // namespace gctq::cli
