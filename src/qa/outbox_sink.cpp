#include "gctq/qa/outbox_sink.h"

namespace gctq::qa {

OutboxQaSink::OutboxQaSink(Outbox& outbox, std::function<std::chrono::system_clock::time_point()> clock)
    : outbox_(outbox), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::system_clock::now(); };
}

Status OutboxQaSink::Commit(std::string_view type, std::string const& data_json) {
  auto now = clock_();
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  auto id = outbox_.Enqueue(type, MakeEnvelope(type, data_json, now), now_ms);
  if (!id) return id.error();
  return Ok{};
}

Status OutboxQaSink::OnPage(PageMetrics const& page) {
  return Commit(kPageEventType, ToJson(page));
}

Status OutboxQaSink::OnConversation(ConversationEvent const& conversation) {
  return Commit(kConversationEventType, ToJson(conversation));
}

}  // namespace gctq::qa
