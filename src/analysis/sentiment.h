#pragma once

#include "gctq/analysis/analysis_result.h"

namespace gctq::analysis {

/// Aggregates analytics.sentiment phrase values per speaker and per quarter of the call.
void SummarizeSentiment(Transcript const& transcript, SentimentSummary& out);

}  // namespace gctq::analysis
