#pragma once

// Starts an emulator on an ephemeral loopback port with a fake org and a movable clock.

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <string>

#include "emulator_server/fake_org.h"
#include "gctq_emulator/emulator.h"

namespace gctq_emulator::testing {

/// 2024-06-15T12:00:00.000Z
inline constexpr std::int64_t kNowMs = 1'718'452'800'000;
inline constexpr std::int64_t kDayMs = 86'400'000;

struct Reply {
  int status = 0;  ///< 0: no HTTP response (connection error).
  httplib::Headers headers;
  std::string body;
  [[nodiscard]] nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
  [[nodiscard]] std::string Header(std::string const& name) const;
};

class ServerTest : public ::testing::Test {
 protected:
  /// Starts the emulator; `adjust` may change the options first.
  void StartServer(std::function<void(EmulatorOptions&)> const& adjust = {}, int bulk = 0);
  void TearDown() override;

  void AdvanceClock(std::int64_t ms) { *clock_ += ms; }
  [[nodiscard]] std::int64_t Now() const { return *clock_; }

  /// A token of the demo client (or of `client_id`/`secret`).
  std::string Token(std::string const& client_id = kDemoClientId,
                    std::string const& secret = kDemoClientSecret);

  Reply Get(std::string const& path, std::string const& token, httplib::Headers headers = {});
  Reply Post(std::string const& path, std::string const& body, std::string const& token,
             httplib::Headers headers = {});
  Reply Delete(std::string const& path, std::string const& token);
  /// GET of an absolute URL on the emulator, without a token.
  Reply GetUrl(std::string const& url, httplib::Headers headers = {});
  Reply PostToken(std::string const& client_id, std::string const& secret, std::string const& form);

  /// A details query body for the interval [now - from_days, now - to_days).
  static std::string Interval(double from_days_ago, double to_days_ago);

  std::unique_ptr<Emulator> emulator_;
  std::shared_ptr<Org const> org_;

 private:
  httplib::Client Client();
  std::shared_ptr<std::atomic<std::int64_t>> clock_ = std::make_shared<std::atomic<std::int64_t>>(kNowMs);
};

}  // namespace gctq_emulator::testing
