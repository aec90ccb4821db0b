#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "gctq/query/iso_time.h"
#include "gctq/query/query_request.h"

namespace gctq::query {

/// How a window is fetched: the sync details query (paged) or an async details job (cursor).
enum class WindowMode { kSync, kAsync };
std::string_view ToString(WindowMode mode);

/// One cell of the time-range matrix: [from, to).
struct QueryWindow {
  TimePoint from;
  TimePoint to;
  WindowMode mode = WindowMode::kSync;
  int split_depth = 0;  ///< 0 for a planned window; n after n halvings on the result cap.
};

/// A sync window must start after `now - lookback + kLookbackMargin`, so it cannot age past the
/// service's lookback limit while the run is still paging through it.
inline constexpr Millis kLookbackMargin = std::chrono::hours{1};
/// Windows narrower than this are never split further (they are reported TRUNCATED instead).
inline constexpr Millis kMinSplitWidth = std::chrono::seconds{2};

/// Splits [request.from, request.to) into consecutive windows of at most `request.window`, aligned
/// on `request.from`. A window whose start is older than the lookback is marked async.
std::vector<QueryWindow> PlanWindows(QueryRequest const& request, TimePoint now);

/// The two halves of a window (same mode, depth + 1). Requires CanSplit(window).
std::pair<QueryWindow, QueryWindow> SplitWindow(QueryWindow const& window);
bool CanSplit(QueryWindow const& window);

/// The details query's `interval`: "<ISO from>/<ISO to>".
std::string FormatInterval(QueryWindow const& window);

}  // namespace gctq::query
