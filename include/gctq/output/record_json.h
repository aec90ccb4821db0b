#pragma once

#include <string>
#include <string_view>

#include "gctq/query/conversation_record.h"
#include "gctq/query/run_report.h"

namespace gctq::output {

/// The JSON object of a record (one line, no newline): conversationId, communicationId, start, end,
/// direction, divisions, queues, agents [{userId, name}], wrap_up_codes, duration_ms, in_progress,
/// sentiment (-100..100 rounded to 0.1, or null), transcript_status, transcript_error (when failed),
/// analysis (when present). Never a transcript URL or credential.
std::string RecordJson(query::ConversationRecord const& record);

/// One window of the completeness report as a JSON object.
std::string WindowReportJson(query::WindowReport const& report);

/// The run's totals as a JSON object.
std::string RunSummaryJson(query::RunReport const& report);

/// "complete", "truncated", "failed" or "incomplete" (failed transcripts or sentiment).
std::string_view WindowStatus(query::WindowReport const& report);

/// Sentiment rounded to one decimal for display.
double RoundSentiment(double ui_score);

}  // namespace gctq::output
