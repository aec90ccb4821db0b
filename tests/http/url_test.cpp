#include "gctq/http/url.h"

#include <gtest/gtest.h>

namespace gctq::http {
namespace {

TEST(UrlTest, ParsesHostPortAndPathWithoutQuery) {
  auto const parts = ParseUrl("HTTPS://user:pw@API.Example.com:8443/a/b?sig=secret#frag");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->scheme, "https");
  EXPECT_EQ(parts->host, "api.example.com");
  EXPECT_EQ(parts->port, "8443");
  EXPECT_EQ(parts->path, "/a/b");
  EXPECT_EQ(ParseUrl("http://[::1]:80")->host, "::1");
  EXPECT_FALSE(ParseUrl("no-scheme").has_value());
  EXPECT_FALSE(ParseUrl("http://host:port/").has_value());
}

TEST(UrlTest, SanitizeDropsQueryUserinfoAndFragment) {
  EXPECT_EQ(SanitizeUrl("https://bucket.s3.amazonaws.com/t/1.json?X-Amz-Signature=abc&X-Amz-Credential=k"),
            "https://bucket.s3.amazonaws.com/t/1.json");
  EXPECT_EQ(SanitizeUrl("https://u:p@h/x#y"), "https://h/x");
  EXPECT_EQ(SanitizeUrl("http://[::1]:9/x?q"), "http://[::1]:9/x");
  EXPECT_EQ(SanitizeUrl("garbage?token=1"), "<invalid url>");
}

TEST(UrlTest, LoopbackHosts) {
  for (auto host : {"localhost", "LOCALHOST", "127.0.0.1", "127.255.3.4", "::1", "[::1]"}) {
    EXPECT_TRUE(IsLoopbackHost(host)) << host;
  }
  for (auto host :
       {"127.0.0.1.evil.com", "10.0.0.1", "128.0.0.1", "127.0.0", "127.0.0.256", "localhost.com", "::2"}) {
    EXPECT_FALSE(IsLoopbackHost(host)) << host;
  }
}

TEST(UrlTest, PlainHttpOnlyToLoopback) {
  EXPECT_TRUE(CheckTransportSecurity("https://api.mypurecloud.com/api/v2").ok());
  EXPECT_TRUE(CheckTransportSecurity("http://127.0.0.1:8080/").ok());
  EXPECT_TRUE(CheckTransportSecurity("http://localhost/").ok());
  EXPECT_TRUE(CheckTransportSecurity("http://[::1]:1/").ok());
  auto const refused = CheckTransportSecurity("http://api.mypurecloud.com/api/v2?x=1");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("loopback"), std::string::npos);
  EXPECT_EQ(CheckTransportSecurity("ftp://127.0.0.1/").error().code, ErrorCode::kInvalidArgument);
}

TEST(UrlTest, UnderBaseComparesHostNotPrefix) {
  EXPECT_TRUE(UrlIsUnderBase("https://api.x.com/api/v2/a", "https://api.x.com"));
  EXPECT_TRUE(UrlIsUnderBase("https://API.x.com/api/v2/a?q=1", "https://api.x.com/"));
  EXPECT_TRUE(UrlIsUnderBase("http://127.0.0.1:5/api/v2", "http://127.0.0.1:5/api"));
  EXPECT_FALSE(UrlIsUnderBase("https://api.x.com.evil.com/api", "https://api.x.com"));
  EXPECT_FALSE(UrlIsUnderBase("http://api.x.com/api", "https://api.x.com"));
  EXPECT_FALSE(UrlIsUnderBase("https://api.x.com:444/api", "https://api.x.com"));
  EXPECT_FALSE(UrlIsUnderBase("http://127.0.0.1:5/apix", "http://127.0.0.1:5/api"));
}

}  // namespace
}  // namespace gctq::http
