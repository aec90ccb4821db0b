#include "gctq/query/window_plan.h"

#include <gtest/gtest.h>

namespace gctq::query {
namespace {

using std::chrono::days;
using std::chrono::hours;

TimePoint const kNow = *ParseIsoTime("now", "2026-11-30T00:00:00Z");

QueryRequest Range(TimePoint from, TimePoint to) {
  QueryRequest r;
  r.from = from;
  r.to = to;
  return r;
}

TEST(PlanWindows, SplitsIntoSevenDayWindowsAlignedOnFrom) {
  auto windows = PlanWindows(Range(kNow - days{20}, kNow), kNow);
  ASSERT_EQ(windows.size(), 3u);
  EXPECT_EQ(windows[0].from, kNow - days{20});
  EXPECT_EQ(windows[0].to, kNow - days{13});
  EXPECT_EQ(windows[1].to, kNow - days{6});
  EXPECT_EQ(windows[2].to, kNow);  // the last one is short
  for (auto const& w : windows) EXPECT_EQ(w.mode, WindowMode::kSync);
  for (std::size_t i = 1; i < windows.size(); ++i) EXPECT_EQ(windows[i].from, windows[i - 1].to);
}

TEST(PlanWindows, FinerWindowOnRequest) {
  auto request = Range(kNow - days{1}, kNow);
  request.window = hours{1};
  EXPECT_EQ(PlanWindows(request, kNow).size(), 24u);
}

TEST(PlanWindows, WindowsOlderThanTheLookbackGoAsync) {
  auto windows = PlanWindows(Range(kNow - days{49}, kNow), kNow);
  ASSERT_EQ(windows.size(), 7u);
  // Starts: -49, -42, -35, -28 ... The -35d window would age past the lookback during the run.
  EXPECT_EQ(windows[0].mode, WindowMode::kAsync);
  EXPECT_EQ(windows[1].mode, WindowMode::kAsync);
  EXPECT_EQ(windows[2].mode, WindowMode::kAsync);
  EXPECT_EQ(windows[3].mode, WindowMode::kSync);
  EXPECT_EQ(windows[6].mode, WindowMode::kSync);
}

TEST(PlanWindows, LookbackIsASetting) {
  auto request = Range(kNow - days{14}, kNow);
  request.lookback = days{10};
  auto windows = PlanWindows(request, kNow);
  EXPECT_EQ(windows[0].mode, WindowMode::kAsync);
  EXPECT_EQ(windows[1].mode, WindowMode::kSync);
}

TEST(SplitWindow, HalvesAndCountsDepth) {
  QueryWindow w{kNow - days{7}, kNow, WindowMode::kSync, 0};
  auto [a, b] = SplitWindow(w);
  EXPECT_EQ(a.from, w.from);
  EXPECT_EQ(a.to, b.from);
  EXPECT_EQ(b.to, w.to);
  EXPECT_EQ(a.to - a.from, hours{84});
  EXPECT_EQ(a.split_depth, 1);
  EXPECT_TRUE(CanSplit(w));
  EXPECT_FALSE(CanSplit({kNow - std::chrono::seconds{1}, kNow}));
}

TEST(FormatInterval, IsTheApiInterval) {
  QueryWindow w{*ParseIsoTime("f", "2024-01-01T00:00:00Z"), *ParseIsoTime("t", "2024-01-02T00:00:00Z")};
  EXPECT_EQ(FormatInterval(w), "2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z");
}

}  // namespace
}  // namespace gctq::query
