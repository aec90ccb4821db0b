#pragma once

#include <chrono>
#include <functional>

#include "gctq/qa/callbacks.h"
#include "gctq/qa/outbox.h"

namespace gctq::qa {

/// A QaSink that commits every event to the outbox (for all its destinations) before returning;
/// a WebhookDeliverer sends them. Payload: MakeEnvelope(type, ToJson(event)).
class OutboxQaSink : public QaSink {
 public:
  explicit OutboxQaSink(Outbox& outbox, std::function<std::chrono::system_clock::time_point()> clock = {});
  Status OnPage(PageMetrics const& page) override;
  Status OnConversation(ConversationEvent const& conversation) override;

 private:
  Status Commit(std::string_view type, std::string const& data_json);
  Outbox& outbox_;
  std::function<std::chrono::system_clock::time_point()> clock_;
};

}  // namespace gctq::qa
