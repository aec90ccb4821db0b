#include <gtest/gtest.h>

#include "gctq/auth/token.h"
#include "http/fake_transport.h"

namespace gctq::auth {
namespace {

using testing::FakeTransport;
using testing::Response;

TEST(ClientCredentialsTest, PostsTheFormWithBasicAuth) {
  auto fake = std::make_shared<FakeTransport>();
  fake->Push(Response(200, R"({"access_token":"tok","expires_in":600})"));
  auto source = MakeClientCredentialsTokenSource(fake, "https://login.mypurecloud.ie/", "my-id", "my-secret");
  auto token = source->Fetch();
  ASSERT_TRUE(token.ok()) << token.error().Describe();
  EXPECT_EQ(token->value, "tok");
  EXPECT_EQ(token->expires_in, std::chrono::seconds(600));

  auto const requests = fake->requests();
  ASSERT_EQ(requests.size(), 1u);
  auto const& r = requests[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://login.mypurecloud.ie/oauth/token");
  EXPECT_EQ(r.endpoint_class, http::EndpointClass::kToken);
  EXPECT_EQ(r.body, "grant_type=client_credentials");
  EXPECT_EQ(http::FindHeader(r.headers, "Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(http::FindHeader(r.headers, "Authorization"), "Basic bXktaWQ6bXktc2VjcmV0");  // my-id:my-secret
}

TEST(ClientCredentialsTest, TransportErrorsStayRetryable) {
  auto fake = std::make_shared<FakeTransport>();
  fake->Push(MakeError(ErrorCode::kUnavailable, "connection refused"));
  auto token = MakeClientCredentialsTokenSource(fake, "https://login.x", "id", "s")->Fetch();
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(token.error().message.find("token request failed"), std::string::npos);
}

}  // namespace
}  // namespace gctq::auth
