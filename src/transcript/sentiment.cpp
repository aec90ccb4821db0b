#include "gctq/transcript/sentiment.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace gctq::transcript {

Result<SentimentRange> NamedSentimentRange(std::string_view name) {
  if (name == "negative") return SentimentRange{kSentimentMin, kNegativeAtOrBelow};
  if (name == "positive") return SentimentRange{kPositiveAtOrAbove, kSentimentMax};
  if (name == "neutral") {
    return SentimentRange{std::nextafter(kNegativeAtOrBelow, 0.0), std::nextafter(kPositiveAtOrAbove, 0.0)};
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   fmt::format("--sentiment: '{}' is not one of negative (<= {}), neutral, positive (>= {})",
                               name, kNegativeAtOrBelow, kPositiveAtOrAbove));
}

double ToUiScale(double api_score) {
  return std::clamp(api_score * 100.0, kSentimentMin, kSentimentMax);
}

}  // namespace gctq::transcript
