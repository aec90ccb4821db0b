// Deterministic fault injection: process-wide spec and the x-emulator-fault request header.

#include <gmock/gmock.h>

#include "emulator_server/schema_check.h"
#include "emulator_server/server_fixture.h"

namespace gctq_emulator::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kQueryPath[] = "/api/v2/analytics/conversations/details/query";
constexpr char kAvailability[] = "/api/v2/analytics/conversations/details/jobs/availability";

class FaultsTest : public ServerTest {
 protected:
  void Start(std::string const& spec = "", int bulk = 0) {
    StartServer([&](EmulatorOptions& options) { options.faults = spec; }, bulk);
    token_ = Token();
  }
  std::string Sta(std::size_t index, std::string const& leaf = "") {
    std::string path = "/api/v2/speechandtextanalytics/conversations/" + FakeConversationId(index);
    if (!leaf.empty()) path += "/communications/" + org_->CommunicationId(index) + "/" + leaf;
    return path;
  }
  std::string token_;
};

TEST_F(FaultsTest, CountedStatusFaultsHitTheFirstNApiRequests) {
  Start("503x2");
  for (int i = 0; i < 2; ++i) {
    Reply const reply = Get(kAvailability, token_);
    EXPECT_EQ(reply.status, 503);
    EXPECT_EQ(reply.Json()["code"], "service.unavailable");
    EXPECT_THAT(SchemaProblems(reply.Json(), "ErrorBody"), IsEmpty());
    EXPECT_FALSE(reply.Header("inin-ratelimit-count").empty());
  }
  EXPECT_EQ(Get(kAvailability, token_).status, 200);
}

TEST_F(FaultsTest, Injected429CarriesRetryAfterUnlessAskedNotTo) {
  Start("429x1,429x1-noretryafter");
  Reply const both = Get(kAvailability, token_);  // Both items apply to the first request.
  EXPECT_EQ(both.status, 429);
  EXPECT_EQ(both.Json()["code"], "too.many.requests");
  Reply const with = Get(kAvailability, token_, {{"x-emulator-fault", "429x1"}});
  EXPECT_EQ(with.Header("Retry-After"), "1");
  Reply const without = Get(kAvailability, token_, {{"x-emulator-fault", "429x1-noretryafter"}});
  EXPECT_EQ(without.status, 429);
  EXPECT_EQ(without.Header("Retry-After"), "");
}

TEST_F(FaultsTest, HeaderFaultsApplyToThatRequestOnly) {
  Start();
  for (auto const& [fault, status, code] :
       {std::tuple{"500x1", 500, "internal.server.error"}, std::tuple{"502x1", 502, "bad.gateway"},
        std::tuple{"503x1", 503, "service.unavailable"}, std::tuple{"504x1", 504, "request.timeout"}}) {
    Reply const reply = Get(kAvailability, token_, {{"x-emulator-fault", fault}});
    EXPECT_EQ(reply.status, status);
    EXPECT_EQ(reply.Json()["code"], code);
  }
  EXPECT_EQ(Get(kAvailability, token_).status, 200);
}

TEST_F(FaultsTest, ScopedFaultsSpareOtherEndpoints) {
  StartServer([](EmulatorOptions& options) { options.faults = "sta:500x1,oauth:503x1"; });
  EXPECT_EQ(PostToken(kDemoClientId, kDemoClientSecret, "grant_type=client_credentials").status, 503);
  token_ = Token();
  EXPECT_EQ(Get(kAvailability, token_).status, 200);
  EXPECT_EQ(Get(Sta(kTenDays), token_).status, 500);
  EXPECT_EQ(Get(Sta(kTenDays), token_).status, 200);
}

TEST_F(FaultsTest, ResetAfter1KbClosesTheConnectionMidBody) {
  Start("", /*bulk=*/50);
  std::string const body =
      json{{"interval", Interval(1.5, 0)}, {"paging", {{"pageSize", 50}, {"pageNumber", 1}}}}.dump();
  Reply const reply = Post(kQueryPath, body, token_, {{"x-emulator-fault", "reset-after-1kb"}});
  EXPECT_EQ(reply.status, 0);  // No complete response.
  EXPECT_EQ(Post(kQueryPath, body, token_).status, 200);
}

TEST_F(FaultsTest, TruncateSendsLessThanContentLength) {
  Start("s3:truncatex1");
  std::string const url = Get(Sta(kTenDays, "transcripturl"), token_).Json()["url"];
  EXPECT_EQ(GetUrl(url).status, 0);
  Reply const again = GetUrl(url);
  EXPECT_EQ(again.status, 200);
  EXPECT_TRUE(again.Json().is_object());
}

TEST_F(FaultsTest, SlowDelaysTheResponse) {
  Start();
  Reply const reply = Get(kAvailability, token_, {{"x-emulator-fault", "slow-50ms"}});
  EXPECT_EQ(reply.status, 200);  // Timing is not asserted.
}

TEST_F(FaultsTest, RevokeTokenInvalidatesItBeforeExpiry) {
  Start("revoke-tokenx1");
  EXPECT_EQ(Get(kAvailability, token_).status, 401);
  EXPECT_EQ(Get(kAvailability, token_).status, 401);  // Stays revoked.
  EXPECT_EQ(Get(kAvailability, Token()).status, 200);
}

TEST_F(FaultsTest, ExpireUrlIssuesAlreadyExpiredUrls) {
  Start("expire-urlx1");
  std::string const url = Get(Sta(kTenDays, "transcripturl"), token_).Json()["url"];
  Reply const reply = GetUrl(url);
  EXPECT_EQ(reply.status, 403);
  EXPECT_THAT(reply.body, HasSubstr("Request has expired"));
  std::string const fresh = Get(Sta(kTenDays, "transcripturl"), token_).Json()["url"];
  EXPECT_EQ(GetUrl(fresh).status, 200);
}

TEST_F(FaultsTest, DriftChangesTotalHitsBetweenPages) {
  Start("drift", /*bulk=*/30);
  auto const total = [&](int page) {
    json const body = {{"interval", Interval(1.5, 0)}, {"paging", {{"pageSize", 10}, {"pageNumber", page}}}};
    return Post(kQueryPath, body.dump(), token_).Json()["totalHits"].get<int>();
  };
  EXPECT_NE(total(1), total(2));
}

TEST_F(FaultsTest, MalformedSpecFailsStart) {
  EmulatorOptions options;
  options.org = MakeFakeOrg(kNowMs);
  for (std::string const spec : {"418x1", "503", "explode", "nowhere:500x1"}) {
    options.faults = spec;
    Emulator emulator(options);
    std::string error;
    EXPECT_FALSE(emulator.Start(&error)) << spec;
    EXPECT_THAT(error, HasSubstr("fault")) << spec;
  }
}

}  // namespace
}  // namespace gctq_emulator::testing
