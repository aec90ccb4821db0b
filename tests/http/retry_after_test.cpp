#include <gtest/gtest.h>

#include "gctq/http/retry_policy.h"

namespace gctq::http {
namespace {

using std::chrono::milliseconds;

std::chrono::system_clock::time_point Jan1At(int h, int m, int s) {
  return std::chrono::sys_days{std::chrono::year{2024} / 1 / 1} + std::chrono::hours(h) +
         std::chrono::minutes(m) + std::chrono::seconds(s);
}

TEST(RetryAfterTest, DeltaSeconds) {
  auto const now = Jan1At(0, 0, 0);
  EXPECT_EQ(ParseRetryAfter("3", now), milliseconds(3'000));
  EXPECT_EQ(ParseRetryAfter(" 0 ", now), milliseconds(0));
  EXPECT_EQ(ParseRetryAfter("3600", now), milliseconds(3'600'000));
}

TEST(RetryAfterTest, HttpDate) {
  auto const now = Jan1At(0, 0, 0);
  EXPECT_EQ(ParseRetryAfter("Mon, 01 Jan 2024 00:00:10 GMT", now), milliseconds(10'000));
  EXPECT_EQ(ParseRetryAfter("Mon, 01 Jan 2024 01:00:00 GMT", now), milliseconds(3'600'000));
  EXPECT_EQ(ParseRetryAfter("Sun, 31 Dec 2023 23:59:00 GMT", now), milliseconds(0));  // in the past
}

TEST(RetryAfterTest, RejectsGarbage) {
  auto const now = Jan1At(0, 0, 0);
  for (auto bad :
       {"", "-1", "3s", "1.5", "soon", "Mon, 01 Jan 2024 00:00:10", "Mon, 01 Jan 2024 00:00:10 GMT x"}) {
    EXPECT_FALSE(ParseRetryAfter(bad, now).has_value()) << bad;
  }
}

}  // namespace
}  // namespace gctq::http
