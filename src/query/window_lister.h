#pragma once

// Lists every page of one window: the sync query with page numbers, or an async job with a cursor.

#include <functional>
#include <optional>
#include <string>

#include "gctq/core/error.h"
#include "gctq/query/analytics_api.h"
#include "gctq/query/query_request.h"
#include "gctq/query/window_plan.h"

namespace gctq::internal {

using Sleeper = std::function<void(query::Millis)>;

/// How an async job is polled: exponential backoff from `initial` to `max`, giving up after `budget`
/// of accumulated waiting.
struct AsyncPollPolicy {
  query::Millis initial{250};
  query::Millis max{5'000};
  double factor = 2.0;
  query::Millis budget{std::chrono::minutes{30}};
};

struct ListingResult {
  enum class Outcome {
    kComplete,
    kTruncated,   ///< Stopped by --max-pages, the result cap or async data availability.
    kNeedsSplit,  ///< Sync totalHits above the result cap: nothing was delivered; list the halves.
    kFailed,      ///< An API error (after retries); `error` says which.
    kStopped,     ///< The page handler asked to stop (a fatal error elsewhere).
  };
  Outcome outcome = Outcome::kComplete;
  std::optional<std::int64_t> first_total_hits;
  std::optional<std::int64_t> last_total_hits;
  int pages = 0;
  std::string note;
  std::optional<Error> error;
};

/// Receives each page (1-based number); returns false to stop listing.
using PageHandler = std::function<bool(int page_number, query::DetailsPage&& page)>;

class WindowLister {
 public:
  WindowLister(query::AnalyticsApi const& api, query::QueryRequest const& request, Sleeper sleep,
               AsyncPollPolicy poll = {});

  [[nodiscard]] ListingResult List(query::QueryWindow const& window, PageHandler const& on_page) const;

 private:
  [[nodiscard]] ListingResult ListSync(query::QueryWindow const& window, PageHandler const& on_page) const;
  [[nodiscard]] ListingResult ListAsync(query::QueryWindow const& window, PageHandler const& on_page) const;
  /// Polls until FULFILLED; an error (FAILED, EXPIRED, CANCELLED, budget exhausted) otherwise.
  [[nodiscard]] Status AwaitJob(std::string const& job_id) const;
  [[nodiscard]] ListingResult ReadJobResults(query::QueryWindow const& window, std::string const& job_id,
                                             PageHandler const& on_page) const;

  query::AnalyticsApi const& api_;
  query::QueryRequest const& request_;
  Sleeper sleep_;
  AsyncPollPolicy poll_;
};

}  // namespace gctq::internal
