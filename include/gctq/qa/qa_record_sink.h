#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "gctq/core/result.h"
#include "gctq/qa/callbacks.h"
#include "gctq/query/record_sink.h"

namespace gctq::qa {

/// Turns the query pipeline's stream into QA callbacks: one ConversationEvent per record, and one
/// PageMetrics per listed page once all of that page's records have passed (matches and the mean
/// keyword coverage of the page). The first error a QaSink returns is kept; the caller stops the
/// run on it (an event that could not be committed would otherwise be lost).
class QaRecordSink final : public query::RecordSink {
 public:
  explicit QaRecordSink(std::shared_ptr<QaSink> sink) : sink_(std::move(sink)) {}

  void OnPage(query::PageInfo const& page) override;
  void OnRecord(query::ConversationRecord const& record) override;
  void OnWindowReport(query::WindowReport const& report) override;

  /// The first error returned by the QaSink, if any.
  [[nodiscard]] std::optional<Error> const& error() const { return error_; }

 private:
  struct PendingPage {
    query::PageInfo info;
    std::int64_t matches = 0;
    double coverage_sum = 0;
    std::int64_t coverage_count = 0;
  };
  /// Sends the metrics of every pending page listed before (window, page).
  void FlushPagesBefore(std::size_t window_index, int page_number);
  void Keep(Status status);

  std::shared_ptr<QaSink> sink_;
  std::vector<PendingPage> pending_;
  std::optional<Error> error_;
};

/// The thin QA event for a record: ids, rule hit counts per speaker, sentiment (-1..1), PII status
/// and finding types. Never transcript text or PII values.
ConversationEvent MakeConversationEvent(query::ConversationRecord const& record);

}  // namespace gctq::qa
