#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "gctq/analysis/analysis_result.h"
#include "gctq/analysis/rules.h"

namespace gctq::analysis {

/// Aggregates analytics.sentiment phrase values per speaker and per quarter of the call.
void SummarizeSentiment(Transcript const& transcript, SentimentSummary& out);

/// True when a sentiment condition starts at text[pos]: `sentiment` followed by `(`, or the word
/// `sta_score` (both ASCII case-insensitive).
bool StartsSentimentCondition(std::string_view text, std::size_t pos);

/// Parses the sentiment condition starting at text[pos]; returns the position just after it.
/// Errors are kInvalidArgument "position N: reason" (1-based, like the expression parser's).
Result<std::size_t> ParseSentimentCondition(std::string_view text, std::size_t pos, SentimentCondition& out);

/// Whether the condition holds on the summary. No data (no phrase in scope, no STA score) is false.
bool SentimentHolds(SentimentCondition const& condition, SentimentSummary const& summary);

/// The aggregate a condition reads and its value, e.g. "sentiment(customer, q4) = -0.667 over 3
/// phrases (0 positive, 1 neutral, 2 negative)" or "sta_score = -40".
std::string DescribeSentiment(SentimentCondition const& condition, SentimentSummary const& summary);

}  // namespace gctq::analysis
