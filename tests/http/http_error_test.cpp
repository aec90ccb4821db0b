#include "gctq/http/http_error.h"

#include <gtest/gtest.h>

namespace gctq::http {
namespace {

TEST(HttpErrorTest, StatusToCode) {
  EXPECT_EQ(ErrorCodeForStatus(400), ErrorCode::kInvalidArgument);
  EXPECT_EQ(ErrorCodeForStatus(401), ErrorCode::kUnauthenticated);
  EXPECT_EQ(ErrorCodeForStatus(403), ErrorCode::kPermissionDenied);
  EXPECT_EQ(ErrorCodeForStatus(404), ErrorCode::kNotFound);
  EXPECT_EQ(ErrorCodeForStatus(415), ErrorCode::kInvalidArgument);
  for (int status : {408, 429, 500, 502, 503, 504})
    EXPECT_EQ(ErrorCodeForStatus(status), ErrorCode::kUnavailable);
  EXPECT_EQ(ErrorCodeForStatus(302), ErrorCode::kInternal);
}

TEST(HttpErrorTest, MapsGenesysErrorBody) {
  Error const e = MapHttpError(
      403, R"({"message":"You are missing the following permission(s): analytics:conversationDetail:view",
    "code":"missing.permissions","status":403,"contextId":"ctx-1"})");
  EXPECT_EQ(e.code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(e.http_status, 403);
  EXPECT_EQ(e.service_code, "missing.permissions");
  EXPECT_EQ(e.context_id, "ctx-1");
  EXPECT_NE(e.message.find("analytics:conversationDetail:view"), std::string::npos);
  EXPECT_NE(e.Describe().find("contextId ctx-1"), std::string::npos);
}

TEST(HttpErrorTest, MapsOAuthAndS3Errors) {
  auto const oauth = ParseErrorBody(R"({"error":"invalid_client","description":"client not found"})");
  ASSERT_TRUE(oauth.has_value());
  EXPECT_EQ(oauth->code, "invalid_client");
  EXPECT_EQ(oauth->message, "client not found");
  Error const s3 = MapHttpError(403,
                                "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>"
                                "<Message>Request has expired</Message></Error>");
  EXPECT_EQ(s3.service_code, "AccessDenied");
  EXPECT_EQ(s3.message, "Request has expired");
}

TEST(HttpErrorTest, NeverCopiesAnUnparsedBody) {
  Error const e = MapHttpError(502, "<html>upstream secret-ish page</html> plain");
  EXPECT_EQ(e.code, ErrorCode::kUnavailable);
  EXPECT_EQ(e.message, "HTTP 502 from the server");
  EXPECT_EQ(MapHttpError(500, "").message, "HTTP 500 from the server");
  EXPECT_EQ(MapHttpError(500, "{not json").message, "HTTP 500 from the server");
}

}  // namespace
}  // namespace gctq::http
