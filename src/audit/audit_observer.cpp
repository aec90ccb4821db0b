#include "gctq/audit/audit_observer.h"

namespace gctq::audit {

void AuditObserver::OnCall(http::CallRecord const& record) {
  AuditFields fields = {
      {"endpoint_class", std::string(http::ToString(record.endpoint_class))},
      {"method", record.method},
      {"url", record.sanitized_url},
      {"status", std::int64_t{record.status}},
      {"attempts", std::int64_t{record.attempt}},
      {"latency_ms", static_cast<double>(record.latency.count()) / 1000.0},
      {"waited_ms", static_cast<std::int64_t>(record.waited.count())},
  };
  if (!record.error_code.empty()) fields.push_back({"error_code", record.error_code});
  if (!record.correlation_id.empty()) fields.push_back({"correlation_id", record.correlation_id});
  if (!log_->Append("api.call", std::move(fields))) failures_.fetch_add(1);
}

}  // namespace gctq::audit
