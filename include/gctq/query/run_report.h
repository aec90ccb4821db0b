#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gctq/core/error.h"
#include "gctq/query/window_plan.h"

namespace gctq::query {

/// Per-conversation outcomes, summed per window and for the run.
struct OutcomeCounts {
  std::int64_t received = 0;            ///< Conversations in the pages, duplicates included.
  std::int64_t fetched = 0;             ///< Unique conversations of the window (after de-duplication).
  std::int64_t duplicates = 0;          ///< Seen before, on an earlier page or window.
  std::int64_t outside_window = 0;      ///< Returned with a start outside [from, to): left to their window.
  std::int64_t emitted = 0;             ///< Records written to the sink.
  std::int64_t sentiment_filtered = 0;  ///< Out of the sentiment range (no transcript requested).
  std::int64_t sentiment_missing = 0;   ///< No STA sentiment (not analysed); excluded by a filter.
  std::int64_t sentiment_failed = 0;    ///< STA request failed after retries.
  std::int64_t analysis_filtered = 0;  ///< Excluded by the Analyze hook, or by keywords without a transcript.
  std::int64_t transcripts_fetched = 0;
  std::int64_t transcripts_missing = 0;  ///< no_transcript
  std::int64_t transcripts_failed = 0;
  std::int64_t transcripts_skipped = 0;

  OutcomeCounts& operator+=(OutcomeCounts const& other);
};

/// The completeness report of one window (leaf of the matrix: split windows report their halves).
struct WindowReport {
  std::size_t index = 0;
  QueryWindow window;
  std::optional<std::int64_t> expected;        ///< totalHits of the last page (sync); none for async.
  std::optional<std::int64_t> expected_first;  ///< totalHits of the first page, when it drifted.
  int pages = 0;
  bool truncated = false;      ///< --max-pages reached, or the result cap with no split possible.
  std::optional<Error> error;  ///< The window could not be listed (after retries).
  std::string note;            ///< Why truncated/failed/short, in words.
  OutcomeCounts counts;

  /// expected - received when positive: conversations totalHits announced but the pages (which
  /// ended with a short page) never returned. Reported, but not a failure: totalHits is approximate
  /// on the real service and drifts while an interval still receives data.
  [[nodiscard]] std::int64_t Shortfall() const;
  /// Nothing missing: not truncated, no error, no failed transcript or sentiment.
  [[nodiscard]] bool Complete() const;
};

struct RunReport {
  std::vector<WindowReport> windows;
  OutcomeCounts totals;
  std::optional<Error> fatal_error;  ///< Auth, permission or quota: the run stopped early.

  [[nodiscard]] bool Complete() const;
  [[nodiscard]] std::size_t TruncatedWindows() const;
  [[nodiscard]] std::size_t FailedWindows() const;
};

}  // namespace gctq::query
