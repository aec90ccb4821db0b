#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "gctq/audit/audit_log.h"
#include "gctq/http/call_observer.h"

namespace gctq::audit {

/// A CallObserver that writes one `api.call` record per HTTP attempt: endpoint class, method,
/// sanitized URL (no query string), status, attempt, latency, time waited, error code and
/// correlation id. Append failures are counted, not thrown (the HTTP call already happened);
/// check failures() at the end of the run.
class AuditObserver : public http::CallObserver {
 public:
  explicit AuditObserver(std::shared_ptr<AuditLog> log) : log_(std::move(log)) {}
  void OnCall(http::CallRecord const& record) override;
  [[nodiscard]] std::uint64_t failures() const { return failures_.load(); }

 private:
  std::shared_ptr<AuditLog> log_;
  std::atomic<std::uint64_t> failures_{0};
};

}  // namespace gctq::audit
