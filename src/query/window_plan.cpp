#include "gctq/query/window_plan.h"

#include <algorithm>

namespace gctq::query {

std::string_view ToString(WindowMode mode) {
  return mode == WindowMode::kAsync ? "async" : "sync";
}

std::vector<QueryWindow> PlanWindows(QueryRequest const& request, TimePoint now) {
  std::vector<QueryWindow> windows;
  TimePoint const oldest_sync_start = now - request.lookback + kLookbackMargin;
  for (TimePoint start = request.from; start < request.to; start += request.window) {
    QueryWindow w;
    w.from = start;
    w.to = std::min(start + request.window, request.to);
    w.mode = w.from < oldest_sync_start ? WindowMode::kAsync : WindowMode::kSync;
    windows.push_back(w);
  }
  return windows;
}

bool CanSplit(QueryWindow const& window) {
  return window.to - window.from >= kMinSplitWidth;
}

std::pair<QueryWindow, QueryWindow> SplitWindow(QueryWindow const& window) {
  TimePoint const middle = window.from + (window.to - window.from) / 2;
  QueryWindow first = window;
  QueryWindow second = window;
  first.to = middle;
  second.from = middle;
  first.split_depth = second.split_depth = window.split_depth + 1;
  return {first, second};
}

std::string FormatInterval(QueryWindow const& window) {
  return FormatIsoTime(window.from) + "/" + FormatIsoTime(window.to);
}

}  // namespace gctq::query
