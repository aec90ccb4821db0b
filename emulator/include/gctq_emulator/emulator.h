#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gctq_emulator {

class Org;

/// An OAuth client-credentials client of the emulated org and the permissions of its roles.
struct OAuthClientSpec {
  std::string id;
  std::string secret;
  std::vector<std::string> permissions;
};

/// Settings of an emulated Genesys Cloud org. Same settings (including `anchor_epoch_s`) give
/// byte-identical data.
struct EmulatorOptions {
  std::uint64_t seed = 42;
  int conversations = 5000;
  int days = 30;                    ///< Conversations span [anchor - days, anchor).
  std::int64_t anchor_epoch_s = 0;  ///< 0: the current UTC day's midnight.
  std::string profile = "strict";   ///< "strict" or "lenient" limits.
  std::string host = "127.0.0.1";
  int port = 0;                             ///< 0 picks a free ephemeral port.
  std::optional<std::string> truth_path;    ///< Write ground truth (JSON Lines) here.
  std::optional<std::string> clients_path;  ///< OAuth clients and their permissions (JSON).

  int rate_limit_requests = 300;  ///< Requests per token per rate-limit window.
  int rate_limit_window_s = 60;
  int token_lifetime_s = 86399;    ///< `expires_in` of issued tokens.
  int job_delay_ms = 2000;         ///< Async details jobs: submission to FULFILLED.
  int transcript_url_ttl_s = 600;  ///< Lifetime of pre-signed transcript URLs.
  /// Process-wide faults, e.g. "429x3,s3:truncatex1,slow-200ms" (see server/faults.h).
  std::string faults;
  /// OAuth clients; empty: the `clients_path` file, else the demo client plus a limited one.
  std::vector<OAuthClientSpec> clients;
  /// The clock, epoch milliseconds; empty: the system clock. Tests move time with it.
  std::function<std::int64_t()> now_ms;
  /// Serve this org instead of generating one from the settings above (tests).
  std::shared_ptr<Org const> org;
};

/// The demo OAuth client every emulator has unless `clients_path` replaces the set.
inline constexpr char kDemoClientId[] = "gctq-demo-client";
inline constexpr char kDemoClientSecret[] = "gctq-demo-secret";
/// A built-in client lacking the Speech & Text Analytics permissions (for permission tests).
inline constexpr char kLimitedClientId[] = "gctq-limited-client";
inline constexpr char kLimitedClientSecret[] = "gctq-limited-secret";

/// An in-process Genesys Cloud emulator serving HTTP on loopback.
class Emulator {
 public:
  explicit Emulator(EmulatorOptions options);
  ~Emulator();
  Emulator(Emulator const&) = delete;
  Emulator& operator=(Emulator const&) = delete;

  /// Generates the org and starts serving in background threads. Returns false with `error` set.
  bool Start(std::string* error);
  /// Stops serving and joins the threads. Idempotent.
  void Stop();

  [[nodiscard]] int port() const;
  /// "http://127.0.0.1:PORT": serves /oauth/token and /api/v2/... alike.
  [[nodiscard]] std::string base_url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gctq_emulator
