#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <memory>
#include <thread>

#include "gctq_emulator/emulator.h"
#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {
namespace {

std::atomic<bool> g_stop{false};
extern "C" void OnSignal(int /*signal*/) {
  g_stop = true;
}

int RunEmulator(gctq_emulator::EmulatorOptions const& options) {
  gctq_emulator::Emulator emulator(options);
  std::string error;
  if (!emulator.Start(&error)) {
    fmt::print(stderr, "gctq emulator: {}\n", error);
    return kExitInternal;
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  fmt::print("Genesys Cloud emulator listening on {}\n", emulator.base_url());
  fmt::print("  conversations: {} over {} days (seed {}, profile {})\n", options.conversations, options.days,
             options.seed, options.profile);
  if (options.clients_path) {
    fmt::print("  OAuth clients: from {}\n", *options.clients_path);
  } else {
    fmt::print("  demo OAuth client: id {} secret {}\n", gctq_emulator::kDemoClientId,
               gctq_emulator::kDemoClientSecret);
    fmt::print("  limited OAuth client (no STA permissions): id {} secret {}\n",
               gctq_emulator::kLimitedClientId, gctq_emulator::kLimitedClientSecret);
  }
  if (!options.faults.empty()) fmt::print("  faults: {}\n", options.faults);
  fmt::print("  point gctq at it: GCTQ_EMULATOR_URL={}\n", emulator.base_url());
  std::fflush(stdout);
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  emulator.Stop();
  fmt::print(stderr, "gctq emulator: stopped\n");
  return kExitOk;
}

}  // namespace

RunFn RegisterEmulator(CLI::App& app) {
  auto options = std::make_shared<gctq_emulator::EmulatorOptions>();
  auto* sub = app.add_subcommand("emulator", "Serve a deterministic emulated Genesys Cloud org on loopback");
  sub->add_option("--seed", options->seed, "Seed for the synthetic org")->capture_default_str();
  sub->add_option("--conversations", options->conversations, "Number of voice conversations")
      ->check(CLI::Range(0, 10'000'000))
      ->capture_default_str();
  sub->add_option("--days", options->days, "Days of history, ending today (UTC)")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  sub->add_option("--profile", options->profile, "API limits: strict (real service) or lenient")
      ->check(CLI::IsMember({"strict", "lenient"}))
      ->capture_default_str();
  sub->add_option("--port", options->port, "Port on 127.0.0.1 (0 picks a free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  sub->add_option("--truth", options->truth_path, "Write the ground truth (JSON Lines) to this file");
  sub->add_option("--clients", options->clients_path, "OAuth clients and permissions (JSON)");
  sub->add_option("--rate-limit", options->rate_limit_requests, "Requests per token per rate-limit window")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--rate-limit-window", options->rate_limit_window_s, "Rate-limit window in seconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--token-lifetime", options->token_lifetime_s, "expires_in of issued tokens (seconds)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--job-delay-ms", options->job_delay_ms, "Async details jobs: submission to FULFILLED (ms)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_option("--url-ttl", options->transcript_url_ttl_s,
                  "Lifetime of pre-signed transcript URLs (seconds)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option(
      "--faults", options->faults,
      "Injected faults, e.g. \"429x3,s3:truncatex1,slow-200ms\" (see emulator/src/server/faults.h)");
  return [options] { return RunEmulator(*options); };
}

}  // namespace gctq::cli
