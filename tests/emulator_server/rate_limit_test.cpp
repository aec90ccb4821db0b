// Per-token rate limiting and its headers.

#include <gmock/gmock.h>

#include "emulator_server/schema_check.h"
#include "emulator_server/server_fixture.h"

namespace gctq_emulator::testing {
namespace {

using ::testing::IsEmpty;

constexpr char kAvailability[] = "/api/v2/analytics/conversations/details/jobs/availability";

class RateLimitTest : public ServerTest {};

TEST_F(RateLimitTest, EveryApiResponseCarriesTheHeaders) {
  StartServer();
  std::string const token = Token();
  Reply const first = Get(kAvailability, token);
  EXPECT_EQ(first.Header("inin-ratelimit-count"), "1");
  EXPECT_EQ(first.Header("inin-ratelimit-allowed"), "300");
  EXPECT_EQ(first.Header("inin-ratelimit-reset"), "60");
  AdvanceClock(15'000);
  Reply const error = Get("/api/v2/speechandtextanalytics/conversations/unknown", token);
  EXPECT_EQ(error.status, 404);
  EXPECT_EQ(error.Header("inin-ratelimit-count"), "2");
  EXPECT_EQ(error.Header("inin-ratelimit-reset"), "45");
}

TEST_F(RateLimitTest, PastTheLimitIs429WithRetryAfterUntilTheWindowResets) {
  StartServer([](EmulatorOptions& options) { options.rate_limit_requests = 5; });
  std::string const token = Token();
  for (int i = 1; i <= 5; ++i) EXPECT_EQ(Get(kAvailability, token).status, 200);
  AdvanceClock(20'000);
  Reply const limited = Get(kAvailability, token);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.Header("Retry-After"), "40");
  EXPECT_EQ(limited.Json()["code"], "too.many.requests");
  EXPECT_EQ(limited.Json()["message"], "Rate limit exceeded the maximum [5] requests within [60] seconds");
  EXPECT_THAT(SchemaProblems(limited.Json(), "ErrorBody"), IsEmpty());
  // Another token has its own budget.
  EXPECT_EQ(Get(kAvailability, Token()).status, 200);
  AdvanceClock(40'000);
  Reply const reset = Get(kAvailability, token);
  EXPECT_EQ(reset.status, 200);
  EXPECT_EQ(reset.Header("inin-ratelimit-count"), "1");
}

TEST_F(RateLimitTest, DefaultLimitIs300PerMinute) {
  StartServer();
  std::string const token = Token();
  int ok = 0;
  for (int i = 0; i < 300; ++i) ok += Get(kAvailability, token).status == 200;
  EXPECT_EQ(ok, 300);
  EXPECT_EQ(Get(kAvailability, token).status, 429);
}

}  // namespace
}  // namespace gctq_emulator::testing
