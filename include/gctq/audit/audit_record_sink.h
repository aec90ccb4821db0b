#pragma once

#include <memory>
#include <optional>

#include "gctq/audit/audit_log.h"
#include "gctq/core/result.h"
#include "gctq/query/record_sink.h"

namespace gctq::audit {

/// Writes the query pipeline's outcomes to the audit log: one `api.page` record per listed page,
/// one `transcript.fetch` per conversation, one `pii.found` per PII leak (type and location only).
/// The first append failure is kept; the caller fails the run on it.
class AuditRecordSink final : public query::RecordSink {
 public:
  explicit AuditRecordSink(std::shared_ptr<AuditLog> log) : log_(std::move(log)) {}

  void OnPage(query::PageInfo const& page) override;
  void OnRecord(query::ConversationRecord const& record) override;

  [[nodiscard]] std::optional<Error> const& error() const { return error_; }
  [[nodiscard]] std::int64_t leaks_recorded() const { return leaks_; }

 private:
  void Keep(Status status);

  std::shared_ptr<AuditLog> log_;
  std::optional<Error> error_;
  std::int64_t leaks_ = 0;
};

}  // namespace gctq::audit
