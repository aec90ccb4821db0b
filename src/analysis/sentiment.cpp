#include "sentiment.h"

#include <algorithm>

namespace gctq::analysis {
namespace {

void Add(SentimentBucket& bucket, double value) {
  ++bucket.phrases;
  if (value > 0)
    ++bucket.positive;
  else if (value < 0)
    ++bucket.negative;
  else
    ++bucket.neutral;
  bucket.mean += (value - bucket.mean) / bucket.phrases;
}

}  // namespace

void SummarizeSentiment(Transcript const& transcript, SentimentSummary& out) {
  std::int64_t duration = std::max<std::int64_t>(transcript.duration_ms, 1);
  for (auto const& s : transcript.sentiments) {
    auto quarter = static_cast<std::size_t>(std::clamp<std::int64_t>(s.offset_ms * 4 / duration, 0, 3));
    Add(s.speaker == Speaker::kAgent ? out.agent : out.customer, s.value);
    Add(out.quarters[quarter], s.value);
    if (s.speaker == Speaker::kCustomer) Add(out.customer_quarters[quarter], s.value);
  }
}

}  // namespace gctq::analysis
