#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace gctq_emulator {

/// Settings of an emulated Genesys Cloud org. Same settings (including `anchor_epoch_s`) give
/// byte-identical data.
struct EmulatorOptions {
  std::uint64_t seed = 42;
  int conversations = 5000;
  int days = 30;                      ///< Conversations span [anchor - days, anchor).
  std::int64_t anchor_epoch_s = 0;    ///< 0: the current UTC day's midnight.
  std::string profile = "strict";     ///< "strict" or "lenient" limits.
  std::string host = "127.0.0.1";
  int port = 0;                       ///< 0 picks a free ephemeral port.
  std::optional<std::string> truth_path;    ///< Write ground truth (JSON Lines) here.
  std::optional<std::string> clients_path;  ///< OAuth clients and their permissions (JSON).
};

/// The demo OAuth client every emulator has unless `clients_path` replaces the set.
inline constexpr char kDemoClientId[] = "gctq-demo-client";
inline constexpr char kDemoClientSecret[] = "gctq-demo-secret";

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
