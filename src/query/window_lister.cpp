#include "query/window_lister.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "gctq/query/query_body.h"

namespace gctq::internal {
namespace {

query::Millis ElapsedSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<query::Millis>(std::chrono::steady_clock::now() - start);
}

using Outcome = ListingResult::Outcome;

ListingResult Failed(ListingResult result, Error error) {
  result.outcome = Outcome::kFailed;
  result.note = error.Describe();
  result.error = std::move(error);
  return result;
}

ListingResult Truncated(ListingResult result, std::string note) {
  result.outcome = Outcome::kTruncated;
  result.note = std::move(note);
  return result;
}

bool IsPaginationCapError(Error const& error) {
  return error.http_status == 400 && error.message.find("Pagination may not exceed") != std::string::npos;
}

}  // namespace

WindowLister::WindowLister(query::AnalyticsApi const& api, query::QueryRequest const& request, Sleeper sleep,
                           AsyncPollPolicy poll)
    : api_(api), request_(request), sleep_(std::move(sleep)), poll_(poll) {}

ListingResult WindowLister::List(query::QueryWindow const& window, PageHandler const& on_page) const {
  return window.mode == query::WindowMode::kAsync ? ListAsync(window, on_page) : ListSync(window, on_page);
}

ListingResult WindowLister::ListSync(query::QueryWindow const& window, PageHandler const& on_page) const {
  ListingResult result;
  std::int64_t const page_size = request_.page_size;
  for (int page_number = 1;; ++page_number) {
    bool const all_announced_seen =
        result.last_total_hits && (page_number - 1) * page_size >= *result.last_total_hits;
    if (request_.max_pages > 0 && page_number > request_.max_pages && !all_announced_seen) {
      return Truncated(std::move(result),
                       fmt::format("--max-pages {} reached with more pages left", request_.max_pages));
    }
    if (page_number * page_size > request_.result_cap) {
      return Truncated(std::move(result), fmt::format("result cap of {} reached", request_.result_cap));
    }
    auto const started = std::chrono::steady_clock::now();
    auto page = api_.QueryDetails(query::BuildDetailsQueryBody(request_, window, page_number));
    if (page) page->fetch_latency = ElapsedSince(started);
    if (!page && IsPaginationCapError(page.error()))
      return Truncated(std::move(result), page.error().message);
    if (!page) return Failed(std::move(result), std::move(page).error());
    if (page_number == 1) {
      result.first_total_hits = page->total_hits;
      if (page->total_hits && *page->total_hits > request_.result_cap && query::CanSplit(window)) {
        result.outcome = Outcome::kNeedsSplit;
        result.note =
            fmt::format("totalHits {} above the result cap {}", *page->total_hits, request_.result_cap);
        return result;
      }
    }
    result.last_total_hits = page->total_hits;
    ++result.pages;
    auto const delivered = static_cast<std::int64_t>(page->conversations.size());
    if (!on_page(page_number, std::move(*page))) {
      result.outcome = Outcome::kStopped;
      return result;
    }
    if (delivered < page_size) return result;
  }
}

Status WindowLister::AwaitJob(std::string const& job_id) const {
  query::Millis delay = poll_.initial;
  query::Millis waited{0};
  while (true) {
    auto status = api_.GetJobStatus(job_id);
    if (!status) return std::move(status).error();
    if (status->state == "FULFILLED") return Ok{};
    if (status->state == "FAILED" || status->state == "EXPIRED" || status->state == "CANCELLED") {
      return MakeError(ErrorCode::kUnavailable,
                       fmt::format("details job {} ended {}{}{}", job_id, status->state,
                                   status->error_message.empty() ? "" : ": ", status->error_message));
    }
    if (waited >= poll_.budget) {
      return MakeError(ErrorCode::kDeadlineExceeded,
                       fmt::format("details job {} still {} after {} s of polling", job_id, status->state,
                                   std::chrono::duration_cast<std::chrono::seconds>(waited).count()));
    }
    sleep_(delay);
    waited += delay;
    delay = std::min(poll_.max, query::Millis(static_cast<std::int64_t>(delay.count() * poll_.factor)));
  }
}

ListingResult WindowLister::ReadJobResults(query::QueryWindow const& window, std::string const& job_id,
                                           PageHandler const& on_page) const {
  ListingResult result;
  std::optional<std::string> cursor;
  for (int page_number = 1;; ++page_number) {
    if (request_.max_pages > 0 && page_number > request_.max_pages) {
      return Truncated(std::move(result),
                       fmt::format("--max-pages {} reached with more pages left", request_.max_pages));
    }
    auto const started = std::chrono::steady_clock::now();
    auto page = api_.GetJobResults(job_id, cursor, request_.async_page_size);
    if (page) page->fetch_latency = ElapsedSince(started);
    if (!page) return Failed(std::move(result), std::move(page).error());
    ++result.pages;
    std::optional<query::TimePoint> const available = page->data_availability;
    cursor = page->cursor;
    if (!on_page(page_number, std::move(*page))) {
      result.outcome = Outcome::kStopped;
      return result;
    }
    if (!cursor) {
      if (available && *available < window.to) {
        return Truncated(std::move(result), fmt::format("async data is available only until {}",
                                                        query::FormatIsoTime(*available)));
      }
      return result;
    }
  }
}

ListingResult WindowLister::ListAsync(query::QueryWindow const& window, PageHandler const& on_page) const {
  auto job_id = api_.SubmitJob(query::BuildAsyncJobBody(request_, window));
  if (!job_id) return Failed(ListingResult{}, std::move(job_id).error());
  ListingResult result;
  if (auto ready = AwaitJob(*job_id); !ready) {
    result = Failed(ListingResult{}, ready.error());
  } else {
    result = ReadJobResults(window, *job_id, on_page);
  }
  (void)api_.DeleteJob(*job_id);  // Best effort: the service expires jobs anyway.
  return result;
}

}  // namespace gctq::internal
