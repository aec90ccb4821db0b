#include "gctq/audit/audit_events.h"

#include <unistd.h>

namespace gctq::audit {
namespace {

std::string HostName() {
  char host[256] = {};
  ::gethostname(host, sizeof(host) - 1);
  return host;
}

}  // namespace

Status RecordRunStart(AuditLog& log, RunStart const& event) {
  return log.Append("run.start", {{"client_id", event.oauth_client_id},
                                  {"host", event.host.empty() ? HostName() : event.host},
                                  {"pid", static_cast<std::int64_t>(::getpid())},
                                  {"command", event.command},
                                  {"options", event.options},
                                  {"filters", event.filters},
                                  {"tool_version", event.tool_version}});
}

Status RecordRunEnd(AuditLog& log, RunEnd const& event) {
  return log.Append("run.end", {{"outcome", event.outcome},
                                {"exit_code", std::int64_t{event.exit_code}},
                                {"conversations", event.conversations},
                                {"reason", event.reason}});
}

Status RecordApiCall(AuditLog& log, ApiCallSummary const& event) {
  return log.Append("api.page", {{"endpoint_class", std::string(http::ToString(event.endpoint_class))},
                                 {"window", event.window},
                                 {"page", event.page},
                                 {"status", std::int64_t{event.status}},
                                 {"attempts", std::int64_t{event.attempts}},
                                 {"latency_ms", static_cast<std::int64_t>(event.latency.count())}});
}

Status RecordTranscriptFetch(AuditLog& log, TranscriptFetch const& event) {
  return log.Append("transcript.fetch", {{"conversation_id", event.conversation_id},
                                         {"communication_id", event.communication_id},
                                         {"outcome", event.outcome},
                                         {"http_status", std::int64_t{event.http_status}},
                                         {"reason", event.reason}});
}

Status RecordPiiLeak(AuditLog& log, PiiLeakFound const& event) {
  return log.Append("pii.found", {{"conversation_id", event.conversation_id},
                                  {"communication_id", event.communication_id},
                                  {"pii_type", event.pii_type},
                                  {"location", event.location}});
}

Status RecordDelivery(AuditLog& log, qa::DeliveryOutcome const& outcome) {
  return log.Append("callback.delivery",
                    {{"webhook_id", outcome.webhook_id},
                     {"destination", outcome.destination},
                     {"event_type", outcome.event_type},
                     {"attempts", outcome.attempt},
                     {"http_status", std::int64_t{outcome.http_status}},
                     {"outcome", outcome.result},
                     {"latency_ms", static_cast<double>(outcome.latency.count()) / 1000.0},
                     {"reason", outcome.error}});
}

}  // namespace gctq::audit
