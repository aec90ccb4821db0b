#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "gctq/query/conversation_summary.h"

namespace gctq::query {

/// What happened to a conversation's transcript.
enum class TranscriptStatus {
  kFetched,       ///< Downloaded (and handed to the Analyze hook).
  kNoTranscript,  ///< 404 on transcripturl, or no customer voice session: not a failure.
  kFailed,        ///< Could not be fetched after retries: the run is incomplete.
  kSkipped,       ///< --no-transcripts.
};
std::string_view ToString(TranscriptStatus status);

/// One output record: a conversation with its sentiment, transcript status and analysis. Never holds
/// a transcript URL, a token or a secret.
struct ConversationRecord {
  ConversationSummary conversation;
  std::optional<double> sentiment;  ///< UI scale -100..+100; absent when not fetched or not analysed.
  TranscriptStatus transcript_status = TranscriptStatus::kSkipped;
  std::string transcript_error;  ///< Safe description when kFailed.
  /// A JSON object (text) set by the Analyze hook; written as "analysis" in the output.
  std::optional<std::string> analysis_json;
  /// Set by the Analyze hook to leave this conversation out of the output (e.g. no keyword matched);
  /// counted as analysis_filtered in the window report.
  bool excluded_by_analysis = false;
  std::size_t window_index = 0;  ///< Index of its window in RunReport::windows.
  int page_number = 0;           ///< The page (1-based, per window) that listed it.
};

}  // namespace gctq::query
