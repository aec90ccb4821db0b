#pragma once

#include <optional>
#include <string_view>

#include "gctq/core/result.h"

namespace gctq::transcript {

/// Sentiment on the Genesys UI scale, -100..+100 (the API's sentimentScore, -1..+1, times 100).
inline constexpr double kSentimentMin = -100.0;
inline constexpr double kSentimentMax = 100.0;
/// Documented thresholds of the named classes: negative <= -25 < neutral < +25 <= positive.
inline constexpr double kNegativeAtOrBelow = -25.0;
inline constexpr double kPositiveAtOrAbove = 25.0;

/// An inclusive range on the UI scale. A conversation without sentiment never matches.
struct SentimentRange {
  double min = kSentimentMin;
  double max = kSentimentMax;

  [[nodiscard]] bool Contains(std::optional<double> ui_score) const {
    return ui_score && *ui_score >= min && *ui_score <= max;
  }
};

/// The range of `negative`, `neutral` or `positive`. Neutral is the open interval (-25, +25),
/// represented as [-24.999..., 24.999...]. Unknown names: kInvalidArgument naming the choices.
Result<SentimentRange> NamedSentimentRange(std::string_view name);

/// The API's sentimentScore (-1..+1) on the UI scale (-100..+100), clamped.
double ToUiScale(double api_score);

}  // namespace gctq::transcript
