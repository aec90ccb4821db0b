#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "gctq/query/conversation_record.h"
#include "gctq/query/run_report.h"

namespace gctq::query {

/// One page as it arrived, before de-duplication.
struct PageInfo {
  std::size_t window_index = 0;
  QueryWindow window;
  int page_number = 1;            ///< 1-based, per window (async: results page count).
  std::size_t conversations = 0;  ///< On this page.
  std::optional<std::int64_t> total_hits;
  Millis latency{0};  ///< Time to fetch the page (all attempts).
};

/// Where RunQuery streams its results. Calls are serialized (never concurrent) and ordered: the
/// records of a window, in listing order, then that window's report; OnRunReport comes last.
/// Output writers, QA callbacks and progress displays implement it; TeeSink fans out.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void OnPage(PageInfo const& /*page*/) {}
  virtual void OnRecord(ConversationRecord const& record) = 0;
  virtual void OnWindowReport(WindowReport const& /*report*/) {}
  virtual void OnRunReport(RunReport const& /*report*/) {}
};

/// Forwards every call to each sink in turn (not owned; they must outlive the TeeSink).
class TeeSink final : public RecordSink {
 public:
  explicit TeeSink(std::vector<RecordSink*> sinks) : sinks_(std::move(sinks)) {}
  void OnPage(PageInfo const& page) override;
  void OnRecord(ConversationRecord const& record) override;
  void OnWindowReport(WindowReport const& report) override;
  void OnRunReport(RunReport const& report) override;

 private:
  std::vector<RecordSink*> sinks_;
};

}  // namespace gctq::query
