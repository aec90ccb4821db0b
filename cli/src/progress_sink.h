#pragma once

#include <cstdint>

#include "gctq/query/record_sink.h"

namespace gctq::cli {

/// A one-line progress display on stderr (used only when stderr is a terminal).
class ProgressSink final : public query::RecordSink {
 public:
  void OnPage(query::PageInfo const& page) override;
  void OnRecord(query::ConversationRecord const& /*record*/) override { ++records_; }
  void OnWindowReport(query::WindowReport const& report) override;
  void OnRunReport(query::RunReport const& /*report*/) override;

 private:
  std::int64_t records_ = 0;
};

}  // namespace gctq::cli
