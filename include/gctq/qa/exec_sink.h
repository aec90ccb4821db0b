#pragma once

#include <string_view>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "gctq/qa/callbacks.h"

namespace gctq::qa {

/// True for an environment entry (`NAME=value`) the exec command must not inherit: names with
/// SECRET, TOKEN or PASSWORD in them (GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_ACCESS_TOKEN,
/// webhook secret variables) and values that are webhook secrets (`whsec_...`).
bool IsSecretEnvironmentEntry(std::string_view entry);

/// The `--qa-exec CMD` destination for platforms without webhooks: runs `/bin/sh -c CMD` once, without the
/// secrets of its environment (IsSecretEnvironmentEntry), and
/// writes one JSON line per event (the same envelope a webhook carries) to its stdin. Not durable:
/// if the command exits early, further events fail with kUnavailable. Thread-safe.
class ExecQaSink : public QaSink {
 public:
  static Result<std::unique_ptr<ExecQaSink>> Start(
      std::string const& command, std::function<std::chrono::system_clock::time_point()> clock = {});
  ~ExecQaSink() override;
  ExecQaSink(ExecQaSink const&) = delete;
  ExecQaSink& operator=(ExecQaSink const&) = delete;

  Status OnPage(PageMetrics const& page) override;
  Status OnConversation(ConversationEvent const& conversation) override;
  /// Closes the command's stdin and waits for it; an error if it exited non-zero.
  Status Finish();

 private:
  struct State;
  explicit ExecQaSink(std::unique_ptr<State> state);
  Status WriteLine(std::string_view type, std::string const& data_json);
  std::unique_ptr<State> state_;
};

}  // namespace gctq::qa
