#pragma once

#include <vector>

#include "gctq/query/record_sink.h"

namespace gctq::testing {

/// Keeps everything a run streams, for assertions.
class CollectingSink : public query::RecordSink {
 public:
  void OnPage(query::PageInfo const& page) override { pages.push_back(page); }
  void OnRecord(query::ConversationRecord const& record) override { records.push_back(record); }
  void OnWindowReport(query::WindowReport const& report) override { windows.push_back(report); }
  void OnRunReport(query::RunReport const& report) override { run = report; }

  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (auto const& r : records) ids.push_back(r.conversation.conversation_id);
    return ids;
  }

  std::vector<query::PageInfo> pages;
  std::vector<query::ConversationRecord> records;
  std::vector<query::WindowReport> windows;
  query::RunReport run;
};

}  // namespace gctq::testing
