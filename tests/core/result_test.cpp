#include "gctq/core/result.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace gctq {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return MakeError(ErrorCode::kInvalidArgument, "n must be even");
  return n / 2;
}

Result<int> Quarter(int n) {
  auto half = Half(n);
  if (!half) return half.error();
  return Half(*half);
}

Status CheckEven(int n) {
  GCTQ_TRY(Half(n));
  return Ok{};
}

TEST(ResultTest, CarriesValueOrError) {
  auto good = Half(8);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 4);
  auto bad = Half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().message, "n must be even");
}

TEST(ResultTest, PropagatesErrorsThroughCallers) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_FALSE(Quarter(6).ok());
  EXPECT_TRUE(CheckEven(2).ok());
  EXPECT_EQ(CheckEven(1).error().code, ErrorCode::kInvalidArgument);
}

TEST(ResultTest, HoldsMoveOnlyValues) {
  Result<std::unique_ptr<std::string>> r = std::make_unique<std::string>("x");
  std::unique_ptr<std::string> taken = std::move(r).value();
  EXPECT_EQ(*taken, "x");
}

TEST(ErrorTest, DescribeIncludesHttpDetailsWhenPresent) {
  Error e = MakeError(ErrorCode::kInvalidArgument, "page size too large");
  EXPECT_EQ(e.Describe(), "page size too large");
  e.http_status = 400;
  e.service_code = "bad.request";
  e.context_id = "abc";
  EXPECT_EQ(e.Describe(), "page size too large (http 400 bad.request, contextId abc)");
  EXPECT_EQ(ToString(ErrorCode::kQuotaExhausted), "quota_exhausted");
}

}  // namespace
}  // namespace gctq
