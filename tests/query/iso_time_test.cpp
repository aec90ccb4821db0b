#include "gctq/query/iso_time.h"

#include <gtest/gtest.h>

namespace gctq::query {
namespace {

using std::chrono::days;
using std::chrono::hours;

TimePoint At(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

TEST(IsoTime, ParsesUtcAndOffsets) {
  EXPECT_EQ(*ParseIsoTime("--from", "2026-11-01T00:00:00Z"), At(2026, 11, 1));
  EXPECT_EQ(*ParseIsoTime("--from", "2026-11-01T02:00:00+02:00"), At(2026, 11, 1));
  EXPECT_EQ(*ParseIsoTime("--from", "2026-10-31T19:00:00-0500"), At(2026, 11, 1));
  EXPECT_EQ(*ParseIsoTime("--from", "2026-11-01T00:00Z"), At(2026, 11, 1));
  EXPECT_EQ(*ParseIsoTime("--from", "2026-11-01T00:00:00.25Z"), At(2026, 11, 1) + Millis{250});
  EXPECT_EQ(*ParseIsoTime("--from", "2026-11-01T00:00:00.123456Z"), At(2026, 11, 1) + Millis{123});
}

TEST(IsoTime, DateOnlyIsUtcMidnight) {
  EXPECT_EQ(*ParseIsoTime("--from", "2026-11-01"), At(2026, 11, 1));
}

TEST(IsoTime, RejectsMalformedWithFieldName) {
  for (char const* bad :
       {"", "2026-11-01T00:00:00", "2026-13-01T00:00:00Z", "2026-02-30", "yesterday", "2026-11-01T25:00:00Z",
        "2026-11-01T00:00:00+2", "2026-11-01T00:00:00Zjunk", "2026/11/01"}) {
    auto r = ParseIsoTime("--from", bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.find("--from"), std::string::npos) << r.error().message;
  }
  auto no_zone = ParseIsoTime("--to", "2026-11-01T00:00:00");
  EXPECT_NE(no_zone.error().message.find("time zone"), std::string::npos);
}

TEST(IsoTime, FormatsForTheApi) {
  EXPECT_EQ(FormatIsoTime(At(2024, 1, 2) + hours{3} + Millis{4'005}), "2024-01-02T03:00:04.005Z");
}

TEST(IsoTime, RoundTrips) {
  TimePoint t = At(2025, 12, 31) + Millis{86'399'999};
  EXPECT_EQ(*ParseIsoTime("x", FormatIsoTime(t)), t);
}

TEST(Span, ParsesUnits) {
  EXPECT_EQ(*ParseSpan("--last", "7d"), days{7});
  EXPECT_EQ(*ParseSpan("--last", "24h"), hours{24});
  EXPECT_EQ(*ParseSpan("--last", "90m"), std::chrono::minutes{90});
  EXPECT_EQ(*ParseSpan("--last", "2w"), days{14});
  EXPECT_EQ(FormatSpan(days{7}), "7d");
  EXPECT_EQ(FormatSpan(std::chrono::minutes{90}), "90m");
}

TEST(Span, RejectsBadSpans) {
  for (char const* bad : {"", "7", "d", "0d", "-1h", "7y", "1.5h"}) {
    auto r = ParseSpan("--last", bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("--last"), std::string::npos);
  }
}

}  // namespace
}  // namespace gctq::query
