#include "gctq/audit/audit_fields.h"

#include <gtest/gtest.h>

namespace gctq::audit {
namespace {

std::string StringOf(AuditFields const& fields, std::string const& key) {
  for (auto const& f : fields) {
    if (f.key == key) return std::get<std::string>(f.value);
  }
  return "<absent>";
}

TEST(AuditFields, KeysOffTheAllowListAreRedacted) {
  auto fields = SanitizeAuditFields({{"client_secret", std::string("s3cr3t")},
                                     {"access_token", std::string("tok")},
                                     {"transcript", std::string("my card is 4111")},
                                     {"client_id", std::string("abc")}});
  EXPECT_EQ(StringOf(fields, "client_secret"), kRedacted);
  EXPECT_EQ(StringOf(fields, "access_token"), kRedacted);
  EXPECT_EQ(StringOf(fields, "transcript"), kRedacted);
  EXPECT_EQ(StringOf(fields, "client_id"), "abc");
}

TEST(AuditFields, UrlsLoseQueryStringFragmentAndUserinfo) {
  auto fields = SanitizeAuditFields(
      {{"url",
        std::string(
            "https://user:pw@bucket.s3.amazonaws.com/t/1.json?X-Amz-Signature=abc&X-Amz-Credential=x#f")}});
  EXPECT_EQ(StringOf(fields, "url"), "https://bucket.s3.amazonaws.com/t/1.json");
}

TEST(AuditFields, OnlyHarmlessOptionsKeepTheirValues) {
  auto fields = SanitizeAuditFields({{"options", AuditStringMap{{"interval", "2026-01-01/2026-01-02"},
                                                                {"client-secret", "s3cr3t"},
                                                                {"qa-webhook", "https://h/x#ENV"}}}});
  auto const& map = std::get<AuditStringMap>(fields[0].value);
  EXPECT_EQ(map[0].second, "2026-01-01/2026-01-02");
  EXPECT_EQ(map[1].second, kRedacted);
  EXPECT_EQ(map[2].second, kRedacted);
}

TEST(AuditFields, LongStringsAreCapped) {
  auto fields = SanitizeAuditFields({{"reason", std::string(10'000, 'x')}});
  EXPECT_EQ(StringOf(fields, "reason").size(), 256U);
}

}  // namespace
}  // namespace gctq::audit
