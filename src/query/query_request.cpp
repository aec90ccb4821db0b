#include "gctq/query/query_request.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace gctq::query {
namespace {

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(message));
}

std::string NormalizeOne(std::string_view raw) {
  std::string out;
  bool pending_space = false;
  for (char c : raw) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

Status ValidateFilters(QueryFilters const& f) {
  for (auto const& d : f.directions) {
    if (d != "inbound" && d != "outbound") {
      return Invalid(fmt::format("--direction: '{}' is not one of inbound, outbound", d));
    }
  }
  auto check_ids = [](char const* flag, std::vector<std::string> const& ids) -> Status {
    for (auto const& id : ids) {
      if (id.empty()) return Invalid(fmt::format("{}: an empty value is not allowed", flag));
    }
    return Ok{};
  };
  GCTQ_TRY(check_ids("--queue", f.queue_ids));
  GCTQ_TRY(check_ids("--user", f.user_ids));
  GCTQ_TRY(check_ids("--division", f.division_ids));
  GCTQ_TRY(check_ids("--wrap-up-code", f.wrap_up_codes));
  GCTQ_TRY(check_ids("--ani", f.anis));
  GCTQ_TRY(check_ids("--dnis", f.dnises));
  if (f.min_duration_ms && *f.min_duration_ms < 0) return Invalid("--min-duration: must be >= 0");
  if (f.max_duration_ms && *f.max_duration_ms < 0) return Invalid("--max-duration: must be >= 0");
  if (f.min_duration_ms && f.max_duration_ms && *f.min_duration_ms > *f.max_duration_ms) {
    return Invalid(fmt::format("--min-duration ({} ms) is greater than --max-duration ({} ms)",
                               *f.min_duration_ms, *f.max_duration_ms));
  }
  return Ok{};
}

Status ValidateLimits(QueryRequest const& r) {
  if (r.page_size < 1 || r.page_size > kMaxSyncPageSize) {
    return Invalid(fmt::format("--page-size: {} is outside 1..{}", r.page_size, kMaxSyncPageSize));
  }
  if (r.async_page_size < 1 || r.async_page_size > kMaxAsyncPageSize) {
    return Invalid(fmt::format("async page size: {} is outside 1..{}", r.async_page_size, kMaxAsyncPageSize));
  }
  if (r.max_pages < 0) return Invalid(fmt::format("--max-pages: {} is negative (0 = no limit)", r.max_pages));
  if (r.window < std::chrono::minutes{1} || r.window > kMaxWindow) {
    return Invalid(fmt::format("--window: {} is outside 1m..7d", FormatSpan(r.window)));
  }
  if (r.lookback < std::chrono::hours{2}) {
    return Invalid(fmt::format("--lookback: {} is below the minimum of 2h", FormatSpan(r.lookback)));
  }
  if (r.concurrency < 1 || r.concurrency > kMaxConcurrency) {
    return Invalid(fmt::format("--concurrency: {} is outside 1..{}", r.concurrency, kMaxConcurrency));
  }
  if (r.result_cap < r.page_size) return Invalid("result cap: must be at least the page size");
  return Ok{};
}

}  // namespace

Result<std::vector<std::string>> NormalizeKeywords(std::vector<std::string> const& raw) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    std::string normalized = NormalizeOne(raw[i]);
    if (normalized.empty()) {
      return Invalid(
          fmt::format("--keywords: keyword #{} ('{}') is empty after trimming; give at least one "
                      "non-blank character",
                      i + 1, raw[i]));
    }
    if (std::find(out.begin(), out.end(), normalized) == out.end()) out.push_back(std::move(normalized));
  }
  return out;
}

Status ValidateQueryRequest(QueryRequest const& r) {
  if (!(r.from < r.to)) {
    return Invalid(
        fmt::format("--from ({}) must be before --to ({})", FormatIsoTime(r.from), FormatIsoTime(r.to)));
  }
  if (r.media_type != "voice") {
    return Invalid(fmt::format("media type: '{}' is not supported; only voice", r.media_type));
  }
  GCTQ_TRY(ValidateFilters(r.filters));
  GCTQ_TRY(ValidateLimits(r));
  for (auto const& k : r.keywords) {
    if (k.empty() || NormalizeOne(k) != k)
      return Invalid("--keywords: keywords must be normalized and non-empty");
  }
  if (r.sentiment) {
    auto const& s = *r.sentiment;
    if (s.min < transcript::kSentimentMin || s.max > transcript::kSentimentMax || s.min > s.max) {
      return Invalid(fmt::format("--sentiment-min/--sentiment-max: [{}, {}] is not a range within -100..100",
                                 s.min, s.max));
    }
  }
  auto const windows = (r.to - r.from) / r.window;
  if (windows > 200'000) {
    return Invalid(fmt::format("--window: {} splits the range into {} windows; the limit is 200000",
                               FormatSpan(r.window), windows));
  }
  return Ok{};
}

}  // namespace gctq::query
