#include "gctq/query/query_args.h"

#include <fmt/format.h>

namespace gctq::query {
namespace {

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}

/// Splits "a, b,c" into items; keeps empty items so an empty keyword is reported, not dropped.
std::vector<std::string> SplitCommas(std::vector<std::string> const& items) {
  std::vector<std::string> out;
  for (auto const& item : items) {
    std::size_t start = 0;
    while (true) {
      auto comma = item.find(',', start);
      out.push_back(item.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

Status ResolveRange(QueryArgs const& args, TimePoint now, QueryRequest& out) {
  bool const has_range = !args.from.empty() || !args.to.empty();
  if (!args.last.empty() && has_range) return Invalid("--last: cannot be combined with --from/--to");
  if (!args.last.empty()) {
    auto span = ParseSpan("--last", args.last);
    if (!span) return span.error();
    out.to = std::chrono::floor<std::chrono::seconds>(now);
    out.from = out.to - *span;
    return Ok{};
  }
  if (args.from.empty()) return Invalid("--from: required (or use --last 7d)");
  if (args.to.empty()) return Invalid("--to: required (or use --last 7d)");
  auto from = ParseIsoTime("--from", args.from);
  if (!from) return from.error();
  auto to = ParseIsoTime("--to", args.to);
  if (!to) return to.error();
  out.from = *from;
  out.to = *to;
  return Ok{};
}

Result<std::optional<std::int64_t>> OptionalSpanMs(char const* flag, std::string const& text) {
  if (text.empty()) return std::optional<std::int64_t>{};
  if (text == "0") return std::optional<std::int64_t>{0};
  auto span = ParseSpan(flag, text);
  if (!span) return span.error();
  return std::optional<std::int64_t>{span->count()};
}

Status ResolveSentiment(QueryArgs const& args, QueryRequest& out) {
  bool const has_bounds = args.sentiment_min || args.sentiment_max;
  if (args.sentiment.empty() && !has_bounds) return Ok{};
  transcript::SentimentRange range;
  if (!args.sentiment.empty()) {
    auto named = transcript::NamedSentimentRange(args.sentiment);
    if (!named) return named.error();
    range = *named;
  }
  for (auto [flag, value] :
       {std::pair{"--sentiment-min", args.sentiment_min}, std::pair{"--sentiment-max", args.sentiment_max}}) {
    if (value && (*value < transcript::kSentimentMin || *value > transcript::kSentimentMax)) {
      return Invalid(fmt::format("{}: {} is outside -100..100 (the UI scale)", flag, *value));
    }
  }
  if (args.sentiment_min) range.min = *args.sentiment_min;
  if (args.sentiment_max) range.max = *args.sentiment_max;
  if (range.min > range.max) {
    return Invalid(
        fmt::format("--sentiment-min ({}) is greater than --sentiment-max ({})", range.min, range.max));
  }
  out.sentiment = range;
  return Ok{};
}

}  // namespace

Result<QueryRequest> ResolveQueryRequest(QueryArgs const& args, TimePoint now) {
  QueryRequest out;
  GCTQ_TRY(ResolveRange(args, now, out));
  out.filters = args.filters;
  auto min_duration = OptionalSpanMs("--min-duration", args.min_duration);
  if (!min_duration) return min_duration.error();
  auto max_duration = OptionalSpanMs("--max-duration", args.max_duration);
  if (!max_duration) return max_duration.error();
  out.filters.min_duration_ms = *min_duration;
  out.filters.max_duration_ms = *max_duration;
  auto keywords = NormalizeKeywords(SplitCommas(args.keywords));
  if (!keywords) return keywords.error();
  out.keywords = std::move(*keywords);
  GCTQ_TRY(ResolveSentiment(args, out));
  out.fetch_sentiment = args.with_sentiment;
  out.fetch_transcripts = !args.no_transcripts;
  out.page_size = args.page_size;
  out.max_pages = args.max_pages;
  out.concurrency = args.concurrency;
  auto window = ParseSpan("--window", args.window);
  if (!window) return window.error();
  out.window = *window;
  auto lookback = ParseSpan("--lookback", args.lookback);
  if (!lookback) return lookback.error();
  out.lookback = *lookback;
  GCTQ_TRY(ValidateQueryRequest(out));
  return out;
}

}  // namespace gctq::query
