#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "gctq/query/record_sink.h"

namespace gctq::cli {

/// What a run found, for the human summary: counted from the records as they stream past.
struct RunSummary {
  std::int64_t records = 0;
  std::int64_t with_hits = 0;
  std::map<std::string, std::int64_t> hits_by_rule;       ///< conversations per rule
  std::map<std::string, std::int64_t> pii_status;         ///< clean | masked | leak | not_scanned
  std::map<std::string, std::int64_t> pii_leaks_by_type;  ///< findings per type
  std::map<std::string, std::int64_t> transcript_status;  ///< fetched | no_transcript | ...
  std::int64_t sentiment_negative = 0, sentiment_neutral = 0, sentiment_positive = 0;
  double keyword_coverage_sum = 0;
  std::int64_t keyword_coverage_count = 0;
};

class SummarySink final : public query::RecordSink {
 public:
  void OnRecord(query::ConversationRecord const& record) override;
  [[nodiscard]] RunSummary const& summary() const { return summary_; }

 private:
  RunSummary summary_;
};

/// A readable multi-line text of the summary.
std::string FormatRunSummary(RunSummary const& summary);

}  // namespace gctq::cli
